/**
 * The language a piece of text is written in, as the page says it: the nearest `lang`
 * attribute. On a translation page, Translate wraps units that are not translated yet in an
 * element with the source language, so that English text on a French page is matched as English.
 *
 * @packageDocumentation
 */
import { normalizeLanguage } from '../../shared/glossary/language.ts';
import { isInsideExcluded } from './exclusion.ts';

/**
 * Language of the text inside `element`: the nearest `lang` attribute (lower-cased, `_` as `-`),
 * or `fallback` when there is none or it is empty (`lang=""` means "unknown").
 */
export function textLanguage( element: Element, fallback: string ): string {
	const owner = element.closest( '[lang]' );
	// The matcher's own normaliser, already in the bundle.
	return normalizeLanguage( owner && owner.getAttribute( 'lang' ) || '' ) || fallback;
}

/**
 * Every language used in `root` where marking looks (its own and those of descendants with
 * `lang` that are not excluded elements or inside one), so that the term indexes can be fetched
 * before the walk. At most `limit`, in document order, because each language costs one request.
 */
export function languagesIn( root: Element, fallback: string, limit = 6 ): string[] {
	const found = [ textLanguage( root, fallback ) ];
	const tagged = root.querySelectorAll( '[lang]' );
	for ( let i = 0; i < tagged.length && found.length < limit; i++ ) {
		const el = tagged[ i ] as Element;
		const lang = textLanguage( el, fallback );
		// Text marking never visits must not take a place or cost a request: Translate's
		// <languages/> bar alone gives each of its links (excluded) a `lang`, which filled the
		// places before the untranslated units further down.
		if ( !found.includes( lang ) && !isInsideExcluded( el, root ) ) {
			found.push( lang );
		}
	}
	return found;
}
