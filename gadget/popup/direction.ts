/**
 * Writing direction and display names of languages, for text shown in another language than the
 * interface (equivalents, definitions from a fallback language). Without ULS on every wiki, the
 * right-to-left languages are listed here.
 *
 * @packageDocumentation
 */
import { languageDir } from '../../shared/language-dir.ts';

export { languageDir };

/** Name of `language` in `inLanguage` (`fr` in `en` → "French"), or the code itself. */
export function languageName( language: string, inLanguage: string ): string {
	try {
		// Older browsers without Intl.DisplayNames throw here and get the code instead.
		// eslint-disable-next-line compat/compat
		const names = new Intl.DisplayNames( [ inLanguage, 'en' ], { type: 'language' } );
		return names.of( language ) || language;
	} catch {
		return language;
	}
}

/** Sets `lang` and `dir` on an element holding text in `language`. */
export function setLanguage<T extends HTMLElement>( element: T, language: string ): T {
	element.lang = language;
	element.dir = languageDir( language );
	return element;
}
