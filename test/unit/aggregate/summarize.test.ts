import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
	applyRevisions, emptyState, type EntrySnapshot, type RevisionInput, type StatusValue,
} from '../../../shared/aggregate/attribution.ts';
import { summarize, type AggregateConfig, type SummaryData } from '../../../shared/aggregate/summarize.ts';
import { toSummaryJson } from '../../../shared/aggregate/summary-json.ts';
import { renderSummaryPage, bar } from '../../../shared/aggregate/summary-page.ts';
import { escapeInline } from '../../../shared/aggregate/escape.ts';
import { parseSummary, sectionAnchor } from '../../../shared/contracts/summary.ts';

interface Fixture {
	config: AggregateConfig;
	members: string[];
	revisions: {
		revid: number;
		title: string;
		user: string;
		entries: {
			id: string; section: string; stance: string; region: string; lang: string;
			rubric: Record<string, number | null>; status?: StatusValue; sig?: string;
		}[];
	}[];
	expect: {
		sections: Record<string, Record<string, unknown> & { openIds: string[] }>;
		flaggedIds: string[];
		unplaced: string[];
		json: Record<string, number>;
	};
}

const fixtureUrl = new URL( '../../fixtures/aggregate/summary.json', import.meta.url );
const fixture = JSON.parse( readFileSync( fixtureUrl, 'utf8' ) ) as Fixture;

function revisions(): RevisionInput[] {
	return fixture.revisions.map( ( r ) => ( {
		revid: r.revid,
		title: r.title,
		timestamp: `2026-11-0${ r.revid }T00:00:00Z`,
		user: r.user,
		anon: false,
		entries: r.entries.map( ( e ): EntrySnapshot => ( {
			id: e.id,
			data: {
				section: e.section, stance: e.stance, rubric: e.rubric,
				region: e.region, lang: e.lang,
				comment: `comment ${ e.id }`, wording: '', page: 'Draft', rev: 1,
			},
			status: e.status ?? 'open',
			statusNote: '',
			signatureUser: e.sig ?? null,
		} ) ),
	} ) );
}

function run(): SummaryData {
	const state = emptyState();
	applyRevisions( state, revisions(), {
		isArchive: () => false,
		isMember: ( u ) => fixture.members.includes( u ),
	} );
	const records = Object.values( state.entries );
	return summarize( fixture.config, records, ( t ) => ( t === 'Talk:Draft' ? 'def' : null ) );
}

describe( 'summarize (fixture)', () => {
	const data = run();

	for ( const [ id, want ] of Object.entries( fixture.expect.sections ) ) {
		it( `section ${ id }`, () => {
			const s = data.drafts[ 0 ]?.sections.find( ( x ) => x.id === id );
			expect( s ).toBeDefined();
			const { openIds, ...figures } = want;
			expect( s ).toMatchObject( figures );
			expect( s?.open.map( ( o ) => o.id ) ).toEqual( openIds );
		} );
	}

	it( 'lists flagged and unplaced entries', () => {
		expect( data.flagged.map( ( f ) => f.id ) ).toEqual( fixture.expect.flaggedIds );
		expect( data.unplaced ).toEqual( fixture.expect.unplaced );
	} );

	it( 'produces summary JSON that satisfies the contract', () => {
		const json = toSummaryJson( data, { min: 1, max: 5 }, '2026-11-06T00:00:00Z' );
		const checked = parseSummary( JSON.parse( JSON.stringify( json ) ) );
		expect( checked.problems ).toEqual( [] );
		expect( checked.ok ).toBe( true );
		expect( json.flagged ).toEqual( fixture.expect.json );
	} );

	it( 'renders the same page for the same data', () => {
		const a = renderSummaryPage( fixture.config, data, { asOf: 'x' } );
		const b = renderSummaryPage( fixture.config, run(), { asOf: 'x' } );
		expect( a ).toBe( b );
		expect( a ).toContain( '* ⚠ No feedback yet from Asia.' );
	} );

	it( 'puts each section\'s anchor (the gadget\'s counts link to it) in its heading, so the heading shows', () => {
		const page = renderSummaryPage( fixture.config, data, { asOf: 'x' } );
		const sections = data.drafts[ 0 ]?.sections ?? [];
		expect( sections.length ).toBeGreaterThan( 0 );
		for ( const s of sections ) {
			const anchor = `<span id="${ sectionAnchor( 'def', s.id ) }"></span>`;
			const line = page.split( '\n' ).find( ( l ) => l.includes( anchor ) );
			// On its own line after the heading, a link scrolled the heading out of view.
			expect( line ).toBe( `=== ${ anchor }${ escapeInline( s.label ) } ===` );
		}
	} );

	it( 'does not depend on the order of the records', () => {
		const state = emptyState();
		applyRevisions( state, revisions(), { isArchive: () => false, isMember: ( u ) => u === 'Dana' } );
		const records = Object.values( state.entries ).reverse();
		const reversed = summarize( fixture.config, records, ( t ) => ( t === 'Talk:Draft' ? 'def' : null ) );
		expect( reversed ).toEqual( data );
	} );
} );

describe( 'bar', () => {
	it.each( [ [ 0, 4, '' ], [ 4, 4, '██████████' ], [ 1, 4, '███' ], [ 1, 100, '█' ] ] )( '%i of %i', ( n, max, want ) => {
		expect( bar( n, max, 10 ) ).toBe( want );
	} );
} );

