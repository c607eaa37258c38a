/**
 * Glossary helpers shared by the glossary browser tests: the glossary pages the local-wiki seed
 * publishes, and the requests for them a page view makes.
 */
import { expect } from 'vitest';
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
