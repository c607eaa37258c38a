/**
 * Plain text ⇄ template-parameter value. What a person typed in the feedback form is plain text:
 * it must be shown character for character and nothing in it may be read as wikitext. The
 * encoding replaces every character that could start wiki or HTML syntax with an HTML numeric
 * character reference (`&#123;`), which MediaWiki's parser leaves alone until the browser turns
 * it back into the character. The full table and the reasons are in `docs/entry-format.md`.
 *
 * Invariant (property-tested): `decodeText( encodeText( t ) ) === normalizeText( t )` for every
 * string `t`, and the encoded form contains no line break, no `{{ }} [[ ]] | ~~~ < __ ://`, no
 * magic-link keyword, no control or bidi control character and no leading or trailing space.
 *
 * @packageDocumentation
 */

/**
 * Characters encoded wherever they appear.
 * - `{ } [ ] |`: templates, parser functions, parameters, links, tables, language converter
 *   (`-{ }-`) and the end of our own parameter.
 * - `< > &`: HTML and extension tags, comments, entities (`&` must be encoded for the text to
 *   round-trip at all).
 * - `~`: signatures (`~~~`, `~~~~`, `~~~~~`) are expanded when the page is saved.
 * - `_`: behaviour switches (`__TOC__`, `__NOINDEX__`).
 * - `'`: bold and italic (`''`, `'''`), whose rules also depend on single apostrophes.
 * - `:`: every free URL and URI scheme (`https:`, `mailto:`, `news:`) needs it; also indents.
 * - `=`: headings, and a named parameter if the text is ever passed positionally.
 * - `! # * ;`: table cells (`!!`), lists and definition lists, and French-spacing rules (`!`, `;`).
 */
const ALWAYS = '{}[]|<>&~_\':=!#*;';

/** Characters encoded only as the first character (they start a horizontal rule, `----`). */
const AT_START = '-';

/**
 * MediaWiki turns a space before `? % » ›` (and after `« ‹`) into a no-break space when it
 * renders the page ("French spacing"); encoding that space keeps the text exact.
 */
const FRENCH_AFTER = '?%»›';
const FRENCH_BEFORE = '«‹';

/** Words MediaWiki turns into magic links when followed by a number. */
const MAGIC_WORDS = [ 'ISBN', 'RFC', 'PMID' ];

/** Named entities the decoder understands (hand-written entries); others stay as typed. */
const NAMED_ENTITIES: Record<string, number> = {
	amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27, nbsp: 0xa0, shy: 0xad,
	ndash: 0x2013, mdash: 0x2014, hellip: 0x2026, laquo: 0xab, raquo: 0xbb,
	lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c, rdquo: 0x201d, bull: 0x2022,
	middot: 0xb7, times: 0xd7, deg: 0xb0, copy: 0xa9, reg: 0xae, euro: 0x20ac,
	lrm: 0x200e, rlm: 0x200f, zwj: 0x200d, zwnj: 0x200c, thinsp: 0x2009, ensp: 0x2002,
	emsp: 0x2003, iexcl: 0xa1, iquest: 0xbf, sect: 0xa7, para: 0xb6,
	lbrace: 0x7b, rbrace: 0x7d, lbrack: 0x5b, rbrack: 0x5d, verbar: 0x7c, vert: 0x7c,
	excl: 0x21, num: 0x23, colon: 0x3a, semi: 0x3b, equals: 0x3d, ast: 0x2a, lowbar: 0x5f,
	tilde: 0x7e, dash: 0x2010, hyphen: 0x2010,
};

/**
 * Combining marks (Unicode category M). Built at run time: the gadget bundle must parse as
 * ES2017, where a `\p{…}` literal is a syntax error; every browser the gadget supports has the
 * feature itself. The fallback covers the common combining blocks.
 */
const COMBINING_MARK: RegExp = ( () => {
	try {
		// eslint-disable-next-line prefer-regex-literals -- a literal would not parse as ES2017
		return new RegExp( '^\\p{M}$', 'u' );
	} catch {
		// eslint-disable-next-line no-misleading-character-class -- single marks, by design
		return /^[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]$/;
	}
} )();