describe( 'escapeInline', () => {
	const decode = ( s: string ): string => s.replace( /&#(\d+);/g, ( _m, d: string ) => String.fromCharCode( Number( d ) ) );

	it( 'makes wiki syntax inert and decodes back to the text', () => {
		fc.assert( fc.property( fc.string( { unit: fc.constantFrom( ...'{}[]|=~<>!#*:;\'&_-/ \nabcISBNRFC0123456789'.split( '' ) ) } ), ( text ) => {
			const out = escapeInline( text );
			expect( out ).not.toMatch( /\{\{|\[\[|\]\]|~~~|<|>|__|:\/\/|\n|\|/ );
			expect( decode( out ) ).toBe( text.normalize( 'NFC' ).replace( /\n/g, ' ' ) );
		} ), { numRuns: 2000 } );
	} );
} );

describe( 'summarize ordering', () => {
	it( 'orders entries saved in the same second by the revision that first held them', () => {
		// MediaWiki timestamps have one-second resolution, so two entries saved in the same
		// second tie; revision ids are chronological across pages, so they break the tie (the
		// entry ids, random after their time part, must not).
		const at = '2026-11-29T10:00:00Z';
		const entry = ( id: string ): EntrySnapshot => ( {
			id,
			data: {
				section: 'leader', stance: 'support', rubric: {}, region: 'eseap', lang: 'en',
				comment: '', wording: '', page: 'Draft', rev: 1,
			},
			status: 'open',
			statusNote: '',
			signatureUser: null,
		} );
		const state = emptyState();
		applyRevisions( state, [
			{ revid: 7, title: 'Talk:Draft', timestamp: at, user: 'Zed', anon: false, entries: [ entry( 'zzz-later-id' ) ] },
			{ revid: 8, title: 'Talk:Draft', timestamp: at, user: 'Amy', anon: false, entries: [ entry( 'zzz-later-id' ), entry( 'aaa-early-id' ) ] },
		], { isArchive: () => false, isMember: () => false } );
		const data = summarize( fixture.config, Object.values( state.entries ), () => 'def' );
		const leader = data.drafts[ 0 ]?.sections.find( ( s ) => s.id === 'leader' );
		expect( leader?.open.map( ( o ) => o.id ) ).toEqual( [ 'zzz-later-id', 'aaa-early-id' ] );
	} );
} );

describe( 'rubric answers outside the scale', () => {
	it( 'counts the entry, leaves the answer out of the scores and lists it on the page', () => {
		// The codec reads any whole number (`r-useful=9` written by hand); the scale is 1–5.
		const entry = ( id: string, useful: number ): EntrySnapshot => ( {
			id,
			data: {
				section: 'leader', stance: 'support', rubric: { useful }, region: 'africa',
				lang: 'en', comment: '', wording: '', page: 'Draft', rev: 1,
			},
			status: 'open',
			statusNote: '',
			signatureUser: null,
		} );
		const state = emptyState();
		applyRevisions( state, [
			{ revid: 1, title: 'Talk:Draft', timestamp: '2026-11-01T00:00:00Z', user: 'Alice', anon: false, entries: [ entry( 'a', 4 ) ] },
			{ revid: 2, title: 'Talk:Draft', timestamp: '2026-11-02T00:00:00Z', user: 'Bob', anon: false, entries: [ entry( 'a', 4 ), entry( 'b', 9 ) ] },
		], { isArchive: () => false, isMember: () => false } );
		const data = summarize( fixture.config, Object.values( state.entries ), () => 'def' );
		const leader = data.drafts[ 0 ]?.sections.find( ( s ) => s.id === 'leader' );
		expect( leader?.entries ).toBe( 2 );
		expect( leader?.rubric.useful ).toEqual( { scores: { 4: 1 }, noOpinion: 0, mean: 4 } );
		expect( data.outOfScale ).toEqual( [ { id: 'b', question: 'useful', answer: 9 } ] );
		const json = toSummaryJson( data, { min: 1, max: 5 }, '2026-11-02T00:00:00Z' );
		expect( parseSummary( JSON.parse( JSON.stringify( json ) ) ).problems ).toEqual( [] );
		expect( renderSummaryPage( fixture.config, data, { asOf: 'x' } ) )
			.toContain( 'Rubric answers outside the scale 1–5, not counted: b (useful: 9).' );
	} );
} );

describe( 'ids that are names of Object.prototype members', () => {
	it( 'a hand-written stance or rubric question "constructor" is counted as any unknown id', () => {
		// `constructor` is a valid id for the codec; a plain object lookup finds Object's own
		// function instead of "no count yet".
		const state = emptyState();
		applyRevisions( state, [ {
			revid: 1, title: 'Talk:Draft', timestamp: '2026-11-01T00:00:00Z', user: 'Alice', anon: false,
			entries: [ {
				id: 'a',
				data: {
					section: 'leader', stance: 'constructor', rubric: { constructor: 3, useful: 4 },
					region: 'constructor', lang: 'en', comment: '', wording: '', page: 'Draft', rev: 1,
				},
				status: 'open',
				statusNote: '',
				signatureUser: null,
			} ],
		} ], { isArchive: () => false, isMember: () => false } );
		const data = summarize( fixture.config, Object.values( state.entries ), () => 'def' );
		const leader = data.drafts[ 0 ]?.sections.find( ( s ) => s.id === 'leader' );
		expect( leader?.stances ).toEqual( { support: 0, oppose: 0, constructor: 1 } );
		expect( Object.keys( leader?.rubric ?? {} ) ).toEqual( [ 'useful' ] );
		expect( leader?.rubric.useful?.scores ).toEqual( { 4: 1 } );
		expect( leader?.regions ).toEqual( { other: 1 } );
		const page = renderSummaryPage( fixture.config, data, { asOf: 'x' } );
		expect( page ).toContain( '| constructor || 1 || ' );
		expect( page ).not.toContain( 'function' );
	} );
} );
