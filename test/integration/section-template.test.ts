/**
 * The marker template's link for readers without JavaScript, rendered by the real wiki on the
 * seeded drafts: from the source draft and from each translation it opens a new thread on the
 * **source** draft's talk page (the only talk page the bot reads), with the section, the page
 * viewed and its language preloaded. The local wiki, unlike Meta, has no subpages in the main
 * namespace, where `{{SUBPAGENAME}}` is the whole title: the template must not depend on that.
 */
import { describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { apiClient, testWiki } from '../helpers/wiki.ts';
import { parseEntries } from '../../shared/entry/parse.ts';

// jsdom ships no type declarations; this is the one constructor the test uses.
const { JSDOM } = createRequire( import.meta.url )( 'jsdom' ) as {
	JSDOM: new ( html: string ) => { window: { document: Document } };
};

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';

async function noJsAnchors( title: string ): Promise<Element[]> {
	const api = await apiClient( 'alice' );
	const response = await api.request( { action: 'parse', page: title, prop: 'text', formatversion: 2 } );
	const html = String( ( response.parse as { text: string } ).text );
	const doc = new JSDOM( `<body>${ html }</body>` ).window.document;
	return Array.from( doc.querySelectorAll( '.ldwg-section-nojs a' ) );
}

async function noJsLinks( title: string ): Promise<URL[]> {
	return ( await noJsAnchors( title ) )
		.map( ( a ) => new URL( a.getAttribute( 'href' ) || '', 'http://wiki.example' ) );
}

/** GETs a page of the local wiki (plain HTTP, no cookies): its status and body. */
function httpGet( url: URL ): Promise<{ status: number; body: string }> {
	return new Promise( ( resolve, reject ) => {
		get( url, ( response ) => {
			let body = '';
			response.setEncoding( 'utf8' );
			response.on( 'data', ( chunk: string ) => {
				body += chunk;
			} );
			response.on( 'end', () => resolve( { status: response.statusCode ?? 0, body } ) );
		} ).on( 'error', reject );
	} );
}

/**
 * The edit box a reader without JavaScript gets from the link, logged out as such readers
 * often are.
 */
async function preloadedText( link: URL ): Promise<string> {
	const url = new URL( `${ testWiki().url }/index.php` );
	for ( const [ key, value ] of link.searchParams ) {
		url.searchParams.append( key, value );
	}
	const response = await httpGet( url );
	expect( response.status ).toBe( 200 );
	const doc = new JSDOM( response.body ).window.document;
	const box = doc.querySelector( 'textarea[name="wpTextbox1"]' );
	expect( box ).not.toBeNull();
	return ( box as HTMLTextAreaElement ).value;
}

describe( 'the no-JavaScript feedback link of the section marker', () => {
	it.each( [
		[ DRAFT, 'en' ],
		[ `${ DRAFT }/ar`, 'ar' ],
		[ `${ DRAFT }/fr`, 'fr' ],
	] )( 'on %s opens a new thread on the source draft\'s talk page', async ( title, lang ) => {
		const links = await noJsLinks( title );
		expect( links ).toHaveLength( 4 );
		for ( const link of links ) {
			const params = link.searchParams;
			const target = params.get( 'title' ) || decodeURIComponent( link.pathname.replace( /^.*\/index\.php\//, '' ) );
			expect( target.replace( /_/g, ' ' ) ).toBe( `Talk:${ DRAFT }` );
			expect( params.get( 'action' ) ).toBe( 'edit' );
			expect( params.get( 'section' ) ).toBe( 'new' );
			expect( params.getAll( 'preloadparams[]' ).slice( 1 ) ).toEqual( [ title, lang ] );
		}
		expect( links.map( ( l ) => l.searchParams.getAll( 'preloadparams[]' )[ 0 ] ) )
			.toEqual( [ 'leader', 'good-leadership', 'leadership-skills', 'leadership-pathways' ] );
	} );

	it.each( [
		[ DRAFT, 'en', 'ltr', 'give feedback', 'Fill in after the = signs', 'support = Support;' ],
		[ `${ DRAFT }/fr`, 'fr', 'ltr', 'donner votre avis', 'Complétez après les signes =', 'support = ' ],
		[ `${ DRAFT }/ar`, 'ar', 'rtl', 'أبدِ رأيك', 'اكتب بعد علامات =', 'support = ' ],
	] )( 'on %s speaks the page\'s language (%s): link, thread title and preloaded form', async ( title, lang, dir, label, help, stance ) => {
		const [ anchor ] = await noJsAnchors( title );
		const span = ( anchor as Element ).querySelector( 'span[lang]' );
		expect( span?.textContent ).toBe( label );
		expect( span?.getAttribute( 'lang' ) ).toBe( lang );
		expect( span?.getAttribute( 'dir' ) ).toBe( dir );
		const [ link ] = await noJsLinks( title );
		const params = ( link as URL ).searchParams;
		expect( params.get( 'preload' ) ).toBe( lang === 'en' ? 'Template:LDWG_section/preload' : `Template:LDWG_section/preload/${ lang }` );
		expect( params.get( 'preloadtitle' ) ).toMatch( /leader/ );
		const text = await preloadedText( link as URL );
		expect( text ).toContain( help );
		expect( text ).toContain( stance );
		// The fields the configuration has, with the section, the page and its language filled in.
		expect( text ).toContain( `{{LDWG feedback entry|v=1|id={{subst:#time:Ymd-His}}-nojs|section=leader|page=${ title }|lang=${ lang }|stance=|r-useful=|r-written=|r-representative=|region=|comment=|wording=}} ~~~~` );
	} );

	it( 'gives a form that, filled in and saved, is an entry the bot reads', async () => {
		const title = `${ DRAFT }/ar`;
		const [ link ] = await noJsLinks( title );
		const filled = ( await preloadedText( link as URL ) )
			.replace( 'stance=|', 'stance=support|' )
			.replace( 'r-useful=|', 'r-useful=4|' )
			.replace( 'r-written=|', 'r-written=na|' )
			.replace( 'region=|', 'region=south-asia|' )
			.replace( 'comment=|', 'comment=واضح ومفيد|' );
		// What saving does to it (substitution and signature), without saving: a pre-save
		// transform as the reader Bob.
		const api = await apiClient( 'bob' );
		const response = await api.request( {
			action: 'parse', title: `Talk:${ DRAFT }`, text: filled, pst: true, onlypst: true,
			contentmodel: 'wikitext', formatversion: 2,
		} );
		const saved = String( ( response.parse as { text: string } ).text );
		const parsed = parseEntries( saved );
		expect( parsed.problems ).toEqual( [] );
		expect( parsed.entries ).toHaveLength( 1 );
		const entry = parsed.entries[ 0 ]?.entry;
		expect( entry?.id ).toMatch( /^\d{8}-\d{6}-nojs$/ );
		expect( entry ).toMatchObject( {
			section: 'leader', page: title, lang: 'ar', stance: 'support', region: 'south-asia',
			rubric: { useful: 4, written: 'na' }, comment: 'واضح ومفيد',
		} );
		expect( saved ).toMatch( /\[\[User:Bob/i );
	} );
} );
