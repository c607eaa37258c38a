/**
 * Loads the reader's translated messages into `mw.messages`, once per page view, shared by the
 * gadget's modules. English readers load nothing: every module carries its English texts, and
 * they fetch their one JSON page as stored (`action=raw`).
 *
 * Other readers get the loader (`ext.gadget.ldwg-i18n`, gadget/i18n/) from ResourceLoader in
 * the same request as `mediawiki.language`, which gives their fallback chain; it fetches the
 * message files and the caller's pages in one API request. So English readers do not download
 * the translation code at all.
 *
 * The loader module is one instance for the page view (ResourceLoader runs a module once), so
 * it shares what it loaded between the feedback module and the popup: they never fetch the same
 * files twice, and whichever starts first also fetches its own pages in the same request.
 *
 * @packageDocumentation
 */
import { rawTextQuery } from './request.ts';
import type { MessagePart } from './messages.ts';
import { I18N_MODULE, loadI18n } from '../i18n/require.ts';

/** Languages with a translated message file, as the build wrote them (none in unit tests). */
export function messageLanguages(): string[] {
	return typeof LDWG_MESSAGE_LANGUAGES === 'undefined' ? [] : LDWG_MESSAGE_LANGUAGES;
}

/**
 * Fetches the current text of some pages as stored (`action=raw`, cacheable), one request per
 * page: callers ask for one at most. Never rejects: a failure (network, HTTP error such as a
 * missing page) gives fewer pages, and no request is made for no titles.
 */
export function fetchPageTexts(
	titles: readonly string[],
	userAgent: string,
): Promise<Map<string, string>> {
	const texts = new Map<string, string>();
	// eslint-disable-next-line n/no-unsupported-features/node-builtins -- browser code, not Node
	const fetchOne = ( title: string ): Promise<void> => window.fetch(
		mw.util.getUrl( title, rawTextQuery() ),
		{ credentials: 'same-origin', headers: { 'Api-User-Agent': userAgent } },
	)
		.then( ( response ) => response.ok ? response.text() : null )
		.then( ( text ) => {
			if ( text !== null ) {
				texts.set( title, text );
			}
		}, () => undefined );
	return Promise.all( titles.map( fetchOne ) ).then( () => texts );
}

/**
 * Makes sure the reader's translations of `parts` are loaded, and returns the text of
 * `extraTitles` (the caller's own JSON pages): in one request when the translations still have
 * to be fetched (see the translation loader, gadget/i18n/load.ts, which also shares them between
 * modules and tries a failed request again); one `action=raw` for an English reader. Never
 * rejects.
 */
export function loadWithTranslations(
	extraTitles: readonly string[],
	userAgent: string,
	parts: readonly MessagePart[] = [ 'page' ],
): Promise<Map<string, string>> {
	const available = messageLanguages();
	const plain = (): Promise<Map<string, string>> => fetchPageTexts( extraTitles, userAgent );
	return mw.config.get( 'wgUserLanguage' ) === 'en' || !available.length ? plain() :
		Promise.resolve( mw.loader.using( I18N_MODULE ) ).then( () => {
			const i18n = loadI18n();
			return i18n ? i18n.load( extraTitles, userAgent, available, parts ) : plain();
		}, plain );
}
