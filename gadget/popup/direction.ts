/**
 * Writing direction and display names of languages, for text shown in another language than the
 * interface (equivalents, definitions from a fallback language). Without ULS on every wiki, the
 * right-to-left languages are listed here.
 *
 * @packageDocumentation
 */

/**
 * Languages written right to left, as MediaWiki has them (`$rtl` in its `languages/messages`
 * files, with what a code inherits from its fallback: `ug` from `ug-arab`), as primary subtags
 * or full codes. Codes with a script subtag (`kk-arab`, `ms-arab`, `ks-deva`) are decided by
 * the script instead, so they need no entry. Regular expressions: smaller than sets of strings.
 */
const RTL_LANGUAGES = new RegExp( '^(?:acm|aeb|apc|ar|arc|arq|ary|arz|azb|bcc|bft|bgn|bqi|ckb|dv|' +
	'en-rtl|fa|glk|he|hno|khw|kk-cn|ks|lki|lrc|luz|mzn|nqo|ota|pnb|prs|ps|sd|sdh|skr|trw|ug|ur|ydd|' +
	'yi)$' );

/** Right-to-left scripts (ISO 15924, lower-case) that appear as script subtags of codes. */
const RTL_SCRIPTS = /^(?:arab|hebr|syrc|thaa|nkoo|adlm|rohg)$/;

/** Direction of text in `language` (`ar` → `rtl`, `kk-arab` → `rtl`, `ku-latn` → `ltr`). */
export function languageDir( language: string ): 'ltr' | 'rtl' {
	const code = language.toLowerCase().replace( /_/g, '-' );
	// A script subtag says it all: `ks` is written in Arabic script, `ks-deva` is not.
	const script = /^[a-z]{2,3}-([a-z]{4})(?:-|$)/.exec( code );
	const rtl = script ? RTL_SCRIPTS.test( script[ 1 ] as string ) :
		RTL_LANGUAGES.test( code ) || RTL_LANGUAGES.test( code.split( '-' )[ 0 ] as string );
	return rtl ? 'rtl' : 'ltr';
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
