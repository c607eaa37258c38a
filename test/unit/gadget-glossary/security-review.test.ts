/**
 * Security review of the eager glossary module's requests: the languages it fetches term indexes
 * for come from `lang` attributes in page content, which anyone who can edit a marked page (a
 * page in a configured category, a translation unit) writes.
 */
import { describe, expect, it } from 'vitest';
import { readerText } from '../../../gadget/popup/translator.ts';
import { termIndexLoader } from '../../../gadget/glossary/term-indexes.ts';

describe( 'termIndexLoader with languages from page content', () => {
	it( 'requests a bounded number of pages for a lang attribute with thousands of subtags', async () => {
		const asked: string[] = [];
		const indexFor = termIndexLoader( 'User:LDWG-bot/glossary-terms/', async ( title ) => {
			asked.push( title );
			return null;
		} );
		// `<span lang="xx-a-a-a-…">`: every subtag dropped was another request, one after the
		// other, from every reader's browser on every view of the page.
		await indexFor( `xx${ '-a'.repeat( 2000 ) }` );
		expect( asked.length ).toBeLessThanOrEqual( 6 );
	} );

	it( 'requests only pages named by language codes', async () => {
		const asked: string[] = [];
		const indexFor = termIndexLoader( 'User:LDWG-bot/glossary-terms/', async ( title ) => {
			asked.push( title );
			return null;
		} );
		for ( const hostile of [ 'fr/../../../MediaWiki:Common', 'fr#x', 'fr?action=edit', 'fr:x', '' ] ) {
			await indexFor( hostile );
		}
		// Each title is the prefix, a code of letters, digits and hyphens, and `.json`.
		const code = /^User:LDWG-bot\/glossary-terms\/[a-z][a-z0-9-]{1,60}\.json$/;
		expect( asked.filter( ( title ) => !code.test( title ) ) ).toEqual( [] );
	} );

	it( 'still follows the fallback chain of real codes', async () => {
		const asked: string[] = [];
		const indexFor = termIndexLoader( 'P/', async ( title ) => {
			asked.push( title );
			return null;
		} );
		await indexFor( 'zh-tw' );
		await indexFor( 'be-x-old' );
		expect( asked ).toEqual( [ 'P/zh-tw.json', 'P/zh-hant.json', 'P/zh-hans.json', 'P/zh.json', 'P/en.json',
			'P/be-x-old.json', 'P/be-x.json', 'P/be.json' ] );
	} );
} );

describe( 'readerText on hostile wikitext (the draft page anyone can edit, read by the panel)', () => {
	/** Milliseconds `readerText` takes on `wikitext`. */
	function time( wikitext: string ): number {
		const start = performance.now();
		readerText( wikitext );
		return performance.now() - start;
	}

	// Each of these took seconds on a few kilobytes (cubic backtracking), freezing the
	// translator's tab on every view of a translation page; a page may hold 2 MB.
	it( 'reads a line of many equals signs in linear time', () => {
		expect( time( `${ '='.repeat( 3000 ) }x` ) ).toBeLessThan( 500 );
	} );

	it( 'reads many unclosed external links in linear time', () => {
		expect( time( '[http://'.repeat( 1000 ) ) ).toBeLessThan( 500 );
	} );

	it( 'reads many unclosed tags in linear time', () => {
		// Quadratic, not cubic: 80,000 `<a` (160 KB) took seconds.
		expect( time( '<a'.repeat( 80000 ) ) ).toBeLessThan( 500 );
		expect( readerText( 'a <span title="x">b</span><br/>c <d' ) ).toBe( 'a b\n\nc <d' );
	} );

	it.each( [
		[ 'comments', '<!--' ],
		[ 'nowiki tags', '\x3Cnowiki>' ],
		[ 'code elements', '<pre>' ],
		[ 'variables', '<tvar name=x>' ],
		// 100,000 of these took 56 s.
		[ 'translate tags', '</translate' ],
	] )( 'reads many unclosed %s in linear time', ( _name, opening ) => {
		// Quadratic: 100,000 of them took 4 to 40 s, each scanning to the end for its closing.
		expect( time( opening.repeat( 100000 ) ) ).toBeLessThan( 1000 );
	} );

	it( 'still drops code, comments and variables with their content', () => {
		expect( readerText( 'a <pre>x</pre> b <code/> c <math>y</math> <!-- z --> d ' +
			'<tvar name=v>w</tvar> <tvar|u>t</> e \x3Cnowiki>[[f]]\x3C/nowiki> <pre>g' ) )
			.toBe( 'a b c d e f\n\ng' );
		expect( readerText( '<code>a<pre>b</pre>c</code>d<pre/>e<pre x="/">f</pre>g<!-- <pre> -->h</pre>i' ) )
			.toBe( 'd e g h\n\ni' );
	} );

	it( 'still reads headings and external links as before', () => {
		expect( readerText( '== Task force ==\n=a=b=\n===\n[https://example.org the task force] and [//x]' ) )
			.toBe( 'Task force\n\na=b\n\nthe task force and' );
		// As MediaWiki reads it: an address ends at `[` (the label here is "[b c").
		expect( readerText( '[http://a[b c]' ) ).toBe( '[b c' );
	} );
} );
