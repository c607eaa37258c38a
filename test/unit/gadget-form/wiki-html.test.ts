// @vitest-environment jsdom
/**
 * The preview's HTML path (gadget/form/wiki-html.ts): wiki markup and the entry template's
 * output survive as elements, text and entities stay text, and nothing that could run code,
 * load a frame, submit a form, restyle the page or clobber its ids gets through.
 *
 * vitest's jsdom runs scripts and inline handlers (`runScripts: 'dangerously'`); the control
 * test shows that the hostile sample does run when inserted the ordinary way, so "nothing ran"
 * here means something.
 */
// Script URLs are what these tests feed in.
/* eslint-disable no-script-url */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isSafeUrl, uploadHosts, wikiHtmlFragment, type WikiHtmlOptions } from '../../../gadget/form/wiki-html.ts';

const here = path.dirname( fileURLToPath( import.meta.url ) );
/**
 * Real `action=parse` output of the local wiki (MediaWiki 1.39) for an entry whose comment is
 * hostile text (encoded by the codec) plus its signature: what the form previews.
 */
const ENTRY_PREVIEW = readFileSync( path.join( here, 'fixtures/entry-preview.html' ), 'utf8' );
/** The comment of that entry, as the reader typed it. */
const TYPED_COMMENT = 'marker {{subst:CURRENTYEAR}} [[Category:Pwned]] ~~~~ ' +
	'<script>window.ldwgPwned = 1</script> <img src=x onerror="window.ldwgPwned = 2"> ' +
	'|}} == heading ==\n* list\n{| table &amp; &lt;b&gt;';

/**
 * The window scripts and handlers run in. vitest copies jsdom's window onto Node's global, but
 * code run by jsdom sets properties on jsdom's own window, which vitest exposes as `jsdom`.
 */
function pageWindow(): { hacked?: unknown } {
	return ( globalThis as unknown as { jsdom: { window: { hacked?: unknown } } } ).jsdom.window;
}

/** Each piece sets `window.hacked` when it runs. */
const HOSTILE = [
	'<script>(window.hacked = window.hacked || []).push( "script" )</script>',
	'<div id="target" onclick="(window.hacked = window.hacked || []).push( \'onclick\' )">click</div>',
	'<img src="x" onerror="(window.hacked = window.hacked || []).push( \'onerror\' )">',
	'<a href="javascript:(window.hacked = window.hacked || []).push( \'href\' )">link</a>',
	'<svg><script>(window.hacked = window.hacked || []).push( "svg" )</script></svg>',
	'<iframe srcdoc="<script>parent.hacked = 1</script>"></iframe>',
	'<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
	'<div style="position:fixed;inset:0;background:url(https://evil.example/t.png)">cover</div>',
].join( '' );

/** Sanitises `html` and appends it to a fresh container in the page. */
function render( html: string, options: WikiHtmlOptions = {} ): HTMLElement {
	const container = document.createElement( 'div' );
	container.appendChild( wikiHtmlFragment( html, document, options ) );
	document.body.appendChild( container );
	return container;
}

/** Clicks, focuses and hovers every element, as a reader might. */
function poke( root: Element ): void {
	for ( const node of Array.from( root.querySelectorAll<HTMLElement>( '*' ) ) ) {
		node.dispatchEvent( new MouseEvent( 'mouseover', { bubbles: true } ) );
		node.dispatchEvent( new MouseEvent( 'click', { bubbles: true, cancelable: true } ) );
		node.focus();
	}
}

afterEach( () => {
	document.body.textContent = '';
	delete pageWindow().hacked;
} );

