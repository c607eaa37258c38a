/**
 * HTML character references in glossary wikitext (`&nbsp;`, `&amp;`, `&#8239;`), decoded to the
 * characters readers see on the wiki. French typography alone puts `«&nbsp;chef&nbsp;»` in
 * definitions, and a term typed as `R&amp;D` must match the page's "R&D".
 *
 * @packageDocumentation
 */
import { decodeReferences } from './char-references.ts';

/**
 * Latin-1 names in code point order, from U+00A0 (`nbsp`) to U+00FF (`yuml`): HTML 4's list,
 * which every HTML parser and MediaWiki's Sanitizer accept.
 */
const LATIN1 = 'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
	'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
	'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc ' +
	'Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
	'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
	'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc ' +
	'uuml yacute thorn yuml';

/**
 * The other names, with their code points: markup characters, HTML 4's "special" set (spaces,
 * joiners, direction marks, dashes, quotes) and the symbols prose uses.
 */
const OTHERS: [ string, number ][] = [
	[ 'quot', 0x22 ], [ 'amp', 0x26 ], [ 'apos', 0x27 ], [ 'lt', 0x3c ], [ 'gt', 0x3e ],
	[ 'OElig', 0x152 ], [ 'oelig', 0x153 ], [ 'Scaron', 0x160 ], [ 'scaron', 0x161 ],
	[ 'Yuml', 0x178 ], [ 'fnof', 0x192 ], [ 'circ', 0x2c6 ], [ 'tilde', 0x2dc ],
	[ 'ensp', 0x2002 ], [ 'emsp', 0x2003 ], [ 'thinsp', 0x2009 ], [ 'zwnj', 0x200c ],
	[ 'zwj', 0x200d ], [ 'lrm', 0x200e ], [ 'rlm', 0x200f ], [ 'ndash', 0x2013 ],
	[ 'mdash', 0x2014 ], [ 'lsquo', 0x2018 ], [ 'rsquo', 0x2019 ], [ 'sbquo', 0x201a ],
	[ 'ldquo', 0x201c ], [ 'rdquo', 0x201d ], [ 'bdquo', 0x201e ], [ 'dagger', 0x2020 ],
	[ 'Dagger', 0x2021 ], [ 'bull', 0x2022 ], [ 'hellip', 0x2026 ], [ 'permil', 0x2030 ],
	[ 'prime', 0x2032 ], [ 'Prime', 0x2033 ], [ 'lsaquo', 0x2039 ], [ 'rsaquo', 0x203a ],
	[ 'euro', 0x20ac ], [ 'trade', 0x2122 ], [ 'larr', 0x2190 ], [ 'uarr', 0x2191 ],
	[ 'rarr', 0x2192 ], [ 'darr', 0x2193 ], [ 'harr', 0x2194 ], [ 'minus', 0x2212 ],
	[ 'asymp', 0x2248 ], [ 'ne', 0x2260 ], [ 'le', 0x2264 ], [ 'ge', 0x2265 ],
];

/**
 * Named character references this module decodes (name without `&` and `;`, case-sensitive as
 * in HTML) and the character each stands for.
 */
export const NAMED_CHARACTER_REFERENCES: ReadonlyMap<string, string> = new Map( [
	...LATIN1.split( ' ' ).map( ( name, i ): [ string, number ] => [ name, 0xa0 + i ] ),
	...OTHERS,
].map( ( [ name, code ] ): [ string, string ] => [ name, String.fromCharCode( code ) ] ) );

/**
 * Decodes the character references in `text` in one pass (`&amp;lt;` becomes `&lt;`, not `<`).
 * Numeric references are decoded when MediaWiki would; named ones when they are in
 * {@link NAMED_CHARACTER_REFERENCES}. Anything else stays as typed: MediaWiki, too, shows
 * unknown names and invalid code points as text, and of the 2,000-odd names it knows (HTML5's)
 * the ones left out here hardly occur in glossary prose. Guessing would be wrong, while a name
 * left as text shows in the popup, where someone can notice it and add it here.
 */
export function decodeCharReferences( text: string ): string {
	return decodeReferences( text, NAMED_CHARACTER_REFERENCES );
}
