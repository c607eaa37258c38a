/**
 * Validators never throw and never return half a document, whatever they are given: arbitrary
 * JSON values, and valid documents with one value replaced somewhere (the likely shape of a bad
 * edit to a configuration page).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseConfig } from '../../../shared/contracts/config.ts';
import { parseSummary } from '../../../shared/contracts/summary.ts';
import { validateEntry } from '../../../shared/contracts/entry.ts';
import { num, record, validate } from '../../../shared/validate.ts';
import { fixture } from './fixtures.ts';

type Json = null | boolean | number | string | Json[] | { [ key: string ]: Json };

/** Paths to every value of a JSON document, as key lists. */
function paths( value: Json, prefix: ( string | number )[] = [] ): ( string | number )[][] {
	const out: ( string | number )[][] = [ prefix ];
	if ( Array.isArray( value ) ) {
		value.forEach( ( v, i ) => out.push( ...paths( v, [ ...prefix, i ] ) ) );
	} else if ( value !== null && typeof value === 'object' ) {
		for ( const key of Object.keys( value ) ) {
			out.push( ...paths( value[ key ] as Json, [ ...prefix, key ] ) );
		}
	}
	return out;
}

/** A copy of `doc` with the value at `path` replaced (the root when the path is empty). */
function replaced( doc: Json, path: ( string | number )[], value: Json ): Json {
	if ( path.length === 0 ) {
		return value;
	}
	const copy = JSON.parse( JSON.stringify( doc ) ) as Json;
	let node = copy as Record<string | number, Json>;
	for ( const key of path.slice( 0, -1 ) ) {
		node = node[ key ] as Record<string | number, Json>;
	}
	node[ path[ path.length - 1 ] as string | number ] = value;
	return copy;
}

const site = fixture( 'config-site.valid.json' ) as Json;
const sprint = fixture( 'config-sprint.valid.json' ) as Json;
const summary = fixture( 'summary.valid.json' ) as Json;

describe( 'parseConfig', () => {
	it( 'never throws on arbitrary values and reports problems on the right page', () => {
		fc.assert( fc.property( fc.jsonValue(), fc.jsonValue(), ( a, b ) => {
			const result = parseConfig( a, b );
			expect( result.ok ).toBe( false );
			expect( result.problems.length ).toBeGreaterThan( 0 );
			expect( result.problems.every( ( p ) => /^\$(site|sprint)/.test( p.path ) ) ).toBe( true );
		} ), { numRuns: 300 } );
	} );

	it( 'with one value of a valid configuration replaced: a whole config or problems', () => {
		const sitePaths = paths( site );
		const sprintPaths = paths( sprint );
		fc.assert( fc.property(
			fc.boolean(),
			fc.nat(),
			fc.jsonValue( { maxDepth: 2 } ),
			( inSite, index, value ) => {
				const docPaths = inSite ? sitePaths : sprintPaths;
				const path = docPaths[ index % docPaths.length ] ?? [];
				const changedSite = inSite ? replaced( site, path, value as Json ) : site;
				const result = inSite ?
					parseConfig( changedSite, sprint ) :
					parseConfig( site, replaced( sprint, path, value as Json ) );
				if ( result.ok ) {
					expect( result.problems ).toEqual( [] );
					expect( result.value.drafts.length ).toBeGreaterThan( 0 );
				} else {
					expect( 'value' in result ).toBe( false );
					const page = inSite ? '$site' : '$sprint';
					const onPage = result.problems.every( ( p ) => p.path.startsWith( page ) );
					// Rules across both pages (a sprint naming a draft id the site renamed) are
					// reported where the reference is, on the sprint page: only when the site
					// page is valid on its own.
					const across = inSite && parseConfig( changedSite ).ok &&
						result.problems.every( ( p ) => p.path.startsWith( '$sprint' ) );
					expect( onPage || across ).toBe( true );
				}
			},
		), { numRuns: 1000 } );
	} );
} );

describe( 'parseSummary', () => {
	it( 'never throws on arbitrary values or text', () => {
		fc.assert( fc.property( fc.oneof( fc.jsonValue(), fc.string() ), ( value ) => {
			const result = parseSummary( value );
			expect( result.ok ).toBe( false );
			expect( result.problems.length ).toBeGreaterThan( 0 );
		} ), { numRuns: 300 } );
	} );

	it( 'on a valid summary with one value replaced: a whole summary or problems', () => {
		const all = paths( summary );
		fc.assert( fc.property( fc.nat(), fc.jsonValue( { maxDepth: 2 } ), ( index, value ) => {
			const path = all[ index % all.length ] ?? [];
			const result = parseSummary( replaced( summary, path, value as Json ) );
			if ( result.ok ) {
				expect( result.problems ).toEqual( [] );
			} else {
				expect( 'value' in result ).toBe( false );
				expect( result.problems.length ).toBeGreaterThan( 0 );
			}
		} ), { numRuns: 1000 } );
	} );
} );

describe( 'values JSON cannot write', () => {
	it( 'are reported like any wrong value, with the other problems', () => {
		// A BigInt makes JSON.stringify throw; the message must not, or one "validator error"
		// would replace the whole list of problems.
		const result = validateEntry( { version: 1, id: 'bad', status: BigInt( 1 ) } );
		expect( result.problems.map( ( p ) => p.path ) ).toEqual( [ '$.id', '$.status' ] );
	} );
} );

describe( 'record', () => {
	it( 'keeps a __proto__ key as an own key, leaving the prototype alone', () => {
		const result = validate( record( num() ), JSON.parse( '{"__proto__":{"x":1},"a":2}' ) );
		expect( result.problems.map( ( p ) => p.path ) ).toEqual( [ '$.__proto__' ] );
		const checked = validate( record( record( num() ) ), JSON.parse( '{"__proto__":{"x":1}}' ) );
		expect( checked.ok && Object.keys( checked.value ) ).toEqual( [ '__proto__' ] );
		expect( checked.ok && Object.getPrototypeOf( checked.value ) ).toBe( Object.prototype );
	} );
} );