describe( 'wikiHtmlFragment: the entry preview', () => {
	it( 'keeps the entry template\'s structure, links, language and direction', () => {
		const root = render( ENTRY_PREVIEW );
		const entry = root.querySelector( '.mw-parser-output > .ldwg-entry' );
		expect( entry ).not.toBeNull();
		const labels = Array.from( root.querySelectorAll( '.ldwg-entry-meta b' ) )
			.map( ( b ) => b.textContent );
		expect( labels ).toEqual( [ 'Section:', 'Stance:', 'Useful:', 'Well written:', 'Region:',
			'Language:', 'On:' ] );
		const comment = root.querySelector( '.ldwg-entry-comment' ) as HTMLElement;
		expect( comment.getAttribute( 'lang' ) ).toBe( 'ar' );
		expect( comment.getAttribute( 'dir' ) ).toBe( 'rtl' );
		const wording = root.querySelector( '.ldwg-entry-wording' ) as HTMLElement;
		expect( wording.textContent ).toBe( 'قائد\nline two' );
		const links = Array.from( root.querySelectorAll( 'a' ) )
			.map( ( a ) => [ a.getAttribute( 'href' ), a.getAttribute( 'title' ), a.textContent ] );
		expect( links ).toEqual( [
			[ '/index.php/Leadership_Development_Working_Group/Shared_definition_of_leadership/ar',
				'Leadership Development Working Group/Shared definition of leadership/ar',
				'Leadership Development Working Group/Shared definition of leadership/ar' ],
			[ '/index.php/Special:PermanentLink/22', 'Special:PermanentLink/22', 'revision 22' ],
			[ '/index.php/Special:Contributions/127.0.0.1', 'Special:Contributions/127.0.0.1',
				'127.0.0.1' ],
		] );
		expect( root.querySelector( 'p' )?.textContent ).toBe( '127.0.0.1 16:59, 29 November 2026 (UTC)' );
	} );

	it( 'shows the hostile comment exactly as typed, as text', () => {
		const root = render( ENTRY_PREVIEW );
		const comment = root.querySelector( '.ldwg-entry-comment' ) as HTMLElement;
		expect( comment.textContent ).toBe( TYPED_COMMENT );
		expect( comment.children ).toHaveLength( 0 );
		expect( root.querySelectorAll( 'script, img' ) ).toHaveLength( 0 );
	} );

	it( 'drops inline styles, ids and data attributes (the look is in form.css)', () => {
		const root = render( ENTRY_PREVIEW );
		expect( root.querySelectorAll( '[style], [id]' ) ).toHaveLength( 0 );
		const attributes = Array.from( root.querySelectorAll( '*' ) )
			.flatMap( ( node ) => node.getAttributeNames() );
		expect( new Set( attributes ) ).toEqual( new Set( [ 'class', 'lang', 'dir', 'href', 'title' ] ) );
	} );
} );

