// @vitest-environment jsdom
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
import { decodeCharReferences, NAMED_CHARACTER_REFERENCES } from '../../../shared/glossary/entities.ts';

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

	it( 'decodes character references as the wiki shows them, after removing tags', () => {
		expect( wikitextToPlain( 'Le mot «&nbsp;chef&nbsp;» est à éviter&#8239;!' ) )
			.toBe( 'Le mot «\u00a0chef\u00a0» est à éviter\u202f!' );
		expect( wikitextToPlain( 'R&amp;D &#x26; &#38; &lt;b&gt;x&lt;/b&gt; &amp;lt;' ) ).toBe( 'R&D & & <b>x</b> &lt;' );
		// A no-break space typed as such stays too; only HTML's collapsible white space collapses.
		expect( wikitextToPlain( ' a\u00a0 \t\nb ' ) ).toBe( 'a\u00a0 b' );
		expect( wikitextToPlain( '&nbsp; &#160;' ) ).toBe( '' );
	} );

	it( 'leaves unknown names, invalid code points and bare ampersands as text, as MediaWiki does', () => {
		for ( const text of [ '&unknown;', '&Amp;', '&#0;', '&#xD800;', '&#x110000;',
			'&#99999999999999999999;', 'AT&T', '&amp', '& amp;', '&#;', '&#x;' ] ) {
			expect( decodeCharReferences( text ), text ).toBe( text );
		}
		expect( decodeCharReferences( '&#x1F600; &#9;' ) ).toBe( '\u{1F600} \t' );
	} );

	it( 'decodes each named reference to the character an HTML parser gives', () => {
		// jsdom (this file's environment) parses HTML as browsers do.
		const area = document.createElement( 'textarea' );
		for ( const [ name, char ] of NAMED_CHARACTER_REFERENCES ) {
			area.innerHTML = `&${ name };`;
			expect( char, name ).toBe( area.value );
		}
		// Those the Sanitizer commonly sees are all there.
		for ( const name of [ 'nbsp', 'amp', 'lt', 'gt', 'quot', 'apos', 'ndash', 'mdash', 'hellip', 'laquo',
			'raquo', 'lsquo', 'rsquo', 'ldquo', 'rdquo', 'shy', 'thinsp', 'ensp', 'emsp', 'zwj', 'zwnj', 'lrm', 'rlm' ] ) {
			expect( NAMED_CHARACTER_REFERENCES.has( name ), name ).toBe( true );
		}
	} );

	it( 'does not split list items at the semicolon that ends a character reference', () => {
		expect( splitList( 'R&amp;D; research &#x26; development; A&#59;B' ) )
			.toEqual( [ 'R&amp;D', 'research &#x26; development', 'A&#59;B' ] );
		expect( splitList( '&ndash;' ) ).toEqual( [] );
		expect( splitList( '&mdash; ' ) ).toEqual( [] );
	} );
} );
