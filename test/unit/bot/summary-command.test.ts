/**
 * The `summary` command's writes with a fake wiki: one page failing (protected) must not keep
 * the other from being written.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Mwn } from 'mwn';
import { WikiApi } from '../../../bot/wiki/api.ts';
import { summary } from '../../../bot/commands/summary.ts';
import type { Context } from '../../../bot/commands/context.ts';
import { freshState } from '../../../bot/state/store.ts';
import { parseConfig } from '../../../shared/contracts/config.ts';

type Params = Record<string, unknown>;

const site: unknown = JSON.parse( readFileSync( new URL( '../../../wiki-content/config/site.json', import.meta.url ), 'utf8' ) );
const sprint: unknown = JSON.parse( readFileSync( new URL( '../../../wiki-content/config/sprint.json', import.meta.url ), 'utf8' ) );
const parsed = parseConfig( site, sprint );
if ( !parsed.ok ) {
	throw new Error( 'the shipped configuration must parse' );
}
const config = parsed.value;

/** A wiki whose pages answer reads; edits of `protectedTitle` fail with `protectedpage`. */
function fakeBot(
	pages: Record<string, string>,
	protectedTitle: string,
): { bot: Mwn; edited: string[] } {
	const edited: string[] = [];
	const bot = {
		setOptions() {
			// WikiApi turns mwn's retries off; nothing to do here.
		},
		rawRequest: () => Promise.reject( new Error( 'not used' ) ),
		getCsrfToken: () => Promise.resolve( 'token+\\' ),
		request( params: Params ): Promise<unknown> {
			if ( params.action === 'edit' ) {
				const title = String( params.title );
				if ( title === protectedTitle ) {
					return Promise.reject( Object.assign( new Error( 'protectedpage' ), { code: 'protectedpage', info: 'This page has been protected to prevent editing or other actions.' } ) );
				}
				edited.push( title );
				pages[ title ] = String( params.text );
				return Promise.resolve( { edit: { result: 'Success' } } );
			}
			const titles = params.titles as string[];
			return Promise.resolve( { query: { pages: titles.map( ( title ) => {
				const text = pages[ title ];
				return text === undefined ? { title, missing: true } : {
					title, pageid: 1,
					revisions: [ { revid: 7, timestamp: '2026-11-29T00:00:00Z', slots: { main: { content: text, contentmodel: 'wikitext' } } } ],
				};
			} ) } } );
		},
	};
	return { bot: bot as unknown as Mwn, edited };
}

function context( bot: Mwn ): Context {
	const quiet = (): void => undefined;
	return {
		options: { wiki: 'http://127.0.0.1:1/api.php', dryRun: false, verbose: false, pacing: false },
		out: { info: quiet, verbose: quiet, warn: quiet, progress: quiet, result: quiet },
		bot,
		api: new WikiApi( bot, { waitBudgetSeconds: 10, sleep: () => Promise.resolve() } ),
		account: { name: 'LDWG-bot', groups: [ 'bot' ], rights: [], highLimits: false },
		config,
		statePath: '/nonexistent/state.json',
		state: freshState( 'k' ),
	};
}

describe( 'summary command', () => {
	it( 'still writes the summary JSON when the summary page is protected, then reports the failure', async () => {
		const pages: Record<string, string> = {
			[ config.pages.shutoff ]: 'run',
			[ config.pages.summary ]: 'old page',
			[ config.pages.summaryJson ]: '{}',
		};
		const { bot, edited } = fakeBot( pages, config.pages.summary );
		await expect( summary( context( bot ) ) ).rejects.toThrow( /protected/ );
		// The gadget's counts come from the JSON: a protected wikitext page must not freeze them.
		expect( edited ).toEqual( [ config.pages.summaryJson ] );
	} );

	it( 'writes the page when the JSON page fails, and reports the failure', async () => {
		const pages: Record<string, string> = {
			[ config.pages.shutoff ]: 'run',
			[ config.pages.summary ]: 'old page',
			[ config.pages.summaryJson ]: '{}',
		};
		const { bot, edited } = fakeBot( pages, config.pages.summaryJson );
		await expect( summary( context( bot ) ) ).rejects.toThrow( /protected/ );
		expect( edited ).toEqual( [ config.pages.summary ] );
	} );
} );
