/**
 * Loads the reader's translated messages into `mw.messages`, once per page view, shared by the
 * gadget's eager modules. English readers load nothing: every module carries its English texts.
 *
 * The load is shared through `mw.libs.ldwgTranslations` so that the feedback module and the
 * glossary module (separate gadgets, either may be switched off) never fetch the same files
 * twice; whichever starts first also fetches its own pages in the same request.
 *
 * @packageDocumentation
 */
import { messagesTitle, parseMessages, translationLanguages } from './messages.ts';
import { pageTextQuery, queryUrl, rawTextQuery, readPageTexts } from './request.ts';

declare global {
	// eslint-disable-next-line @typescript-eslint/no-namespace -- augments types-mediawiki's mw.libs
	namespace mw.libs {
		/** Settles when the reader's translated ldwg messages are in `mw.messages`. */
		let ldwgTranslations: Promise<void> | undefined;
	}
}

/** Languages with a translated message file, as the build wrote them (none in unit tests). */
export function messageLanguages(): string[] {
	return typeof LDWG_MESSAGE_LANGUAGES === 'undefined' ? [] : LDWG_MESSAGE_LANGUAGES;
}

/**
 * The reader's language fallback chain. `mediawiki.language` is only loaded for readers whose
 * language is not English (often already loaded, and kept in the module store afterwards).
 */
function languageChain(): Promise<string[]> {
	const language = mw.config.get( 'wgUserLanguage' );
	if ( language === 'en' || !messageLanguages().length ) {
		return Promise.resolve( [ language ] );
	}
	return Promise.resolve( mw.loader.using( 'mediawiki.language' ) ).then(
		() => mw.language.getFallbackLanguageChain(),
		() => [ language ],
	);
}

/**
 * Fetches the current text of some pages in one request (`action=raw` for one page, the Action
 * API for several: request.ts). Never rejects: a failure (network, HTTP error such as a missing
 * page, invalid answer) gives fewer pages, and no request is made for no titles.
 */
export function fetchPageTexts(
	titles: readonly string[],
	userAgent: string,
): Promise<Map<string, string>> {
	const [ only ] = titles;
	if ( only === undefined ) {
		return Promise.resolve( new Map() );
	}
	const one = titles.length === 1;
	const url = one ? mw.util.getUrl( only, rawTextQuery() ) :
		queryUrl( mw.util.wikiScript( 'api' ), pageTextQuery( titles ) );
	// eslint-disable-next-line n/no-unsupported-features/node-builtins -- browser code, not Node
	return window.fetch( url, {
		credentials: 'same-origin',
		headers: { 'Api-User-Agent': userAgent },
	} )
		.then( ( response ) => !response.ok ? null :
			one ? response.text() : response.json() as Promise<unknown> )
		.then(
			( answer ) => one ?
				new Map( typeof answer === 'string' ? [ [ only, answer ] ] : [] ) :
				readPageTexts( answer ),
			() => new Map<string, string>(),
		);
}

/** Puts translated texts into `mw.messages`, lowest-priority language first. */
function install( languages: readonly string[], texts: Map<string, string> ): void {
	for ( const language of languages ) {
		const text = texts.get( messagesTitle( language ) );
		const messages = text === undefined ? null : parseMessages( text );
		if ( messages ) {
			mw.messages.set( messages );
		}
	}
}

/**
 * Makes sure the reader's translations are loaded, and returns the text of `extraTitles`
 * (the caller's own JSON pages). When no other module has started loading the translations,
 * both go in one request; otherwise this waits for that load and fetches `extraTitles` alone.
 * Never rejects.
 */
export function loadWithTranslations(
	extraTitles: readonly string[],
	userAgent: string,
): Promise<Map<string, string>> {
	const started = mw.libs.ldwgTranslations;
	if ( started ) {
		return started.then( () => fetchPageTexts( extraTitles, userAgent ) );
	}
	const texts = languageChain().then( ( chain ) => {
		const languages = translationLanguages( chain, messageLanguages() );
		return fetchPageTexts( [ ...extraTitles, ...languages.map( messagesTitle ) ], userAgent )
			.then( ( result ) => {
				install( languages, result );
				return result;
			} );
	} );
	mw.libs.ldwgTranslations = texts.then( () => undefined );
	return texts;
}
