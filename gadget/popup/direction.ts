/**
 * Writing direction and display names of languages, for text shown in another language than the
 * interface (equivalents, definitions from a fallback language). Without ULS on every wiki, the
 * right-to-left languages are listed here.
 *
 * @packageDocumentation
 */

/** Languages (primary subtags and full codes) written right to left. */
const RTL = new Set( [ 'ar', 'arc', 'ary', 'arz', 'azb', 'bcc', 'bqi', 'ckb', 'dv', 'fa', 'glk',
	'he', 'khw', 'ks', 'ku-arab', 'lki', 'lrc', 'luz', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'sdh',
	'skr', 'ug', 'ur', 'yi' ] );

/** Direction of text in `language` (`ar` → `rtl`, `ku-latn` → `ltr`). */
export function languageDir( language: string ): 'ltr' | 'rtl' {
	const code = language.toLowerCase();
	if ( RTL.has( code ) ) {
		return 'rtl';
	}
	const primary = code.split( '-' )[ 0 ] as string;
	return RTL.has( primary ) && !/-latn|-cyrl/.test( code ) ? 'rtl' : 'ltr';
}

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
