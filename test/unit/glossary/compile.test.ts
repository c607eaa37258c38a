/**
 * The compiler: fixtures with expected problems (page, line, code) and expected output
 * (test/fixtures/glossary/compile-cases.json), and robustness on arbitrary input.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { compileGlossary } from '../../../shared/glossary/compile.ts';
import { validateGlossary, type GlossaryEntry } from '../../../shared/contracts/glossary.ts';
import { buildTermIndex } from '../../../shared/glossary/term-index.ts';
import { createMatcher } from '../../../shared/glossary/matcher.ts';

interface CompileCase {
	name: string;
	pages: { title: string; language: string; lines: string[] }[];
	problems: [ string, number, string ][];
	concepts: string[];
	entries?: Record<string, Record<string, GlossaryEntry>>;
	absent?: Record<string, string[]>;
}

const fixture = JSON.parse( readFileSync(
	path.resolve( __dirname, '../../fixtures/glossary/compile-cases.json' ), 'utf8' ) ) as { cases: CompileCase[] };

const GENERATED = '2026-01-01T00:00:00Z';

function sorted( problems: [ string, number, string ][] ): [ string, number, string ][] {
	return [ ...problems ].sort( ( a, b ) => a[ 0 ].localeCompare( b[ 0 ] ) || a[ 1 ] - b[ 1 ] ||
		a[ 2 ].localeCompare( b[ 2 ] ) );
}

describe( 'compileGlossary: fixtures', () => {
	it.each( fixture.cases.map( ( c ) => [ c.name, c ] as const ) )( '%s', ( _name, c ) => {
		const { glossary, problems } = compileGlossary(
			c.pages.map( ( p ) => ( { title: p.title, language: p.language, text: p.lines.join( '\n' ) } ) ),
			{ generated: GENERATED },
		);
		type Row = [ string, number, string ];
		const found = problems.map( ( p ): Row => [ p.page, p.line, p.code ] );
		expect( sorted( found ) ).toEqual( sorted( c.problems ) );
		expect( glossary.concepts.map( ( x ) => x.id ) ).toEqual( c.concepts );
		for ( const [ id, entries ] of Object.entries( c.entries ?? {} ) ) {
			const concept = glossary.concepts.find( ( x ) => x.id === id );
			for ( const [ lang, entry ] of Object.entries( entries ) ) {
				expect( concept?.entries[ lang ], `${ id }/${ lang }` ).toEqual( entry );
			}
		}
		for ( const [ id, langs ] of Object.entries( c.absent ?? {} ) ) {
			const concept = glossary.concepts.find( ( x ) => x.id === id );
			for ( const lang of langs ) {
				expect( concept?.entries[ lang ], `${ id }/${ lang }` ).toBeUndefined();
			}
		}
		// Whatever was wrong, the output is a valid document.
		expect( validateGlossary( glossary ).problems ).toEqual( [] );
	} );

	it( 'every problem names its page, a line, a severity and a message', () => {
		for ( const c of fixture.cases ) {
			const { problems } = compileGlossary( c.pages.map( ( p ) => ( { title: p.title, language: p.language, text: p.lines.join( '\n' ) } ) ), { generated: GENERATED } );
			for ( const p of problems ) {
				expect( p.line ).toBeGreaterThanOrEqual( 0 );
				expect( [ 'error', 'warning', 'info' ] ).toContain( p.severity );
				expect( p.message.length ).toBeGreaterThan( 5 );
			}
		}
	} );
} );

describe( 'compileGlossary: robustness', () => {
	it( 'never throws and always produces a valid glossary, whatever the pages hold', () => {
		const pieces = [ '{{LDWG glossary entry', '}}', '|id=a', '|id=b', '|type=skill', '|type=x', '|term=',
			'|definition=', 'Word', ' ', '\n', '<translate>', '</translate>', '<!--T:1-->', '[[', ']]', '|',
			'<span class="mw-translate-fuzzy">', '<span lang="en">', '</span>', '|aliases=a;b', '|related=a;b' ];
		const text = fc.array( fc.constantFrom( ...pieces ), { maxLength: 50 } ).map( ( a ) => a.join( '' ) );
		fc.assert( fc.property( text, text, ( en, fr ) => {
			const { glossary } = compileGlossary( [
				{ title: 'G', language: 'en', text: en },
				{ title: 'G/fr', language: 'fr', text: fr },
			], { generated: GENERATED } );
			expect( validateGlossary( glossary ).problems ).toEqual( [] );
		} ), { numRuns: 300 } );
	} );

	it( 'tolerates junk instead of pages', () => {
		const junk = [ null, 7, { title: 'x' }, { title: 'G', language: 'en', text: 5 } ] as unknown as Parameters<typeof compileGlossary>[ 0 ];
		expect( compileGlossary( junk ).problems.map( ( p ) => p.code ) ).toEqual( [ 'no-source-page' ] );
	} );

	it( 'stamps the compile time by default', () => {
		const { glossary } = compileGlossary( [ { title: 'G', language: 'en', text: '' } ] );
		expect( glossary.generated ).toMatch( /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/ );
	} );
} );

describe( 'compileGlossary: character references', () => {
	it( 'a term written with an entity matches the page text readers see', () => {
		const { glossary } = compileGlossary( [ { title: 'G', language: 'en', text: [
			'{{LDWG glossary entry', '|id=rnd', '|type=other', '|status=agreed',
			'|term=<translate><!--T:1--> R&amp;D</translate>',
			'|aliases=<translate><!--T:2--> task&nbsp;force</translate>',
			'|definition=<translate><!--T:3--> Research &amp; development.</translate>',
			'}}',
		].join( '\n' ) } ], { generated: GENERATED } );
		const matcher = createMatcher( buildTermIndex( glossary, 'en' ), 'en' );
		expect( matcher.match( 'Our R&D budget' ).map( ( m ) => m.term ) ).toEqual( [ 'R&D' ] );
		expect( matcher.match( 'the task force' ).length ).toBe( 1 );
	} );
} );