/**
 * Whether MediaWiki refuses a code point in a character reference or in page text
 * (`Sanitizer::validateCodepoint`): C0 controls other than tab and newline, DEL (which also
 * starts strip markers), C1 controls, surrogates, U+FFFE and U+FFFF.
 */
export function isRefusedCodePoint( cp: number ): boolean {
	return !( cp === 0x09 || cp === 0x0a ||
		( cp >= 0x20 && cp <= 0x7e ) ||
		( cp >= 0xa0 && cp <= 0xd7ff ) ||
		( cp >= 0xe000 && cp <= 0xfffd ) ||
		( cp >= 0x10000 && cp <= 0x10ffff ) );
}

/**
 * Bidi controls (ALM, LRM, RLM, embeddings, overrides, isolates) and the Unicode line and
 * paragraph separators. They render the same when encoded, but raw they could reorder or split
 * the entry's line in the wiki source editor (a "Trojan source" trick on the talk page).
 */
function isInvisibleControl( cp: number ): boolean {
	return cp === 0x061c || cp === 0x200e || cp === 0x200f ||
		( cp >= 0x202a && cp <= 0x202e ) || ( cp >= 0x2066 && cp <= 0x2069 ) ||
		cp === 0x2028 || cp === 0x2029;
}

/**
 * The text as it is compared and stored: line breaks unified to `\n` (browsers send CRLF, the
 * wiki stores LF), unpaired surrogates replaced by U+FFFD (UTF-8, hence the wiki, cannot hold
 * them) and Unicode NFC (MediaWiki normalises saved text to NFC).
 */
export function normalizeText( text: string ): string {
	let out = '';
	for ( let i = 0; i < text.length; i++ ) {
		const unit = text.charCodeAt( i );
		if ( unit >= 0xd800 && unit <= 0xdbff ) {
			const next = text.charCodeAt( i + 1 );
			if ( next >= 0xdc00 && next <= 0xdfff ) {
				out += text.slice( i, i + 2 );
				i++;
				continue;
			}
			out += '\ufffd';
		} else if ( unit >= 0xdc00 && unit <= 0xdfff ) {
			out += '\ufffd';
		} else {
			out += text.charAt( i );
		}
	}
	return out.replace( /\r\n?/g, '\n' ).normalize( 'NFC' );
}

function reference( cp: number ): string {
	return `&#${ cp };`;
}

/**
 * Encodes plain text for a template parameter value: normalises it ({@link normalizeText}), then
 * writes risky characters as decimal numeric character references. Letters, digits, spaces
 * between words and ordinary punctuation stay readable in the wiki source.
 */
export function encodeText( text: string ): string {
	const normal = normalizeText( text );
	const chars = Array.from( normal );
	// Break magic-link keywords by encoding their last letter (a code-unit offset).
	const magic = new Set<number>();
	for ( const word of MAGIC_WORDS ) {
		for ( let at = normal.indexOf( word ); at !== -1; at = normal.indexOf( word, at + 1 ) ) {
			magic.add( at + word.length - 1 );
		}
	}
	let out = '';
	let unit = 0;
	chars.forEach( ( ch, k ) => {
		const cp = ch.codePointAt( 0 ) ?? 0;
		const offset = unit;
		unit += ch.length;
		const first = k === 0;
		const last = k === chars.length - 1;
		const risky = magic.has( offset ) ||
			ALWAYS.includes( ch ) ||
			isRefusedCodePoint( cp ) ||
			isInvisibleControl( cp ) ||
			// Newlines and tabs: one line, and no list/heading/pre from a line start.
			cp === 0x0a || cp === 0x09 ||
			( first && AT_START.includes( ch ) ) ||
			// MediaWiki trims named parameter values (PHP trim: space, \t, \n, \r, \0, \v).
			( ch === ' ' && ( first || last ||
				FRENCH_AFTER.includes( chars[ k + 1 ] ?? '' ) ||
				FRENCH_BEFORE.includes( chars[ k - 1 ] ?? '' ) ) ) ||
			// A leading combining mark would combine with the `=` before the value when the wiki
			// normalises the page (`=` + U+0338 becomes `≠`), breaking the template call.
			( first && COMBINING_MARK.test( ch ) );
		out += risky ? reference( cp ) : ch;
	} );
	return out;
}

