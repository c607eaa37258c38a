/**
 * Glossary helpers shared by the glossary browser tests: the glossary pages the local-wiki seed
 * publishes, and the requests for them a page view makes.
 */
import { expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectGadgetReady, newPage } from './browser.ts';
import type { WikiPage } from './browser.ts';
import { apiClient } from './wiki.ts';

/** The compiled glossary in the bot's user space (site configuration default). */
export const GLOSSARY_JSON = 'User:LDWG-bot/glossary.json';
/** Prefix of the per-language term indexes (site configuration default). */
export const TERMS_PREFIX = 'User:LDWG-bot/glossary-terms/';
/** Languages of the seeded glossary. */
export const GLOSSARY_LANGUAGES = [ 'en', 'fr', 'es', 'ar' ];

/**
 * Checks that the seed published what the bot will: the glossary compiled from
 * wiki-content/glossary/ and its term indexes (bot/deploy/seed.ts, publishGlossaryStandIn), so a
 * test fails here, clearly, rather than later on a page without marks.
 */
export async function expectSeededGlossary(): Promise<void> {
	const admin = await apiClient( 'admin' );
	const seeded = await admin.read( [
		GLOSSARY_JSON, ...GLOSSARY_LANGUAGES.map( ( l ) => `${ TERMS_PREFIX }${ l }.json` ),
	] );
	expect( seeded.filter( ( page ) => page.missing ).map( ( page ) => page.title ) ).toEqual( [] );
}

/** Records the requests for glossary data (term indexes, compiled glossary) a page makes. */
export function trackGlossaryRequests( wiki: WikiPage ): string[] {
	const seen: string[] = [];
	wiki.page.on( 'request', ( request ) => {
		const url = decodeURIComponent( request.url() );
		if ( /glossary/i.test( url ) && /action=raw/.test( url ) ) {
			seen.push( url );
		}
	} );
	return seen;
}

/**
 * Opens Special:BlankPage served as Special:Translate would be, with `fixture` (a reproduction of
 * Translate's editor markup) as its content, logged in as Alice. BlankPage is namespace -1 like
 * Special:Translate; the editor helper is a gadget of its own (`namespaces=-1` on Meta; the
 * local 1.39 wiki ignores conditions and loads it everywhere, where it checks the special page's
 * name itself). Resolves once the helper module is ready.
 */
export async function openTranslate( browser: Browser, fixture: string ): Promise<WikiPage> {
	const wiki = await newPage( browser, { account: 'alice' } );
	await wiki.page.route( /title=Special(%3A|:)BlankPage/, async ( route ) => {
		const response = await route.fetch();
		const html = ( await response.text() )
			.replace( /"wgCanonicalSpecialPageName":"[^"]*"/, '"wgCanonicalSpecialPageName":"Translate"' )
			.replace( /(<div id="mw-content-text"[^>]*>)/, `$1${ fixture }` );
		await route.fulfill( { response, body: html } );
	} );
	await wiki.open( 'Special:BlankPage' );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-translate' );
	return wiki;
}
