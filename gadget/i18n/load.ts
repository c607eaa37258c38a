/**
 * Loading a reader's translated messages (hidden module `ext.gadget.ldwg-i18n`): the fallback
 * chain from `mw.language`, the message files of that chain that exist, fetched in ONE Action
 * API request together with the caller's own JSON pages, and `mw.messages.set` in priority
 * order. See docs/gadget.md, "Messages".
 *
 * Why a module of its own: readers of English need none of this (every module carries its
 * English texts), and it is a tenth of the feedback module; readers of other languages get it
 * from ResourceLoader together with `mediawiki.language`, which they load for the chain anyway.
 *
 * @packageDocumentation
 */
import {
	messagesTitle,
	parseMessages,
	translationLanguages,
	type MessagePart,
} from '../core/messages.ts';
import { pageTextQuery, queryUrl, readPageTexts } from '../core/request.ts';

/** What `require( 'ext.gadget.ldwg-i18n' )` returns. */
export interface I18n {
	/**
	 * Makes sure the reader's translations of `parts` (of the languages in `available` on their
	 * fallback chain) are in `mw.messages`, and resolves with the texts of those of
	 * `extraTitles` that exist. Parts not loaded yet are fetched in one request with
	 * `extraTitles`; parts being loaded are waited for. Never rejects: a failure gives English
	 * texts and fewer pages.
	 */
	load(
		extraTitles: readonly string[],
		userAgent: string,
		available: readonly string[],
		parts: readonly MessagePart[],
	): Promise<Map<string, string>>;
}

/**
 * How long to wait for the translations (and the pages fetched with them) before giving up:
 * the buttons of a page view, and the form on a click, wait for them, and a stalled connection
 * can hold a request for minutes. After that the reader gets English texts and no counts.
 */
export const TRANSLATIONS_TIMEOUT_MS = 15000;

/**
 * Fetches the current text of several pages in one Action API request: the texts of those that
 * exist, or `null` on a failure (network, HTTP error, no answer within `timeoutMs`). An answer
 * that is not the API's gives no pages. Never rejects.
 */
export function fetchApiTexts(
	titles: readonly string[],
	userAgent: string,
	timeoutMs = TRANSLATIONS_TIMEOUT_MS,
): Promise<Map<string, string> | null> {
	if ( !titles.length ) {
		return Promise.resolve( new Map() );
	}
	const url = queryUrl( mw.util.wikiScript( 'api' ), pageTextQuery( titles ) );
	const controller = new AbortController();
	const timer = setTimeout( () => controller.abort(), timeoutMs );
	// eslint-disable-next-line n/no-unsupported-features/node-builtins -- browser code, not Node
	return window.fetch( url, {
		credentials: 'same-origin',
		headers: { 'Api-User-Agent': userAgent },
		signal: controller.signal,
	} )
		.then( ( response ) => {
			if ( !response.ok ) {
				throw new Error( `HTTP ${ response.status }` );
			}
			return response.json() as Promise<unknown>;
		} )
		// An API error (maxlag, read-only) is as passing as a network failure.
		.then( ( answer ) => answer && ( answer as { error?: unknown } ).error ? null :
			readPageTexts( answer ), () => null )
		.then( ( texts ) => {
			clearTimeout( timer );
			return texts;
		} );
}

/** Puts translated texts into `mw.messages`, lowest-priority language first. */
function install( titles: readonly string[], texts: Map<string, string> ): void {
	for ( const title of titles ) {
		const text = texts.get( title );
		const messages = text === undefined ? null : parseMessages( text );
		if ( messages ) {
			mw.messages.set( messages );
		}
	}
}

/**
 * A translation loader with its own record of what it loaded. ResourceLoader runs the module
 * once per page view (gadget/i18n/entry.ts), so the feedback module and the popup share one.
 *
 * Per part, the record holds the load in progress or done; a load whose request failed
 * (network, HTTP or API error, timeout) leaves its parts to the next caller, so that a reader
 * whose page view lost its translations gets them when they open the form or a popup.
 */
export function createI18n(): I18n {
	const loads: Partial<Record<MessagePart, Promise<void>>> = {};
	return {
		load( extraTitles, userAgent, available, parts ) {
			const started = parts.map( ( part ) => loads[ part ] );
			const missing = parts.filter( ( part ) => !loads[ part ] );
			const language: Partial<typeof mw.language> | undefined = mw.language;
			const chain = language && language.getFallbackLanguageChain ?
				language.getFallbackLanguageChain() : [ mw.config.get( 'wgUserLanguage' ) ];
			const languages = translationLanguages( chain, available );
			// Parts hold different keys: only the order of languages within a part matters.
			const titles: string[] = [];
			for ( const part of missing ) {
				titles.push( ...languages.map( ( code ) => messagesTitle( code, part ) ) );
			}
			const texts = fetchApiTexts( [ ...extraTitles, ...titles ], userAgent )
				.then( ( fetched ) => {
					if ( fetched ) {
						install( titles, fetched );
					}
					return fetched;
				} );
			for ( const part of missing ) {
				const load: Promise<void> = texts.then( ( fetched ) => {
					if ( !fetched && loads[ part ] === load ) {
						delete loads[ part ];
					}
				} );
				loads[ part ] = load;
			}
			return Promise.all( [ texts, ...started ] )
				.then( ( [ fetched ] ) => fetched || new Map() );
		},
	};
}
