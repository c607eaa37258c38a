/**
 * The glossary contracts: the valid fixtures parse, every invalid fixture reports exactly the
 * listed problem paths, and hostile input never throws
 * (test/fixtures/contracts/glossary*.json).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	parseGlossary,
	parseTermIndex,
	validateGlossary,
} from '../../../shared/contracts/glossary.ts';
import { fixture, fixtureNames, fixtureText } from '../contracts/fixtures.ts';

interface InvalidCase {
	description: string;
	document: unknown;
	problems: string[];
}

describe( 'compiled glossary contract', () => {
	it( 'accepts the valid fixture, from text and from a value', () => {
		const fromText = parseGlossary( fixtureText( 'glossary.valid.json' ) );
		expect( fromText.problems ).toEqual( [] );
		expect( fromText.ok ).toBe( true );
		expect( parseGlossary( fixture( 'glossary.valid.json' ) ).ok ).toBe( true );
	} );

	it( 'the valid fixture covers missing and outdated entries', () => {
		const result = parseGlossary( fixtureText( 'glossary.valid.json' ) );
		const statuses = result.ok ? result.value.concepts.flatMap(
			( c ) => Object.values( c.entries ).map( ( e ) => e.status ) ) : [];
		expect( statuses ).toContain( 'missing' );
		expect( statuses ).toContain( 'outdated' );
	} );

	it( 'writes an unlisted language\'s path as the schemas write paths', () => {
		const document = fixture( 'glossary.valid.json' ) as {
			concepts: { entries: Record<string, unknown> }[];
		};
		const [ first ] = document.concepts;
		if ( first ) {
			first.entries[ 'pt-br' ] = first.entries.en;
		}
		expect( validateGlossary( document ).problems.map( ( p ) => p.path ) )
			.toEqual( [ '$.concepts[0].entries["pt-br"]' ] );
	} );

	it( 'has invalid fixtures', () => {
		expect( fixtureNames( 'glossary.invalid-' ).length ).toBeGreaterThanOrEqual( 3 );
	} );

	describe.each( fixtureNames( 'glossary.invalid-' ) )( '%s', ( name ) => {
		it( 'is refused with exactly the listed problem paths', () => {
			const testCase = fixture( name ) as InvalidCase;
			const result = parseGlossary( testCase.document );
			expect( result.ok ).toBe( false );
			const paths = result.problems.map( ( p ) => p.path ).sort();
			expect( paths ).toEqual( [ ...testCase.problems ].sort() );
		} );
	} );

	it.each( [ '', '{', 'null', '[]', '"text"', '{"version":1}', '{"version":"1"}' ] )( 'refuses %j without throwing', ( text ) => {
		const result = parseGlossary( text );
		expect( result.ok ).toBe( false );
		expect( result.problems.length ).toBeGreaterThan( 0 );
	} );

	it( 'never throws on arbitrary JSON values', () => {
		fc.assert( fc.property( fc.jsonValue(), ( value ) => {
			expect( () => validateGlossary( value ) ).not.toThrow();
			expect( validateGlossary( value ).ok ).toBe( false );
		} ), { numRuns: 300 } );
	} );
} );

describe( 'term index contract', () => {
	it( 'accepts the valid fixture', () => {
		const result = parseTermIndex( fixtureText( 'glossary-terms.valid.json' ) );
		expect( result.problems ).toEqual( [] );
		expect( result.ok ).toBe( true );
	} );

	describe.each( fixtureNames( 'glossary-terms.invalid-' ) )( '%s', ( name ) => {
		it( 'is refused with exactly the listed problem paths', () => {
			const testCase = fixture( name ) as InvalidCase;
			const result = parseTermIndex( testCase.document );
			expect( result.ok ).toBe( false );
			const paths = result.problems.map( ( p ) => p.path ).sort();
			expect( paths ).toEqual( [ ...testCase.problems ].sort() );
		} );
	} );

	it( 'explains a newer version', () => {
		expect( parseTermIndex( '{"version":2,"language":"fr","terms":[]}' ).problems ).toEqual( [
			{ path: '$.version', message: 'glossary term index version 2 is newer than this tool understands (version 1); update ldwg-tools' },
		] );
	} );

	it( 'never throws on arbitrary JSON values', () => {
		fc.assert( fc.property( fc.jsonValue(), ( value ) => {
			expect( () => parseTermIndex( value ) ).not.toThrow();
		} ), { numRuns: 300 } );
	} );
} );
