/**
 * Language rules the glossary needs: fallback chains (`pt-br` → `pt` → `en`), case folding
 * (with the Turkish and Azeri dotted and dotless i) and which characters count as word
 * characters or belong to scripts written without spaces between words.
 *
 * @packageDocumentation
 */

/**
 * Fallbacks that a language code's prefix does not give, after MediaWiki's own `$fallback`
 * settings. Only the few that matter for the languages Meta translates into; everything else
 * falls back by dropping subtags, then to English.
 */
const EXTRA_FALLBACKS: Record<string, string[]> = {
	zh: [ 'zh-hans' ],
	'zh-cn': [ 'zh-hans' ],
	'zh-sg': [ 'zh-hans' ],
	'zh-my': [ 'zh-hans' ],
	'zh-hant': [ 'zh-hans' ],
	'zh-tw': [ 'zh-hant', 'zh-hans' ],
	'zh-hk': [ 'zh-hant', 'zh-hans' ],
	'zh-mo': [ 'zh-hant', 'zh-hans' ],
	'de-formal': [ 'de' ],
	'de-at': [ 'de' ],
	'de-ch': [ 'de' ],
	gsw: [ 'de' ],
	lb: [ 'de' ],
	nb: [ 'no', 'nn' ],
	nn: [ 'nb', 'no' ],
	no: [ 'nb' ],
	'be-tarask': [ 'be' ],
	'sr-ec': [ 'sr' ],
	'sr-el': [ 'sr' ],
	gl: [ 'pt' ],
	ca: [ 'es' ],
	an: [ 'es' ],
	oc: [ 'fr' ],
	br: [ 'fr' ],
	wa: [ 'fr' ],
	arz: [ 'ar' ],
	ary: [ 'ar' ],
	azb: [ 'fa' ],
	ckb: [ 'ar' ],
};

/** Normalises a language code to MediaWiki's lower-case form (`pt-BR` → `pt-br`). */
export function normalizeLanguage( language: string ): string {
	return language.trim().toLowerCase().replace( /_/g, '-' );
}

/**
 * The languages to try after `language` when it lacks a term, in order and ending with
 * `finalFallback` (English by default), without `language` itself: `pt-br` → `[ 'pt', 'en' ]`,
 * `zh-tw` → `[ 'zh-hant', 'zh-hans', 'zh', 'en' ]`, `en` → `[]`.
 */
export function languageFallbacks( language: string, finalFallback = 'en' ): string[] {
	const start = normalizeLanguage( language );
	const chain: string[] = [];
	const add = ( code: string ): void => {
		if ( code && code !== start && !chain.includes( code ) ) {
			chain.push( code );
		}
	};
	const visit = ( code: string ): void => {
		// Own properties only: the code comes from page content, and `constructor` or
		// `__proto__` must not find Object.prototype's members.
		const extras = Object.prototype.hasOwnProperty.call( EXTRA_FALLBACKS, code ) ?
			EXTRA_FALLBACKS[ code ] ?? [] : [];
		for ( const extra of extras ) {
			add( extra );
		}
		// Dropping subtags one at a time: `sr-latn-me` → `sr-latn` → `sr`.
		const dash = code.lastIndexOf( '-' );
		if ( dash > 0 ) {
			add( code.slice( 0, dash ) );
			visit( code.slice( 0, dash ) );
		}
	};
	visit( start );
	// Extra fallbacks of the added languages (zh-hant → zh-hans) are not chased further:
	// the table already lists complete chains.
	add( normalizeLanguage( finalFallback ) );
	return chain;
}

/** Whether a language uses the Turkic dotted/dotless i pairs (I ↔ ı, İ ↔ i). */
export function hasTurkicCasing( language: string ): boolean {
	const primary = normalizeLanguage( language ).split( '-' )[ 0 ];
	return primary === 'tr' || primary === 'az' || primary === 'crh' || primary === 'gag';
}

const SPACE = /^\s$/;

/**
 * Arabic-script signs that writers add or leave out freely: the short vowels, tanwin, shadda and
 * sukun (U+064B–U+0652, U+0656–U+065F), the superscript alef, honorific and Quranic annotation
 * signs, and the tatweel that only stretches a word. منظّم and منظم are the same word, so they
 * fold to nothing. Not the madda and hamza signs (U+0653–U+0655), which change the letter.
 */
// Through unicodeRegExp: a character class of combining marks written out misleads readers
// (and the no-misleading-character-class rule), escapes do not.
const OPTIONAL_ARABIC = unicodeRegExp( '^[\\u0610-\\u061a\\u0640\\u064b-\\u0652\\u0656-\\u065f\\u0670' +
	'\\u06d6-\\u06dc\\u06df-\\u06e4\\u06e7\\u06e8\\u06ea-\\u06ed]$', '' );

