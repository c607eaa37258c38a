/**
 * Writing direction of a language from its code, for the `dir` of text in another language than
 * the page or the interface (equivalents in the popup, the form's language menu, typed text).
 * Browsers have no API for it and ULS is not on every wiki, so the right-to-left languages are
 * listed here, once for the whole gadget.
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
