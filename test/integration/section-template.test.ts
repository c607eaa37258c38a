/**
 * The marker template's link for readers without JavaScript, rendered by the real wiki on the
 * seeded drafts: from the source draft and from each translation it opens a new thread on the
 * **source** draft's talk page (the only talk page the bot reads), with the section, the page
 * viewed and its language preloaded. The local wiki, unlike Meta, has no subpages in the main
 * namespace, where `{{SUBPAGENAME}}` is the whole title: the template must not depend on that.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { apiClient } from '../helpers/wiki.ts';

// jsdom ships no type declarations; this is the one constructor the test uses.
const { JSDOM } = createRequire( import.meta.url )( 'jsdom' ) as {
	JSDOM: new ( html: string ) => { window: { document: Document } };
};

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';

async function noJsLinks( title: string ): Promise<URL[]> {
	const api = await apiClient( 'alice' );
	const response = await api.request( { action: 'parse', page: title, prop: 'text', formatversion: 2 } );
	const html = String( ( response.parse as { text: string } ).text );
	const doc = new JSDOM( `<body>${ html }</body>` ).window.document;
	return Array.from( doc.querySelectorAll( '.ldwg-section-nojs a' ) )
		.map( ( a ) => new URL( a.getAttribute( 'href' ) || '', 'http://wiki.example' ) );
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
} );
