/**
 * The entry codec against the real wiki: a talk page full of hostile entries is saved with the
 * repository's entry template, rendered by MediaWiki's parser, and every text must be shown
 * character for character with nothing injected (no link, template, category, heading, list,
 * table, external link, image, signature or element that came from a text). The saved wikitext
 * must also read back to the same entries: MediaWiki's save-time transformations (NFC, signature
 * expansion, subst) must not have touched the encoded values.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Mwn } from 'mwn';
import { apiClient, testWiki } from '../helpers/wiki.ts';
import { formatEntry } from '../../shared/entry/format.ts';
import { parseEntries } from '../../shared/entry/parse.ts';
import { isRefusedCodePoint, normalizeText } from '../../shared/entry/escape.ts';
import type { FeedbackEntry } from '../../shared/contracts/entry.ts';

// jsdom ships no type declarations; this is the one constructor the test uses.
const { JSDOM } = createRequire( import.meta.url )( 'jsdom' ) as {
	JSDOM: new ( html: string ) => { window: { document: Document } };
};

const root = path.resolve( __dirname, '../..' );
const TEMPLATE = 'Template:LDWG feedback entry';
const PAGE = 'Talk:LDWG entry codec render test';
const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const NW = '\x3Cnowiki>';
const NW_END = '\x3C/nowiki>';

/** Hostile texts: each must be shown exactly as typed. */
const HOSTILE: string[] = [
	'{{SITENAME}} {{#expr:1+1}} {{{1}}} {{subst:CURRENTYEAR}} {{PAGENAME}} {{int:edit}} {{msgnw:Main Page}}',
	'[[Main Page]] [[Category:Spam]] [[File:Example.png|thumb]] [[:Category:X]] [https://evil.example/ click] [[m:Spam]]',
	'<script>alert(1)</script><b onmouseover="alert(1)">bold?</b><img src=x onerror=alert(1)>',
	`${ NW }not nowiki${ NW_END } <pre>pre</pre> <!-- comment --> <includeonly>x</includeonly> <ref>r</ref><references/>`,
	'Signatures: ~~~ ~~~~ ~~~~~ and ~~~~~~',
	'== Heading ==\n=== Sub ===\n==no spaces==',
	'* item\n# numbered\n: indent\n; term : definition\n----\n{| class="wikitable"\n| a || b\n|}',
	'Free links: https://example.org/path?q=1 http://x.y mailto:someone@example.org //proto.rel ftp://a.b',
	'Magic: ISBN 978-3-16-148410-0 ISBN\u00a00-306-40615-2 RFC 2616 PMID 12345 RFC\t1',
	'__TOC__ __NOTOC__ __NOINDEX__ __NEWSECTIONLINK__ __FORCETOC__',
	'#REDIRECT [[Main Page]]',
	'Bidi: abc \u202edcba\u202c then \u200fمرحبا بالعالم\u200e and \u2066isolate\u2069 \u2067rtl isolate',
	"'''bold''' ''italic'' '''''both''''' l'équipe ''",
	'-{zh-hans:简;zh-hant:繁}- -{ raw }- -{{PAGENAME}}',
	'Entities: &amp; &lt;b&gt; &#123;&#123;x&#125;&#125; &nbsp; &bogus; &#x41; & alone',
	'Controls: a\u0001b\u007fc\u0085d\ufffe e\u000bf\u000cg\u0000h',
	'Strip marker: \u007f\'"`UNIQ--nowiki-00000000-QINU`"\'\u007f and \u007fUNIQ',
	'   three leading spaces\n leading space line\n\ttab line\ntrailing spaces   ',
	'French: Pourquoi ? « Oui » 100 % ! : ; ‹ a › fin ?',
	'}}{{LDWG feedback entry|id=20260101-000000-forged|comment=forged}}|status=accepted',
	'<div style="position:fixed;top:0">overlay</div><span class="mw-parser-output">x</span></div></div>',
	// eslint-disable-next-line no-script-url -- hostile text, never evaluated
	'javascript:alert(1) data:text/html,<b>x</b> vbscript:x',
	'\u0338 starts with a combining mark; =\u0338 and e\u0301 decomposed; <\u0338',
	'Astral: 😀 👩‍👩‍👧 𝕏 🇫🇷 \u{10FFFD}',
	'Windows\r\nline ends\rold Mac\n\nblank line above',
	'Forged: [[User:Bob|Bob]] ([[User talk:Bob|talk]]) 12:00, 1 January 2026 (UTC)',
	'{{LDWG feedback entry|id=20261129-142233-inner0}} nested',
	'Tables inline: {| |} || !! |- |+ and pipes | | |',
	'Language links and interwiki: [[fr:Accueil]] [[wikipedia:Foo]] [[Special:Random]]',
	'Math-ish: <math>x^2</math> <syntaxhighlight>x</syntaxhighlight> <gallery>File:A.png</gallery>',
	' ',
];