/** A case folding function for one language: maps one code point to its folded string. */
export type CodePointFolder = ( char: string ) => string;

/**
 * Returns a function folding one code point (as a string) for case-insensitive comparison in
 * `language`. Folding is lower-, upper- then lower-casing, which gives full case folding for
 * the cases that matter (`ß` and `ẞ` → `ss`, final sigma → `σ`) without a Unicode table; the Turkic
 * i's are handled explicitly because the locale-free functions get them wrong for Turkish, and
 * dotless ı stays distinct elsewhere (as in Unicode's CaseFolding). Optional Arabic signs fold
 * to nothing (`OPTIONAL_ARABIC`); the typographic apostrophe ’ folds to the typewriter one.
 */
export function createFolder( language: string ): CodePointFolder {
	const turkic = hasTurkicCasing( language );
	const cache = new Map<string, string>();
	return ( char ) => {
		const code = char.charCodeAt( 0 );
		if ( code < 0x80 ) {
			if ( code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ) {
				// Line breaks and tabs inside a term's text are just spaces (wrapped wikitext).
				return ' ';
			}
			if ( code >= 0x41 && code <= 0x5a ) {
				return turkic && code === 0x49 ? '\u0131' : String.fromCharCode( code + 32 );
			}
			return char;
		}
		let folded = cache.get( char );
		if ( folded === undefined ) {
			if ( SPACE.test( char ) ) {
				// No-break and other spaces: "task force" with U+00A0 is still the term.
				folded = ' ';
			} else if ( OPTIONAL_ARABIC.test( char ) ) {
				folded = '';
			} else if ( char === '\u2019' ) {
				// The typographic apostrophe is the apostrophe: French glossary forms such as
				// "pouvoir d'agir" are typed either way (autocorrect, CharInsert), and the
				// translator panel would say the form is not used.
				folded = "'";
			} else if ( char === '\u0130' ) {
				// İ: Turkish i; elsewhere i + combining dot above, as Unicode folds it.
				folded = turkic ? 'i' : 'i\u0307';
			} else if ( char === '\u0131' ) {
				folded = '\u0131';
			} else {
				folded = char.toLowerCase().toUpperCase().toLowerCase();
			}
			cache.set( char, folded );
		}
		return folded;
	};
}

/**
 * Folds a whole string (NFC first) the way the matcher folds text: used for terms and for
 * comparing terms (duplicate detection).
 */
export function foldText( text: string, language: string ): string {
	const fold = createFolder( language );
	let out = '';
	for ( const char of text.normalize( 'NFC' ) ) {
		out += fold( char );
	}
	return out;
}

/**
 * A regular expression with Unicode property escapes, built at run time. The built gadget must
 * parse as ES2017 (Meta's validator), which rejects `\p{…}` in a literal, and esbuild keeps
 * literals as they are; every browser Meta supports runs these expressions.
 */
export function unicodeRegExp( source: string, flags: string ): RegExp {
	return new RegExp( source, flags );
}

const WORD_CHAR = unicodeRegExp( '^[\\p{L}\\p{M}\\p{N}]', 'u' );
const MARK = unicodeRegExp( '^\\p{M}', 'u' );
// Scripts written without spaces between words: a term may start and end anywhere in them.
const NO_SPACE_SCRIPT = unicodeRegExp(
	'^[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}' +
	'\\p{scx=Myanmar}\\p{scx=Tibetan}]',
	'u',
);

/** Whether the code point starting `char` is a word character (letter, mark or number). */
export function isWordChar( char: string ): boolean {
	return WORD_CHAR.test( char );
}

/** Whether the code point starting `char` is a combining mark. */
export function isMark( char: string ): boolean {
	return MARK.test( char );
}

/**
 * Whether the code point starting `char` belongs to a script written without spaces between
 * words (Chinese, Japanese, Thai, Lao, Khmer, Burmese, Tibetan).
 */
export function isNoSpaceScript( char: string ): boolean {
	return NO_SPACE_SCRIPT.test( char );
}

/**
 * Whether a term edge character next to a neighbouring character breaks the whole-word rule:
 * both are word characters and neither is in a script without spaces. Terms that start or end
 * with punctuation (`C++`) need no boundary on that side.
 */
export function joinsWord( edge: string, neighbour: string ): boolean {
	return isWordChar( edge ) && isWordChar( neighbour ) &&
		!isNoSpaceScript( edge ) && !isNoSpaceScript( neighbour );
}
