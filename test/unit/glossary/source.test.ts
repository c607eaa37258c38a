/**
 * Reading glossary pages (test/fixtures/glossary/source-cases.json): `<translate>` units,
 * `<!--T:n-->` markers, `<tvar>`, Translate's untranslated and outdated wrappers, template name
 * spellings, stray parameters and unclosed calls.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseGlossaryPage, splitList, wikitextToPlain } from '../../../shared/glossary/source.ts';

interface SourceCase {
	name: string;
	language: string;
	isSource: boolean;
	lines: string[];
	unclosed: number[];
	blocks: {
		line: number;
		fields: Record<string, [ string, string, boolean, number ]>;
		stray?: [ string, number ][];
	}[];
}

const fixture = JSON.parse( readFileSync(
	path.resolve( __dirname, '../../fixtures/glossary/source-cases.json' ), 'utf8' ) ) as { cases: SourceCase[] };

describe( 'parseGlossaryPage', () => {
	it.each( fixture.cases.map( ( c ) => [ c.name, c ] as const ) )( '%s', ( _name, c ) => {
		const parsed = parseGlossaryPage( c.lines.join( '\n' ), c.language, c.isSource );
		expect( parsed.unclosed ).toEqual( c.unclosed );
		expect( parsed.blocks.map( ( b ) => ( {
			line: b.line,
			fields: Object.fromEntries( Object.entries( b.fields )
				.map( ( [ k, f ] ) => [ k, [ f.value, f.state, f.marked, f.line ] ] ) ),
			stray: b.stray.map( ( s ) => [ s.name, s.line ] ),
		} ) ) ).toEqual( c.blocks.map( ( b ) => ( { stray: [], ...b } ) ) );
	} );

	it( 'keeps a parameter named __proto__ as an own field, so the compiler can report it', () => {
		const parsed = parseGlossaryPage( '{{LDWG glossary entry|id=x|__proto__=a|__proto__=b}}', 'en', true );
		const [ block ] = parsed.blocks;
		expect( Object.keys( block?.fields ?? {} ) ).toEqual( [ 'id', '__proto__' ] );
		expect( Object.getPrototypeOf( block?.fields ) ).toBe( Object.prototype );
		expect( block?.stray ).toEqual( [ { name: '__proto__', line: 1 } ] );
	} );

	it( 'never throws on arbitrary text', () => {
		const pieces = [ '{{', '}}', '[[', ']]', '|', '=', '<!--', '-->', '<translate>', '</translate>',
			'<tvar name="x">', '</tvar>', '<span class="mw-translate-fuzzy">', '</span>', 'LDWG glossary entry',
			'id', 'term', '\n', ' ', 'x' ];
		const texts = fc.array( fc.constantFrom( ...pieces ), { maxLength: 60 } );
		fc.assert( fc.property( texts, ( parts ) => {
			const text = parts.join( '' );
			expect( () => parseGlossaryPage( text, 'fr', false ) ).not.toThrow();
			expect( () => parseGlossaryPage( text, 'en', true ) ).not.toThrow();
		} ), { numRuns: 300 } );
	} );
} );

describe( 'list and text helpers', () => {
	it( 'splits aliases on semicolons and treats a lone hyphen as none', () => {
		expect( splitList( ' a; b ;; c ' ) ).toEqual( [ 'a', 'b', 'c' ] );
		expect( splitList( '-' ) ).toEqual( [] );
		expect( splitList( '\u2014' ) ).toEqual( [] );
		expect( splitList( 'co-lead; -' ) ).toEqual( [ 'co-lead' ] );
	} );

	it( 'reduces wikitext to the text readers see', () => {
		expect( wikitextToPlain( "See [[Special:MyLanguage/X|the '''X''' page]] and [[Y]],\n[https://example.org here] <br/>now" ) )
			.toBe( 'See the X page and Y, here now' );
	} );
} );