/** What the browser shows for a text: MediaWiki prints refused code points as references. */
function displayed( text: string ): string {
	return Array.from( normalizeText( text ) )
		.map( ( ch ) => isRefusedCodePoint( ch.codePointAt( 0 ) ?? 0 ) ? `&#${ ch.codePointAt( 0 ) };` : ch )
		.join( '' );
}

function entryFor( k: number, text: string ): FeedbackEntry {
	return {
		version: 1,
		id: `20261129-1422${ String( k ).padStart( 2, '0' ) }-h${ String( k ).padStart( 5, '0' ) }`,
		page: DRAFT,
		source: DRAFT,
		section: 'leader',
		rev: 1,
		stance: 'support-with-changes',
		rubric: { useful: 4, written: 'na' },
		region: 'south-asia',
		lang: k % 2 ? 'ar' : 'en',
		comment: text,
		wording: text,
		statusNote: text,
		status: 'open',
	};
}

describe( 'entry template rendered by MediaWiki', () => {
	let api: Mwn;
	let html: Document;
	let parsed: Record<string, unknown>;
	let savedText: string;
	const entries = HOSTILE.map( ( text, k ) => entryFor( k, text ) );

	beforeAll( async () => {
		api = await apiClient( 'admin' );
		const template = readFileSync( path.join( root, 'wiki-content/templates/LDWG feedback entry.wikitext' ), 'utf8' );
		await api.save( TEMPLATE, template, 'ldwg-tools test: entry template from the repository' );
		const page = [ '== Hostile entries ==', ...entries.map( ( e ) => `${ formatEntry( e ) } ~~~~` ) ].join( '\n' );
		await api.save( PAGE, page, 'ldwg-tools test: hostile entries' );
		const read = await api.read( PAGE );
		savedText = read.revisions?.[ 0 ]?.content ?? '';
		const response = await api.request( {
			action: 'parse',
			page: PAGE,
			prop: 'text|links|templates|categories|externallinks|images|sections|iwlinks|langlinks',
			disableeditsection: true,
			formatversion: 2,
		} );
		parsed = response.parse as Record<string, unknown>;
		html = new JSDOM( `<body>${ String( parsed.text ) }</body>` ).window.document;
	} );

	it( 'reads every entry back from the saved wikitext, signed by the saver', () => {
		const { entries: found, problems } = parseEntries( savedText );
		expect( problems ).toEqual( [] );
		expect( found.map( ( f ) => f.entry.id ) ).toEqual( entries.map( ( e ) => e.id ) );
		found.forEach( ( f, k ) => {
			const text = normalizeText( HOSTILE[ k ] ?? '' );
			expect( f.entry.comment ).toBe( text );
			expect( f.entry.wording ).toBe( text );
			expect( f.entry.statusNote ).toBe( text );
			expect( f.signature?.user ).toBe( 'Admin' );
		} );
	} );

	it( 'shows each text verbatim, as text only, with lang and dir', () => {
		expect( html.querySelectorAll( '.ldwg-entry' ) ).toHaveLength( entries.length );
		entries.forEach( ( e, k ) => {
			const box = html.getElementById( `ldwg-entry-${ e.id }` );
			expect( box, e.id ).not.toBeNull();
			for ( const selector of [ '.ldwg-entry-comment', '.ldwg-entry-wording', '.ldwg-entry-status-note' ] ) {
				const el = box?.querySelector( selector );
				expect( el, `${ selector } of ${ e.id }` ).not.toBeNull();
				// The status note is shown after " – ".
				const shown = selector === '.ldwg-entry-status-note' ?
					el?.textContent?.replace( /^ – /, '' ) :
					el?.textContent;
				expect( shown, `${ selector } of entry ${ k }` ).toBe( displayed( HOSTILE[ k ] ?? '' ) );
				expect( el?.children.length, `${ selector } of entry ${ k } has child elements` ).toBe( 0 );
			}
			const comment = box?.querySelector( '.ldwg-entry-comment' );
			expect( comment?.getAttribute( 'lang' ) ).toBe( e.lang );
			expect( comment?.getAttribute( 'dir' ) ).toBe( e.lang === 'ar' ? 'rtl' : 'ltr' );
		} );
	} );

	it( 'reads the signature of a logged-out edit as the IP address', async () => {
		const entry = { ...entryFor( 0, 'Logged out' ), id: '20261129-152500-anon01' };
		// A logged-out edit: a client with no session gets the anonymous token.
		const anon = new Mwn( { apiUrl: testWiki().api, userAgent: 'ldwg-tools-test (local wiki) mwn/3.0.3' } );
		await anon.getTokens();
		await anon.save( `${ PAGE }/IP`, `${ formatEntry( entry ) } ~~~~`, 'ldwg-tools test: logged-out entry' );
		const text = ( await api.read( `${ PAGE }/IP` ) ).revisions?.[ 0 ]?.content ?? '';
		const [ found ] = parseEntries( text ).entries;
		expect( found?.entry ).toEqual( { ...entry, comment: 'Logged out', wording: 'Logged out', statusNote: 'Logged out' } );
		expect( found?.signature ).toMatchObject( { user: '127.0.0.1', kind: 'contributions' } );
	} );

	it( 'injects nothing into the page', () => {
		expect( parsed.categories ).toEqual( [] );
		expect( parsed.externallinks ).toEqual( [] );
		expect( parsed.images ).toEqual( [] );
		expect( parsed.iwlinks ).toEqual( [] );
		expect( parsed.langlinks ).toEqual( [] );
		const templates = ( parsed.templates as { title: string }[] ).map( ( t ) => t.title );
		expect( templates ).toEqual( [ TEMPLATE ] );
		// Links: only the template's own link to the draft and the signatures' user links.
		const links = ( parsed.links as { title: string }[] ).map( ( l ) => l.title ).sort();
		expect( links ).toEqual( [ DRAFT, 'User talk:Admin', 'User:Admin' ].sort() );
		// The one section is the page's own heading.
		expect( ( parsed.sections as { line: string }[] ).map( ( s ) => s.line ) ).toEqual( [ 'Hostile entries' ] );
		for ( const tag of [ 'script', 'img', 'table', 'ul', 'ol', 'dl', 'pre', 'hr', 'h3', 'h4', 'iframe', 'math', 'sup' ] ) {
			expect( html.querySelectorAll( tag ).length, `<${ tag }> elements` ).toBe( 0 );
		}
		expect( html.querySelectorAll( 'h2' ) ).toHaveLength( 1 );
		// Every link on the page is the draft link, a permanent link or a signature link.
		for ( const a of Array.from( html.querySelectorAll( 'a' ) ) ) {
			expect( a.closest( '.ldwg-entry-comment, .ldwg-entry-wording, .ldwg-entry-status-note' ) ).toBeNull();
		}
	} );
} );
