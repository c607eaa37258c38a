/**
 * Matcher rules, data-driven (test/fixtures/glossary/matcher-cases.json), plus the properties
 * that must hold for any glossary and any text (fast-check).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMatcher, createTermMatcher, type Match } from '../../../shared/glossary/matcher.ts';
import { buildTermIndex } from '../../../shared/glossary/term-index.ts';
import type { CompiledGlossary } from '../../../shared/contracts/glossary.ts';
import { foldText, isWordChar } from '../../../shared/glossary/language.ts';

interface MatcherCase {
	name: string;
	language: string;
	terms: [ string, string ][];
	text: string;
	expected: [ string, string ][];
}

const fixture = JSON.parse( readFileSync(
	path.resolve( __dirname, '../../fixtures/glossary/matcher-cases.json' ), 'utf8' ) ) as { cases: MatcherCase[] };

describe( 'createMatcher: language rules', () => {
	it( 'has cases to run', () => {
		expect( fixture.cases.length ).toBeGreaterThan( 20 );
	} );

	it.each( fixture.cases.map( ( c ) => [ c.name, c ] as const ) )( '%s', ( _name, c ) => {
		const matches = createMatcher( c.terms, c.language ).match( c.text );
		const found = matches.map( ( m ) => [ c.text.slice( m.start, m.end ), m.conceptId ] );
		expect( found ).toEqual( c.expected );
	} );
} );

describe( 'createMatcher: sources and robustness', () => {
	it( 'reports the glossary term that matched, as written in the glossary', () => {
		const m = createMatcher( [ [ 'Task force', 'task-force' ] ], 'en' );
		expect( m.match( 'a TASK FORCE' ) ).toEqual( [ { start: 2, end: 12, conceptId: 'task-force', term: 'Task force' } ] );
	} );

	it( 'accepts a term index', () => {
		const m = createMatcher( { version: 1, language: 'fr', terms: [ [ 'Mentorat', 'mentorship' ] ] }, 'fr' );
		expect( m.match( 'le mentorat' ).map( ( x ) => x.conceptId ) ).toEqual( [ 'mentorship' ] );
		expect( m.size ).toBe( 1 );
	} );

	it( 'matches a glossary as its term index in that language (with fallbacks)', () => {
		const glossary: CompiledGlossary = {
			version: 1, generated: '2026-01-01T00:00:00Z', sourceLanguage: 'en', languages: [ 'en', 'pt' ],
			concepts: [
				{ id: 'mentorship', type: 'skill', status: 'agreed', related: [], entries: {
					en: { term: 'mentorship', aliases: [ 'mentoring' ], definition: 'd' },
					pt: { term: 'mentoria', aliases: [], definition: 'd' },
				} },
				{ id: 'task-force', type: 'other', status: 'agreed', related: [], entries: {
					en: { term: 'task force', aliases: [], definition: 'd' },
				} },
			],
		};
		const text = 'A mentoria da task force, mentoring e Mentorship.';
		const fromGlossary = createMatcher( glossary, 'pt-BR' ).match( text );
		expect( fromGlossary.map( ( m ) => m.conceptId ) ).toEqual( [ 'mentorship', 'task-force' ] );
		expect( createTermMatcher( buildTermIndex( glossary, 'pt-br' ), 'pt-BR' ).match( text ) )
			.toEqual( fromGlossary );
		expect( createTermMatcher( glossary as unknown as [ string, string ][], 'en' ).size ).toBe( 0 );
	} );

	it( 'skips malformed entries of an untrusted index and never throws', () => {
		const junk = { version: 1, language: 'en', terms: [ null, [ 1, 'x' ], [ 'ok', 7 ], [ 'fine', 'fine' ], 'str' ] } as unknown as Parameters<typeof createMatcher>[ 0 ];
		const m = createMatcher( junk, 'en' );
		expect( m.size ).toBe( 1 );
		expect( m.match( 'fine' ) ).toHaveLength( 1 );
		expect( m.match( undefined as unknown as string ) ).toEqual( [] );
		expect( createMatcher( null as unknown as Parameters<typeof createMatcher>[ 0 ], 'en' ).match( 'x' ) ).toEqual( [] );
	} );

	it( 'picks the longest of terms nested in one another, without a candidate list per position', () => {
		// `a`, `a a`, …, `a a a a a a a a a a`: every position ends ten candidates. An untrusted
		// glossary with such terms once cost seconds and hundreds of MB on a long text node
		// (every candidate was kept and sorted); only the best per start is kept now.
		const terms: [ string, string ][] = Array.from( { length: 10 }, ( _, n ) => [
			Array( n + 1 ).fill( 'a' ).join( ' ' ), `c${ n + 1 }`,
		] );
		const text = Array( 25 ).fill( 'a' ).join( ' ' );
		const found = createMatcher( terms, 'en' ).match( text );
		expect( found.map( ( m ) => m.conceptId ) ).toEqual( [ 'c10', 'c10', 'c5' ] );
		expect( found.map( ( m ) => [ m.start, m.end ] ) )
			.toEqual( [ [ 0, 19 ], [ 20, 39 ], [ 40, 49 ] ] );
	} );

	it( 'keeps the longest candidate that ends on a word boundary', () => {
		// `ab c` ends inside the word `cd`; the shorter `ab` is the one that fits.
		const m = createMatcher( [ [ 'ab', 'short' ], [ 'ab c', 'long' ] ], 'en' );
		expect( m.match( 'ab cd' ) ).toEqual( [
			{ start: 0, end: 2, conceptId: 'short', term: 'ab' },
		] );
	} );

	it( 'matches an empty text and a text without terms with no result', () => {
		const m = createMatcher( [ [ 'leader', 'leader' ] ], 'en' );
		expect( m.match( '' ) ).toEqual( [] );
		expect( m.match( 'nothing here' ) ).toEqual( [] );
	} );
} );

// --- Properties -------------------------------------------------------------------------------

const alphabet = [ 'a', 'b', 'e', 'é', 'e\u0301', 'I', 'i', 'ı', 'İ', 'ß', 's', 'S', ' ', '-', '+',
	'(', '.', '领', '导', 'ผ', 'ู', '\u00a0', 'A', 'Σ', 'ς', '\u{1F600}' ];
const textArb = fc.array( fc.constantFrom( ...alphabet ), { maxLength: 40 } ).map( ( a ) => a.join( '' ) );
const termArb = fc.array( fc.constantFrom( ...alphabet ), { minLength: 1, maxLength: 5 } ).map( ( a ) => a.join( '' ) );
const glossaryArb = fc.array( fc.tuple( termArb, fc.constantFrom( 'c1', 'c2', 'c3', 'c4' ) ), { minLength: 1, maxLength: 8 } );
const languageArb = fc.constantFrom( 'en', 'tr', 'de', 'zh', 'ar' );

function wordAt( text: string, index: number ): boolean {
	const cp = text.codePointAt( index );
	return cp !== undefined && isWordChar( String.fromCodePoint( cp ) );
}

function check( text: string, terms: [ string, string ][], language: string ): Match[] {
	return createMatcher( terms, language ).match( text );
}

describe( 'createMatcher: properties', () => {
	it( 'gives one matcher used for many texts the same results as a fresh matcher for each', () => {
		// The matcher keeps its candidate tables between calls; nothing may leak from one text
		// into the next, whatever their lengths.
		const texts = fc.array( textArb, { minLength: 2, maxLength: 6 } );
		fc.assert( fc.property( texts, glossaryArb, languageArb, ( list, terms, language ) => {
			const reused = createMatcher( terms, language );
			for ( const text of list ) {
				const fresh = createMatcher( terms, language );
				expect( reused.match( text ) ).toEqual( fresh.match( text ) );
			}
		} ), { numRuns: 300 } );
	} );

	it( 'matches are ordered, non-overlapping and within bounds (marking cannot change the text)', () => {
		fc.assert( fc.property( textArb, glossaryArb, languageArb, ( text, terms, language ) => {
			let last = 0;
			for ( const m of check( text, terms, language ) ) {
				expect( m.start ).toBeGreaterThanOrEqual( last );
				expect( m.end ).toBeGreaterThan( m.start );
				expect( m.end ).toBeLessThanOrEqual( text.length );
				last = m.end;
			}
		} ), { numRuns: 400 } );
	} );

	it( 'every match is a glossary term or alias of its concept, up to folding and NFC', () => {
		fc.assert( fc.property( textArb, glossaryArb, languageArb, ( text, terms, language ) => {
			for ( const m of check( text, terms, language ) ) {
				const slice = foldText( text.slice( m.start, m.end ).replace( /\s/g, ' ' ), language );
				const own = terms.filter( ( [ t, id ] ) => id === m.conceptId &&
					foldText( t.replace( /\s+/g, ' ' ).trim(), language ) === slice );
				expect( own.length, JSON.stringify( { text, m } ) ).toBeGreaterThan( 0 );
				expect( m.term.replace( /\s+/g, ' ' ).trim() ).toBe( m.term );
			}
		} ), { numRuns: 400 } );
	} );

	it( 'a match never splits a word of a script written with spaces', () => {
		const latin = fc.array( fc.constantFrom( 'a', 'b', 'é', ' ', '-', '.', 'ß', 'I' ), { maxLength: 40 } ).map( ( a ) => a.join( '' ) );
		const latinTerm = fc.array( fc.constantFrom( 'a', 'b', 'é', 'ß', 'I', '-', ' ' ), { minLength: 1, maxLength: 4 } ).map( ( a ) => a.join( '' ) );
		const latinGlossary = fc.array( fc.tuple( latinTerm, fc.constantFrom( 'c1', 'c2' ) ), { minLength: 1, maxLength: 6 } );
		fc.assert( fc.property( latin, latinGlossary, ( text, terms ) => {
			for ( const m of check( text, terms, 'en' ) ) {
				if ( wordAt( text, m.start ) && m.start > 0 ) {
					expect( wordAt( text, m.start - 1 ) ).toBe( false );
				}
				if ( wordAt( text, m.end - 1 ) ) {
					expect( wordAt( text, m.end ) ).toBe( false );
				}
			}
		} ), { numRuns: 400 } );
	} );

	it( 'finds a term placed between spaces anywhere in a text', () => {
		fc.assert( fc.property( textArb, textArb, fc.constantFrom( 'leadership', 'task force', 'C++', 'ışık' ), ( before, after, term ) => {
			const text = `${ before } ${ term } ${ after }`;
			const at = before.length + 1;
			const matches = check( text, [ [ term, 'target' ] ], 'tr' );
			// The planted occurrence is found unless an earlier, overlapping one was taken.
			const hit = matches.find( ( m ) => m.start <= at && m.end > at );
			expect( hit?.conceptId ).toBe( 'target' );
		} ), { numRuns: 300 } );
	} );

	it( 'agrees with a naive reference matcher on ASCII text', () => {
		const ascii = fc.array( fc.constantFrom( 'a', 'b', 'c', ' ', '.' ), { maxLength: 30 } ).map( ( a ) => a.join( '' ) );
		const asciiTerm = fc.array( fc.constantFrom( 'a', 'b', 'c', ' ' ), { minLength: 1, maxLength: 4 } ).map( ( a ) => a.join( '' ).trim() ).filter( ( t ) => t !== '' && !/\s\s/.test( t ) );
		const asciiGlossary = fc.uniqueArray( asciiTerm, { minLength: 1, maxLength: 6 } ).map( ( ts ) => ts.map( ( t, i ): [ string, string ] => [ t, `c${ i }` ] ) );
		fc.assert( fc.property( ascii, asciiGlossary, ( text, terms ) => {
			expect( check( text, terms, 'en' ).map( ( m ) => [ m.start, m.end, m.conceptId ] ) ).toEqual( naive( text, terms ) );
		} ), { numRuns: 500 } );
	} );
} );

/** Reference: at each position, the longest term that fits whole words; then skip past it. */
function naive( text: string, terms: [ string, string ][] ): [ number, number, string ][] {
	const out: [ number, number, string ][] = [];
	const word = ( i: number ): boolean => i >= 0 && i < text.length && /[a-z0-9]/i.test( text[ i ] as string );
	let i = 0;
	while ( i < text.length ) {
		let best: [ number, number, string ] | null = null;
		for ( const [ t, id ] of terms ) {
			if ( text.slice( i, i + t.length ).toLowerCase() !== t.toLowerCase() ) {
				continue;
			}
			const end = i + t.length;
			if ( ( word( i ) && word( i - 1 ) ) || ( word( end - 1 ) && word( end ) ) ) {
				continue;
			}
			if ( !best || end > best[ 1 ] ) {
				best = [ i, end, id ];
			}
		}
		if ( best ) {
			out.push( best );
			i = best[ 1 ];
		} else {
			i++;
		}
	}
	return out;
}
