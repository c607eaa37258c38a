/**
 * Which translated message files a reader needs, and reading them safely. Pure: the glue that
 * asks `mw.language` for the fallback chain and fills `mw.messages` is in translations.ts.
 *
 * Why this shape (docs/gadget.md, "Messages"): every module carries the English texts of its own
 * keys (the build prepends them), so English readers load nothing more. Each translated language
 * has two JSON pages holding only the keys the gadget's modules use:
 * `MediaWiki:Gadget-ldwg-messages-<lang>.json` for what a page view shows, fetched by a reader of
 * another language in the same request as the summary JSON, and
 * `MediaWiki:Gadget-ldwg-dialog-messages-<lang>.json` for the form and the popup, fetched when
 * one of them first opens (nine tenths of the texts, which most page views never show).
 *
 * @packageDocumentation
 */

/** Title prefix of the translated message pages (the deploy command writes them from dist/). */
export const MESSAGES_PAGE_PREFIX = 'MediaWiki:Gadget-ldwg-messages-';

/** Title prefix of the translated messages of the form and the popup (loaded when they open). */
export const DIALOG_MESSAGES_PAGE_PREFIX = 'MediaWiki:Gadget-ldwg-dialog-messages-';

/**
 * Which translations: those a page view shows (`page`: the feedback buttons and counts), or
 * those of the form and the popup (`dialogs`), which only readers who open one need.
 */
export type MessagePart = 'page' | 'dialogs';

/** Title of the translated message page of one language (and part). */
export function messagesTitle( language: string, part: MessagePart = 'page' ): string {
	return `${ part === 'page' ? MESSAGES_PAGE_PREFIX : DIALOG_MESSAGES_PAGE_PREFIX }${ language }.json`;
}

/**
 * The languages whose message files to load, in the order to apply them: the lowest-priority
 * fallback first, the reader's own language last, so that it wins. English ends the search:
 * its texts are bundled, and a chain never needs what comes after it.
 *
 * @param chain The reader's fallback chain, own language first
 *   (`mw.language.getFallbackLanguageChain()`).
 * @param available Languages that have a message file (set by the build).
 */
export function translationLanguages(
	chain: readonly string[],
	available: readonly string[],
): string[] {
	const picked: string[] = [];
	for ( const language of chain ) {
		if ( language === 'en' ) {
			break;
		}
		if ( available.includes( language ) && !picked.includes( language ) ) {
			picked.push( language );
		}
	}
	return picked.reverse();
}

/** Keys a message file may set: ours only, so a file can never replace MediaWiki's messages. */
const KEY_PATTERN = /^ldwg-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a message file's text. Keeps string values under `ldwg-…` keys and drops everything else
 * (`@metadata`, non-strings, foreign keys); `null` when the text is not a JSON object.
 */
export function parseMessages( text: string ): Record<string, string> | null {
	let data: unknown;
	try {
		data = JSON.parse( text );
	} catch {
		return null;
	}
	if ( typeof data !== 'object' || data === null || Array.isArray( data ) ) {
		return null;
	}
	const messages: Record<string, string> = {};
	for ( const [ key, value ] of Object.entries( data ) ) {
		if ( KEY_PATTERN.test( key ) && typeof value === 'string' ) {
			messages[ key ] = value;
		}
	}
	return messages;
}
