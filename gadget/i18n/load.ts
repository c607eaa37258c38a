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
	 * Loads the reader's translations of one part (of the languages in `available` on their
	 * fallback chain) and the text of `extraTitles`, in one request, and resolves with the texts
	 * of all pages fetched. Never rejects: a failure gives fewer pages and English texts.
	 */
	load(
		extraTitles: readonly string[],
		userAgent: string,
		available: readonly string[],
		part?: MessagePart,
	): Promise<Map<string, string>>;
}

/**
 * How long to wait for the translations (and the pages fetched with them) before giving up:
 * the buttons of a page view, and the form on a click, wait for them, and a stalled connection
 * can hold a request for minutes. After that the reader gets English texts and no counts.
 */
export const TRANSLATIONS_TIMEOUT_MS = 15000;

/**
 * Fetches the current text of several pages in one Action API request. Never rejects: a
 * failure (network, HTTP error, invalid answer, no answer within `timeoutMs`) gives fewer pages.
 */
export function fetchApiTexts(
	titles: readonly string[],
	userAgent: string,
	timeoutMs = TRANSLATIONS_TIMEOUT_MS,
): Promise<Map<string, string>> {
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
		.then( ( response ) => response.ok ? response.json() as Promise<unknown> : null )
		.then( readPageTexts, () => new Map<string, string>() )
		.then( ( texts ) => {
			clearTimeout( timer );
			return texts;
		} );
}

/** Puts translated texts into `mw.messages`, lowest-priority language first. */
function install(
	languages: readonly string[], texts: Map<string, string>, part: MessagePart,
): void {
	for ( const language of languages ) {
		const text = texts.get( messagesTitle( language, part ) );
		const messages = text === undefined ? null : parseMessages( text );
		if ( messages ) {
			mw.messages.set( messages );
		}
	}
}

/** See {@link I18n.load}. */
export const i18n: I18n = {
	load( extraTitles, userAgent, available, part = 'page' ) {
		const language: Partial<typeof mw.language> | undefined = mw.language;
		const chain = language && language.getFallbackLanguageChain ?
			language.getFallbackLanguageChain() : [ mw.config.get( 'wgUserLanguage' ) ];
		const languages = translationLanguages( chain, available );
		const titles = languages.map( ( code ) => messagesTitle( code, part ) );
		return fetchApiTexts( [ ...extraTitles, ...titles ], userAgent )
			.then( ( texts ) => {
				install( languages, texts, part );
				return texts;
			} );
	},
};