describe( 'wikiHtmlFragment: ordinary wiki markup', () => {
	it( 'keeps lists, emphasis, tables, headings, line breaks and bidi markup', () => {
		const html = '<div class="mw-parser-output"><h2><span class="mw-headline">Title</span></h2>' +
			'<p><b>bold</b> <i>italic</i> <span lang="fr" dir="ltr">texte</span> <bdi>x</bdi><br>' +
			'<code>c</code> <small>s</small> <sup>1</sup></p>' +
			'<ul><li>one</li><li>two<ol start="3"><li value="4">nested</li></ol></li></ul>' +
			'<dl><dt>term</dt><dd>description</dd></dl>' +
			'<table class="wikitable"><caption>Cap</caption><tbody><tr><th scope="col">H</th>' +
			'<td colspan="2" rowspan="1">cell</td></tr></tbody></table>' +
			'<blockquote><p>q</p></blockquote><pre>pre  formatted</pre><hr>' +
			'<img src="//upload.wikimedia.org/x.png" alt="An image" width="20" height="10"></div>';
		// As on Meta: the upload host comes from wgUploadPath.
		const root = render( html, { imageHosts: uploadHosts( '//upload.wikimedia.org/wikipedia/meta', 'https://meta.wikimedia.org/wiki/X' ) } );
		// The same markup, re-created element by element.
		expect( root.innerHTML ).toBe( html );
	} );

	it( 'keeps images only from the page\'s own host and the wiki\'s upload host', () => {
		const own = new URL( document.baseURI ).host;
		const root = render(
			'<img src="/images/a.png" alt="relative">' +
			`<img src="//${ own }/b.png" alt="own">` +
			'<img src="https://upload.example/c.png" alt="upload">' +
			'<img src="//tracker.example/pixel.gif" alt="pixel">' +
			'<img src="https://tracker.example/p.gif" alt="pixel2">' +
			'<a href="https://elsewhere.example/">a link elsewhere is fine</a>',
			{ imageHosts: [ 'upload.example' ] },
		);
		expect( Array.from( root.querySelectorAll( 'img' ) ).map( ( img ) => [ img.alt, img.hasAttribute( 'src' ) ] ) )
			.toEqual( [ [ 'relative', true ], [ 'own', true ], [ 'upload', true ], [ 'pixel', false ], [ 'pixel2', false ] ] );
		expect( root.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe( 'https://elsewhere.example/' );
	} );

	it( 'reads the upload host from wgUploadPath', () => {
		expect( uploadHosts( '//upload.wikimedia.org/wikipedia/meta', 'https://meta.wikimedia.org/w/index.php' ) )
			.toEqual( [ 'upload.wikimedia.org' ] );
		expect( uploadHosts( '/images', 'http://127.0.0.1:8080/index.php' ) ).toEqual( [ '127.0.0.1:8080' ] );
		expect( uploadHosts( undefined, 'http://127.0.0.1:8080/' ) ).toEqual( [] );
		expect( uploadHosts( 'http://[bad', 'http://127.0.0.1:8080/' ) ).toEqual( [] );
	} );

	it( 'keeps entities and markup-looking text as text', () => {
		const root = render( '<p>&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#60;script&#62;x&#60;/script&#62; ' +
			'&quot;q&quot; &#x1F600;</p>' );
		expect( root.textContent ).toBe( '<b>not bold</b> &amp; <script>x</script> "q" 😀' );
		expect( root.querySelectorAll( 'b, script' ) ).toHaveLength( 0 );
	} );

	it( 'keeps the text of unknown elements, drops comments', () => {
		const root = render( '<p><custom-thing data-x="1">kept</custom-thing><!-- gone --> ' +
			'<font color="red">font</font></p>' );
		expect( root.innerHTML ).toBe( '<p>kept <font>font</font></p>' );
	} );
} );

describe( 'wikiHtmlFragment: what is removed', () => {
	it.each( [
		[ 'script', '<p>a<script>window.x = 1</script>b</p>', '<p>ab</p>' ],
		[ 'style element', '<style>body { display: none }</style><p>a</p>', '<p>a</p>' ],
		[ 'style attribute', '<p style="position:fixed">a</p>', '<p>a</p>' ],
		[ 'event handlers', '<p onclick="x()" onmouseover="y()" ONFOCUS="z()">a</p>', '<p>a</p>' ],
		[ 'img onerror', '<img src="x" onerror="alert(1)" alt="a">', '<img src="x" alt="a">' ],
		[ 'iframe', '<iframe src="https://evil.example/"></iframe><p>a</p>', '<p>a</p>' ],
		[ 'object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>a</p>', '<p>a</p>' ],
		[ 'form and controls', '<form action="/x"><input name="a"><textarea>t</textarea>' +
			'<select><option>o</option></select><button>b</button></form><p>a</p>', '<p>a</p>' ],
		[ 'base, meta, link', '<base href="https://evil.example/"><meta http-equiv="refresh" ' +
			'content="0;url=https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css">' +
			'<p>a</p>', '<p>a</p>' ],
		[ 'svg and math', '<svg onload="x()"><a href="javascript:x()">s</a></svg>' +
			'<math><mi>m</mi></math><p>a</p>', '<p>a</p>' ],
		[ 'template and noscript', '<div><template><script>x()</script></template>' +
			'<noscript><p>n</p></noscript></div><p>a</p>', '<div></div><p>a</p>' ],
		[ 'ids and names', '<p id="ldwg-glossary-switch-on"><a name="x" href="#y">a</a></p>',
			'<p><a href="#y">a</a></p>' ],
		[ 'data, role and aria attributes', '<div data-x="1" role="dialog" aria-hidden="true">a</div>',
			'<div>a</div>' ],
		[ 'link targets', '<a href="/a" target="_blank">a</a>', '<a href="/a">a</a>' ],
		[ 'bad dir and sizes', '<td dir="evil" colspan="2x">a</td>', 'a' ],
		// What the talk page would not show, the preview must not show either.
		[ 'content hidden by an inline style', '<p>a<span style="display:none">secret</span>b</p>' +
			'<div style="color: red; display: None !important">hidden</div>' +
			'<div style="display:/* c */none">c</div><p style="display: block">s</p>',
		'<p>ab</p><p>s</p>' ],
		[ 'content with the hidden attribute', '<p>a<span hidden>h</span>b</p><div hidden="">d</div>',
			'<p>ab</p>' ],
		[ 'hidden content inside unknown elements', '<x-y><b style="display:none">h</b>t</x-y>', 't' ],
	] )( 'removes %s', ( _name, html, expected ) => {
		expect( render( html ).innerHTML ).toBe( expected );
	} );

	it.each( [
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'\u0001javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'&#106;avascript:alert(1)',
		'&#x6A;avascript&colon;alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'blob:https://meta.wikimedia.org/uuid',
		'file:///etc/passwd',
	] )( 'drops href and src %o', ( url ) => {
		const attribute = url.replace( /"/g, '&quot;' );
		const root = render( `<a href="${ attribute }">a</a><img src="${ attribute }" alt="i">` );
		expect( root.innerHTML ).toBe( '<a>a</a><img alt="i">' );
	} );

	it.each( [
		'https://meta.wikimedia.org/wiki/Main_Page',
		'http://127.0.0.1:8080/index.php?title=A&action=edit',
		'//upload.wikimedia.org/a.png',
		'/index.php/Special:UserLogin?returnto=A',
		'index.php?title=A',
		'?title=A',
		'#ldwg-entry-1',
	] )( 'keeps href %o', ( url ) => {
		const root = render( `<a href="${ url.replace( /&/g, '&amp;' ) }">a</a>` );
		expect( root.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe( url );
	} );
} );

describe( 'wikiHtmlFragment: nothing runs', () => {
	it( 'control: here, inserted as HTML (the old path) or re-created as is, it does run', () => {
		const container = document.createElement( 'div' );
		document.body.appendChild( container );
		// Setting HTML is what the form did before: handlers of the inserted markup run.
		container.innerHTML = HOSTILE;
		poke( container );
		// A script element re-created in the page, as a copier without an allowlist would do.
		const script = document.createElement( 'script' );
		script.textContent = 'window.hacked.push( "re-created script" )';
		container.appendChild( script );
		expect( pageWindow().hacked ).toEqual( [ 'onclick', 're-created script' ] );
	} );

	it( 'runs nothing when the sanitised fragment is shown and clicked', () => {
		const root = render( HOSTILE );
		poke( root );
		expect( pageWindow().hacked ).toBeUndefined();
		expect( root.textContent ).toBe( 'clicklinkcover' );
		expect( root.querySelectorAll( 'script, iframe, form, input, button, svg' ) ).toHaveLength( 0 );
	} );

	it( 'never parses the HTML into the live page: nothing runs while sanitising', () => {
		wikiHtmlFragment( HOSTILE, document );
		expect( pageWindow().hacked ).toBeUndefined();
		expect( document.body.children ).toHaveLength( 0 );
	} );
} );

describe( 'wikiHtmlFragment: any mix of hostile pieces', () => {
	const tags = [ 'div', 'p', 'a', 'img', 'script', 'style', 'iframe', 'svg', 'math', 'form',
		'input', 'table', 'td', 'span', 'b', 'object', 'embed', 'base', 'meta', 'link', 'template',
		'noscript', 'textarea', 'xmp', 'custom-x', 'li', 'font' ];
	const attributes = [ 'onclick', 'onerror', 'OnLoad', 'style', 'id', 'name', 'href', 'src',
		'xlink:href', 'data-x', 'class', 'lang', 'dir', 'title', 'srcdoc', 'formaction', 'action',
		'colspan', 'target', 'role' ];
	const values = [ 'javascript:x()', ' JAVAscript:x()', 'java&#9;script:x()', 'data:text/html,x',
		'vbscript:x', 'x()', 'https://a.example/', '/w', '#f', 'rtl', '2', '"><script>x()</script>',
		'&lt;b&gt;' ];
	const attribute = fc.tuple( fc.constantFrom( ...attributes ), fc.constantFrom( ...values ) )
		.map( ( [ name, value ] ) => ` ${ name }="${ value.replace( /"/g, '&quot;' ) }"` );
	const element = ( [ tag, attrs, children ]: [ string, string[], unknown[] ] ): string => `<${ tag }${ attrs.join( '' ) }>${ children.join( '' ) }</${ tag }>`;
	const markup: fc.Arbitrary<string> = fc.letrec( ( tie ) => ( {
		node: fc.oneof( { depthSize: 'small' },
			fc.constantFrom( 'text', '&lt;script&gt;', '<!-- c -->', '</p>', '<', '&amp;' ),
			fc.tuple( fc.constantFrom( ...tags ), fc.array( attribute, { maxLength: 3 } ),
				fc.array( tie( 'node' ), { maxLength: 3 } ) ).map( element ) ),
	} ) ).node;
	const allowedAttributes = new Set( [ 'class', 'lang', 'dir', 'title', 'href', 'src', 'colspan',
		'alt', 'rel', 'width', 'height', 'rowspan', 'scope', 'start', 'reversed', 'type', 'value',
		'span', 'datetime', 'hreflang' ] );

	it( 'never lets through a dangerous element, a handler, a style or a script URL', () => {
		fc.assert( fc.property( fc.array( markup, { maxLength: 4 } ), ( pieces ) => {
			const root = render( pieces.join( '' ) );
			poke( root );
			for ( const node of Array.from( root.querySelectorAll( '*' ) ) ) {
				expect( node.namespaceURI ).toBe( 'http://www.w3.org/1999/xhtml' );
				expect( [ 'script', 'style', 'iframe', 'svg', 'math', 'form', 'input', 'object',
					'embed', 'base', 'meta', 'link', 'template', 'noscript', 'textarea' ] )
					.not.toContain( node.localName );
				for ( const name of node.getAttributeNames() ) {
					expect( allowedAttributes ).toContain( name );
				}
				for ( const name of [ 'href', 'src' ] ) {
					const value = node.getAttribute( name );
					if ( value !== null ) {
						// eslint-disable-next-line no-control-regex
						const compact = value.replace( /[\u0000-\u0020]/g, '' ).toLowerCase();
						expect( compact ).not.toMatch( /^(javascript|data|vbscript):/ );
					}
				}
			}
			expect( pageWindow().hacked ).toBeUndefined();
			root.remove();
		} ), { numRuns: 300 } );
	} );
} );

describe( 'isSafeUrl', () => {
	it( 'accepts http(s), protocol-relative, relative and fragment URLs only', () => {
		expect( [ 'https://a.example/', 'HTTP://a.example/', '//a.example/x', '/w/index.php', 'x',
			'#f', '?a=1', '' ].map( isSafeUrl ) ).toEqual( [ true, true, true, true, true, true, true, true ] );
		expect( [ 'javascript:x', 'mailto:a@b.example', 'data:,x', 'ftp://a.example/', 'http://[' ]
			.map( isSafeUrl ) ).toEqual( [ false, false, false, false, false ] );
	} );
} );
