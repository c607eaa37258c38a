/**
 * The entry status contract: tolerant reading of the raw fields and the rule that only members'
 * decisions count (data-driven from `status.cases.json`).
 */
import { describe, it, expect } from 'vitest';
import {
	readStatus, resolveStatus, parseStatusFields, isStatus, STATUS_NOTE_MAX_LENGTH,
	type ObservedStatus, type ResolvedStatus, type StatusFields,
} from '../../../shared/contracts/status.ts';
import { isMember, parseConfig } from '../../../shared/contracts/config.ts';
import { fixture } from './fixtures.ts';

interface Cases {
	read: {
		description: string;
		status: string | null;
		note: string | null;
		expected: StatusFields;
		problems: string[];
	}[];
	resolve: ( { description: string; fields: StatusFields; expected: ResolvedStatus } & Omit<ObservedStatus, 'fields'> )[];
}

const cases = fixture( 'status.cases.json' ) as Cases;
const parsed = parseConfig( fixture( 'config-site.valid.json' ), fixture( 'config-sprint.valid.json' ) );
if ( !parsed.ok ) {
	throw new Error( 'configuration fixtures must parse' );
}
const config = parsed.value;

describe( 'readStatus', () => {
	it.each( cases.read )( '$description', ( c ) => {
		const { fields, problems } = readStatus( c.status ?? undefined, c.note ?? undefined );
		expect( fields ).toEqual( c.expected );
		expect( problems.map( ( p ) => p.path ) ).toEqual( c.problems );
	} );

	it( 'keeps an over-long note whole and reports it', () => {
		const note = 'x'.repeat( STATUS_NOTE_MAX_LENGTH + 1 );
		const { fields, problems } = readStatus( 'declined', note );
		expect( fields.statusNote ).toBe( note );
		expect( problems.map( ( p ) => p.path ) ).toEqual( [ '$.statusNote' ] );
	} );
} );

describe( 'resolveStatus with the fixture configuration\'s members', () => {
	it.each( cases.resolve )( '$description', ( c ) => {
		const observed: ObservedStatus = {
			fields: c.fields, setBy: c.setBy, withdrawnByAuthor: c.withdrawnByAuthor,
		};
		const member = ( user: string ): boolean => isMember( config, user );
		expect( resolveStatus( observed, member ) ).toEqual( c.expected );
	} );
} );

describe( 'parseStatusFields', () => {
	it( 'fills in defaults and refuses unknown statuses', () => {
		const ok = parseStatusFields( {} );
		expect( ok.ok && ok.value ).toEqual( { status: 'open', statusNote: '' } );
		const bad = parseStatusFields( { status: 'withdrawn', statusNote: 3 } );
		expect( bad.problems.map( ( p ) => p.path ) ).toEqual( [ '$.status', '$.statusNote' ] );
	} );

	it( 'knows the settable statuses', () => {
		expect( [ 'open', 'accepted', 'declined', 'withdrawn', '', null ].map( isStatus ) )
			.toEqual( [ true, true, true, false, false, false ] );
	} );
} );