/** Whether a code point may be produced by decoding (a Unicode scalar value). */
function isScalar( cp: number ): boolean {
	return cp >= 0 && cp <= 0x10ffff && !( cp >= 0xd800 && cp <= 0xdfff );
}

/**
 * Decodes HTML character references: decimal and hexadecimal numeric references to any Unicode
 * scalar value, and the common named entities listed in `docs/entry-format.md`. Anything else
 * (an unknown name, a reference to a surrogate or beyond U+10FFFF, a lone `&`) is kept as typed.
 * Reverses {@link encodeText}; also reads values people wrote by hand.
 */
export function decodeText( raw: string ): string {
	return raw.replace(
		/&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
		( whole: string, dec?: string, hex?: string, name?: string ) => {
			let cp: number | undefined;
			if ( dec !== undefined ) {
				cp = parseInt( dec, 10 );
			} else if ( hex !== undefined ) {
				cp = parseInt( hex, 16 );
			} else if ( name !== undefined &&
				Object.prototype.hasOwnProperty.call( NAMED_ENTITIES, name ) ) {
				cp = NAMED_ENTITIES[ name ];
			}
			return cp !== undefined && isScalar( cp ) ? String.fromCodePoint( cp ) : whole;
		},
	);
}

/**
 * PHP's `trim()`, which MediaWiki applies to named template parameters: only space, tab,
 * newline, carriage return, NUL and vertical tab (JavaScript's `trim()` strips far more, e.g.
 * U+00A0 and U+3000, which MediaWiki keeps).
 */
export function phpTrim( text: string ): string {
	// eslint-disable-next-line no-control-regex -- NUL and VT are exactly what PHP trims
	return text.replace( /^[ \t\n\r\0\x0b]+|[ \t\n\r\0\x0b]+$/g, '' );
}

const NOWIKI = 'nowiki';
/** A nowiki element or self-closed tag (built from parts: sources never spell the tag). */
const NOWIKI_ELEMENT = new RegExp( `<${ NOWIKI }\\s*/>|<${ NOWIKI }(?:\\s[^>]*)?>([\\s\\S]*?)</${ NOWIKI }\\s*>`, 'gi' );

/** A nowiki element (as {@link NOWIKI_ELEMENT}) or an HTML comment, whichever starts first. */
const NOWIKI_OR_COMMENT = new RegExp( `${ NOWIKI_ELEMENT.source }|<!--[\\s\\S]*?(?:-->|$)`, 'gi' );

/**
 * Removes HTML comments, as MediaWiki does before it reads a parameter (an unclosed comment runs
 * to the end).
 */
export function stripComments( raw: string ): string {
	return raw.replace( /<!--[\s\S]*?(?:-->|$)/g, '' );
}

/**
 * Reads a template parameter value the way MediaWiki shows it, as plain text: comments removed,
 * ends trimmed (named parameters only), the content of nowiki tags kept as typed, character
 * references decoded. Other markup in hand-written values (links, bold, templates) is kept as
 * typed: it is shown to the working group as the characters the person wrote.
 */
export function decodeParameterValue( raw: string, options: { named?: boolean } = {} ): string {
	// One left-to-right pass, as MediaWiki's preprocessor reads: a comment inside nowiki is
	// text (kept for the unwrapping below), a nowiki inside a comment is gone.
	let value = raw.replace( NOWIKI_OR_COMMENT, ( whole: string ) => whole.startsWith( '<!--' ) ? '' : whole );
	if ( options.named !== false ) {
		value = phpTrim( value );
	}
	value = value.replace( NOWIKI_ELEMENT, ( _whole: string, inner?: string ) => inner ?? '' );
	return decodeText( value );
}
