/**
 * Helpers for tests against the real local test wiki that test/setup/wiki.ts starts.
 *
 * @example
 * ```ts
 * const { api, url, accounts } = testWiki();
 * const bot = await apiClient( 'bot' );
 * await bot.save( 'Sandbox', 'text', 'summary' );
 * ```
 *
 * @packageDocumentation
 */
import type { Mwn } from 'mwn';
import { inject } from 'vitest';
import { createClient } from '../../bot/client.ts';
import type { AccountKey, LocalAccount } from '../../scripts/lib/wiki.mjs';
import type { TestWikiInfo } from '../setup/wiki.ts';

export type { AccountKey, LocalAccount, TestWikiInfo };

/** Contact for the User-Agent of test clients. */
const CONTACT = 'ldwg-tools tests';

/**
 * The test wiki of this run: `url` (base), `api` (api.php URL) and `accounts` keyed admin, bot,
 * alice, bob, chandra, dana (each with `username`/`password` for the browser and
 * `botUsername`/`botPassword` for the API).
 *
 * @throws Error outside the integration and browser projects (no test wiki was started).
 */
export function testWiki(): TestWikiInfo {
	const provided = inject( 'ldwgWiki' ) as TestWikiInfo | undefined;
	if ( provided ) {
		return provided;
	}
	const fromEnv = process.env.LDWG_TEST_WIKI;
	if ( fromEnv ) {
		return JSON.parse( fromEnv ) as TestWikiInfo;
	}
	throw new Error( 'No test wiki: run this test in the integration or browser project (test/setup/wiki.ts).' );
}

/** One local account of the test wiki. */
export function account( name: AccountKey ): LocalAccount {
	const found = testWiki().accounts[ name ];
	if ( !found ) {
		throw new Error( `No local account "${ name }"` );
	}
	return found;
}

/** Options of {@link apiClient}. */
export interface ApiClientOptions {
	/** Send maxlag (default: not sent; the local wiki has no replicas). */
	maxlag?: number;
}

/**
 * A new mwn client logged in as a local account through its BotPassword (each call is a new
 * session, so two clients of one account can conflict with each other like two browser tabs).
 *
 * @param name Account key.
 * @param options Client options.
 */
export function apiClient( name: AccountKey, options: ApiClientOptions = {} ): Promise<Mwn> {
	const { api } = testWiki();
	const local = account( name );
	return createClient( {
		apiUrl: api,
		contact: CONTACT,
		credentials: { kind: 'botpassword', username: local.botUsername, password: local.botPassword },
		maxlag: options.maxlag ?? false,
	} );
}
