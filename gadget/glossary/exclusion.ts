/**
 * Which parts of the page content term marking leaves alone, and where a new section starts.
 *
 * One function decides for an element and its whole subtree, so marking, the benchmark's
 * baseline walk and the tests all apply exactly the same rules.
 *
 * @packageDocumentation
 */

/**
 * Elements whose text is never marked: links (a popup inside a link would fight the link),
 * headings, code and preformatted text, maths, form fields and other interactive elements
 * (`summary`: a mark there would be a button inside a button, and a tap on it would also toggle
 * the details), and embedded or scripted content. MathML and SVG elements keep their lower-case
 * tag names in HTML documents, hence `math` and `svg` besides the upper-case spellings.
 */
const EXCLUDED_TAGS = new RegExp( '^(?:A|H[1-6]|CODE|PRE|KBD|SAMP|TT|VAR|MATH|math|SCRIPT|STYLE|' +
	'NOSCRIPT|TEMPLATE|FORM|TEXTAREA|INPUT|SELECT|OPTION|BUTTON|LABEL|SUMMARY|SVG|svg|IFRAME|' +
	'OBJECT|CANVAS|VIDEO|AUDIO|DIALOG)$' );
/** A heading element (its tag name, upper-case in HTML documents). */
const HEADING_TAG = /^H[1-6]$/;

/**
 * Classes that exclude an element (matched as one class among several): the editors' opt-out
 * `noglossary`; references and their lists; MediaWiki's heading wrappers, edit links, maths and
 * syntax highlighting; Translate's language bar (`mw-pt-languages`: the current language is
 * plain text among the links); and every `ldwg-` widget of ours, except the section markers
 * (`ldwg-section`), which are empty and only tell where a section starts.
 */
const EXCLUDED_CLASS = /(?:^|\s)(?:noglossary|references?|mw-references-wrap|mw-cite-backlink|mw-heading\d?|mw-editsection|mwe-math-element|mw-highlight|mw-pt-languages|catlinks|toc|ldwg-(?!section(?:\s|$))[\w-]*)(?=\s|$)/;

/** Class of the element wrapped around a marked term. */
export const TERM_CLASS = 'ldwg-term';

/** Whether term marking skips `element` and everything inside it. */
export function isExcludedElement( element: Element ): boolean {
	// Editable regions belong to whoever edits them; changing their DOM would corrupt the edit.
	return EXCLUDED_TAGS.test( element.tagName ) ||
		EXCLUDED_CLASS.test( element.getAttribute( 'class' ) || '' ) ||
		element.hasAttribute( 'contenteditable' );
}

/**
 * Whether `element` or one of its ancestors up to (not including) `stop` is excluded; used for
 * the root handed to marking, whose ancestors the walk never sees.
 */
export function isInsideExcluded( element: Element, stop: Element | null ): boolean {
	for ( let el: Element | null = element; el && el !== stop; el = el.parentElement ) {
		if ( isExcludedElement( el ) ) {
			return true;
		}
	}
	return false;
}

/**
 * Whether a new section starts at `element`: a heading (or MediaWiki's heading wrapper) or one of
 * the drafts' section markers. Terms are marked once per section, so each section a reader jumps
 * to explains its own terms.
 */
export function isSectionStart( element: Element ): boolean {
	const list = element.classList;
	return HEADING_TAG.test( element.tagName ) || list.contains( 'mw-heading' ) ||
		list.contains( 'ldwg-section' );
}
