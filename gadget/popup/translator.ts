/**
 * Help for translators: which glossary concepts a source text uses, the approved equivalents in
 * the target language, and a hint when a translation uses none of them. Shown as a panel on
 * `/xx` translation pages and beside each message editor of Special:Translate. Hints only: it
 * never blocks saving.
 *
 * @packageDocumentation
 */
import { decodeReferences } from '../../shared/glossary/char-references.ts';
import type { CompiledGlossary, ConceptStatus } from '../../shared/contracts/glossary.ts';
import { createMatcher } from '../../shared/glossary/matcher.ts';
import { approvedTerms, findConcept, localised } from './glossary-data.ts';
import { setLanguage } from './direction.ts';
import type { Msg } from './render.ts';

/** One concept of a source text, and how the translation treats it. */
export interface ConceptUse {
	conceptId: string;
	/** The term as written in the source language glossary. */
	sourceTerm: string;
	/** Approved term and aliases in the target language (empty: none approved yet). */
	approved: string[];
	/**
	 * Whether the translation uses one of `approved`; `null` when nothing is approved;
	 * `'untranslated'` when it does not, but every occurrence of the concept in the source is in
	 * text the page still shows in the source language (units not translated yet, see
	 * {@link analyseTranslationPage}): nothing a translator could change in the translation.
	 */
	used: boolean | null | 'untranslated';
	/**
	 * The concept's status in the glossary: the term of a `proposed` or `contested` concept is
	 * labelled as such next to it, so that a translator does not take it for the working
	 * group's settled word. The hint stays (a hint, never a block): the translator decides.
	 */
	status: ConceptStatus;
}

/** Replaces what was matched by a space. */
const space = (): string => ' ';

/**
 * `text.replace( pattern, by )` for a pattern each of whose matches ends with a match of `close`
 * (global): applied only up to the end of the last `close`, which gives the same result. Why:
 * an opening with no closing after it (`<!--`, `<pre>`) made the pattern scan to the end of the
 * page for each of them, quadratic on a page of many (anyone can edit the draft).
 */
function replaceClosed(
	text: string, pattern: RegExp, close: RegExp, by: ( whole: string, inner: string ) => string,
): string {
	let end = 0;
	close.lastIndex = 0;
	for ( let m = close.exec( text ); m; m = close.exec( text ) ) {
		end = close.lastIndex;
	}
	return text.slice( 0, end ).replace( pattern, by ) + text.slice( end );
}

/**
 * Removes Translate's markup from a translatable page's wikitext: unit markers (`<!--T:n-->`),
 * `<translate>` tags, `<languages/>`, other comments and `<tvar>` contents (variables, not prose:
 * translators copy them unchanged, so the translation cannot hold an equivalent of them), in
 * the current syntax and the older `<tvar|name>…</>`. The rest is still wikitext: see
 * {@link readerText}.
 */
export function stripTranslateMarkup( wikitext: string ): string {
	// The older syntax first: `<tvar\b` would take `<tvar|x>` too, and run on to a later
	// `</tvar>`.
	const text = replaceClosed( replaceClosed(
		replaceClosed( wikitext, /<tvar\|[^<>]*>[\s\S]*?<\/>/gi, /<\/>/g, space ),
		/<tvar\b[^<>]*>[\s\S]*?<\/tvar>/gi, /<\/tvar>/gi, space ),
	/<!--[\s\S]*?-->/g, /-->/g, space );
	return text
		.replace( /<\/?translate\b[^<>]*>/gi, ' ' )
		.replace( /<languages\s*\/?>/gi, ' ' );
}

/**
 * Elements that break a line of text: CSS's initial `display` is inline, so anything the
 * browser's own style sheet does not make a block (or a line break) runs on with the words
 * around it. `ref` and `references` are wikitext: a footnote's text is shown apart from the
 * sentence it is attached to.
 */
const BLOCK_ELEMENTS = new Set( ( 'address article aside blockquote br caption center dd ' +
	'details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr ' +
	'img li main nav ol p pre ref references section summary table tbody td tfoot th thead tr ul' )
	.split( ' ' ) );

/**
 * A break between blocks: the matcher lets one white-space character stand for the space in a
 * term, never two, so no term is matched across it.
 */
const BLOCK_BREAK = '\n\n';

/**
 * Collapses white space as HTML shows it: a run within a line is one space, a run with a block
 * break in it stays a break, so no term matches across two paragraphs. Only HTML's collapsible
 * white space: a no-break space is part of the text (French «&nbsp;chef&nbsp;»).
 */
function collapseSpace( text: string ): string {
	return text.replace( /[ \t\n\r\f]+/g, ( run ) => run.includes( BLOCK_BREAK ) ? BLOCK_BREAK :
		run.includes( '\n' ) ? '\n' : ' ' ).trim();
}

/**
 * The named character references the translator help decodes: the few that occur between or
 * inside terms in prose (`task&nbsp;force`, `R&amp;D`). The compiler's full list
 * (shared/glossary/entities.ts) would add about 800 bytes (gzip) to this module, which every
 * reader who opens a popup loads; a name left as typed only means a term next to it is missed.
 */
const PROSE_REFERENCES: ReadonlyMap<string, string> = new Map( [ [ 'nbsp', '\u00a0' ],
	[ 'amp', '&' ], [ 'quot', '"' ], [ 'apos', "'" ], [ 'lt', '<' ], [ 'gt', '>' ] ] );

/**
 * Wikitext elements whose content is not prose a reader reads in the page's language (code,
 * formulas, scores, data, what only transclusions show), dropped with their content.
 */
const NO_PROSE = ( 'syntaxhighlight source pre code math chem ce score graph timeline hiero ' +
	'templatedata templatestyles mapframe maplink gallery includeonly categorytree inputbox ' +
	'imagemap' ).split( ' ' );

/** Removes the elements of {@link NO_PROSE} with their content, one name at a time. */
function dropNoProse( text: string ): string {
	for ( const name of NO_PROSE ) {
		text = replaceClosed( text.replace( new RegExp( `<${ name }\\b[^<>]*?/>`, 'gi' ), ' ' ),
			new RegExp( `<${ name }\\b[^<>]*>[\\s\\S]*?</${ name }\\s*>`, 'gi' ),
			new RegExp( `</${ name }\\s*>`, 'gi' ), space );
	}
	return text;
}

/** Levels of nested templates or links {@link replaceInnermost} removes. */
const MAX_NESTING = 40;

/** Links that show no text where they are written. */
const HIDDEN_LINK = /^\s*(?:file|image|category)\s*:/i;

/**
 * Replaces `pattern` (which matches innermost constructs only, its first group their inside)
 * until none is left, so that nested ones go from the inside out.
 */
function replaceInnermost(
	text: string,
	pattern: RegExp,
	by: ( inner: string ) => string,
): string {
	// Each pass removes one level of nesting. Real pages nest a few levels; a bounded number of
	// passes keeps a page of thousands of nested braces (vandalism) from freezing the tab: what
	// is left beyond it stays as text, at worst a concept listed that the page does not show.
	for ( let pass = 0; pass < MAX_NESTING; pass++ ) {
		const next = text.replace( pattern, ( _whole, inner: string ) => by( inner ) );
		if ( next === text ) {
			break;
		}
		text = next;
	}
	return text;
}

/** The start of an external link: `[`, a scheme (or `//`) and the address, which ends at `[`. */
const EXTERNAL_LINK = /\[(?:(?:https?|ftp|mailto|irc|news):|\/\/)[^\s[\]]*\s*/gi;

/**
 * Replaces each external link (`[https://… label]`) by its label. A start without a closing `]`
 * is left as text. Linear: the next `]` is looked up once for all the starts before it; one
 * regular expression (`\[…[^\s\]]*\s*([^\]]*)\]`) backtracked cubically on many unclosed
 * links, which anyone can write into the draft.
 */
function externalLinkLabels( text: string ): string {
	let out = '';
	let done = 0;
	let close = -2;
	EXTERNAL_LINK.lastIndex = 0;
	for ( let m = EXTERNAL_LINK.exec( text ); m; m = EXTERNAL_LINK.exec( text ) ) {
		const labelStart = m.index + m[ 0 ].length;
		if ( close !== -1 && close < labelStart ) {
			close = text.indexOf( ']', labelStart );
		}
		if ( close === -1 ) {
			break;
		}
		out += text.slice( done, m.index ) + text.slice( labelStart, close );
		done = close + 1;
		EXTERNAL_LINK.lastIndex = done;
	}
	return out + text.slice( done );
}

/** A line of wikitext without its line syntax (heading, list, table), and whether it is a block. */
function lineText( line: string ): { text: string; block: boolean } {
	if ( /^\s*(?:\{\||\|\}|\|-|----)/.test( line ) ) {
		// A table's start, end or row (with their attributes), a rule: no text.
		return { text: '', block: true };
	}
	const cells = /^\s*(?:\|\+?|!)(.*)$/.exec( line );
	if ( cells ) {
		// Cells (`|| `, `!! `) or a caption; in each, what comes before a single `|` is attributes.
		// Links and templates, whose pipes are not the table's, are gone already.
		return {
			text: ( cells[ 1 ] as string ).split( /\|\||!!/ )
				.map( ( cell ) => cell.replace( /^[^|]*\|/, '' ) ).join( BLOCK_BREAK ),
			block: true,
		};
	}
	// A heading: `=` at both ends; its text is what lies between the two runs of `=`. Read
	// without a regular expression: `^=+(.*?)=+$` backtracks cubically on a long run of `=`.
	const trimmed = line.trim();
	if ( trimmed.length > 1 && trimmed[ 0 ] === '=' && trimmed[ trimmed.length - 1 ] === '=' ) {
		let start = 0;
		let end = trimmed.length;
		while ( trimmed[ start ] === '=' ) {
			start++;
		}
		while ( end > start && trimmed[ end - 1 ] === '=' ) {
			end--;
		}
		return { text: trimmed.slice( start, end ), block: true };
	}
	const item = /^[*#:;]+(.*)$/.exec( line );
	if ( item ) {
		return { text: item[ 1 ] as string, block: true };
	}
	return { text: line, block: false };
}

/**
 * The text a reader sees of a piece of wikitext (a translatable page, a message of the Translate
 * editor, a translation being typed), for matching glossary terms in it.
 *
 * Why wikitext and not the page's rendered HTML (one more request to the parse API, which the
 * browser cannot reuse from the raw text already fetched): the rendered page shows `<tvar>`
 * variables, the language bar, section edit links and what templates print, none of which
 * translators translate; the wikitext says which is which. The cost is that this reads wikitext
 * conservatively, dropping what it cannot be sure readers see. A concept only found there is
 * left out of the list (a missing row), while one found in markup would be listed, with a
 * "uses none" hint the translator cannot act on:
 * - templates, parser functions and parameters go with all their arguments
 *   (`{{LDWG section|id=leader}}`): what they print is not in the page's translation units;
 * - links show their label (`[[Leadership pathways|paths]]` is "paths") or their target when
 *   they have none, with the link trail; file and category links go whole, file captions too
 *   (image options and alt text cannot be told from a caption without the wiki's option list);
 * - external links show their label, bare URLs go;
 * - footnotes (`<ref>…</ref>`) stay, as a block of their own: readers read them under the text
 *   and translators translate them in the unit; tags go with their attributes (`name="leader"`);
 * - code, formulas, `<gallery>` and the like go with their content; a nowiki tag keeps its text;
 * - comments and Translate's markup go ({@link stripTranslateMarkup});
 * - headings, list items, table cells, block elements, `<br>` and blank lines break the text,
 *   so that no term is matched across them; a single line break is a space, as on the page.
 */
export function readerText( wikitext: string ): string {
	// Markup characters inside a nowiki tag are shown as typed, but they are in no term's
	// words. (`\x3C`: the tag must not be in the code, which goes on the wiki inside one.)
	let text = replaceClosed( stripTranslateMarkup( wikitext ),
		/\x3Cnowiki\s*>([\s\S]*?)\x3C\/nowiki\s*>/gi, /\x3C\/nowiki\s*>/gi,
		( _whole, inner ) => inner.replace( /[[\]{}|'=<>*#:;!~_]/g, ' ' ) );
	text = dropNoProse( text );
	// Parameters (`{{{1|}}}`) first: their third brace would hide the template around them.
	text = replaceInnermost( text, /(\{\{\{[^{}]*\}\}\}|\{\{[^{}]*\}\})/g, () => ' ' );
	text = replaceInnermost( text, /\[\[([^[\]]*)\]\]/g, ( inner ) => {
		if ( HIDDEN_LINK.test( inner ) ) {
			return ' ';
		}
		// `[[:Category:Teams]]` shows "Category:Teams"; an empty label (`[[a|]]`) the target.
		const [ target, ...label ] = inner.split( '|' );
		const shown = label.join( '|' );
		return shown.trim() ? shown : ( target as string ).replace( /^\s*:/, '' );
	} );
	text = externalLinkLabels( text )
		.replace( /\b(?:https?|ftp):\/\/[^\s<>[\]{}|]*/gi, ' ' );
	text = text.split( '\n' ).map( lineText )
		.map( ( line ) => line.block ? BLOCK_BREAK + line.text + BLOCK_BREAK : line.text )
		.join( '\n' )
		// A tag ends before the next `<` (MediaWiki's Sanitizer splits text there too): with
		// `[^>]*`, each of many unclosed `<a` scanned to the end of the page (quadratic).
		.replace( /<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi,
			( _tag, name: string ) => BLOCK_ELEMENTS.has( name.toLowerCase() ) ? BLOCK_BREAK : '' )
		.replace( /'{2,}|__[A-Z]+__|~{3,5}/g, '' );
	// Decoded last, like the glossary's own texts (shared/glossary/source.ts): `&lt;b&gt;` is text.
	return collapseSpace( decodeReferences( text, PROSE_REFERENCES ) );
}

/**
 * Concepts of `sourceText` (in order of first use) and whether `translation` uses them.
 *
 * @param glossary The compiled glossary.
 * @param sourceText The source as readers see it ({@link readerText}).
 * @param translation The translated text.
 * @param targetLanguage The translation's language.
 * @param untranslated Text the translation page still shows in the source language (empty in
 *   Translate's editor, where the translation being typed is all there is): a concept that the
 *   translation does not use, and whose every occurrence in the source is there, is
 *   `'untranslated'` rather than a hint.
 */
export function analyseTranslation(
	glossary: CompiledGlossary,
	sourceText: string,
	translation: string,
	targetLanguage: string,
	untranslated = '',
): ConceptUse[] {
	const source = glossary.sourceLanguage;
	const sourceMatcher = createMatcher( glossary, source );
	const count = ( text: string ): Map<string, number> => {
		const counts = new Map<string, number>();
		for ( const m of text ? sourceMatcher.match( text ) : [] ) {
			counts.set( m.conceptId, ( counts.get( m.conceptId ) || 0 ) + 1 );
		}
		return counts;
	};
	// A Map keeps the order of first use.
	const inSource = count( sourceText );
	const uses: ConceptUse[] = [];
	const pairs: [ string, string ][] = [];
	for ( const id of inSource.keys() ) {
		const concept = findConcept( glossary, id );
		if ( concept ) {
			const approved = approvedTerms( concept, targetLanguage );
			const term = localised( concept, source, 'term', source );
			uses.push( {
				conceptId: id,
				sourceTerm: term ? term.text : id,
				approved,
				used: approved.length ? false : null,
				status: concept.status,
			} );
			approved.forEach( ( t ) => pairs.push( [ t, id ] ) );
		}
	}
	// Only the approved terms of the target language count, never a fallback language's.
	const matches = createMatcher( pairs, targetLanguage ).match( translation );
	const used = new Set( matches.map( ( m ) => m.conceptId ) );
	// Counted, not just found: with as many occurrences left untranslated as the source has,
	// none of them can be in a translated unit. One fewer means a translated unit had it, and
	// its translation uses no approved term: that hint stays.
	const left = count( untranslated );
	for ( const use of uses ) {
		if ( use.used !== null ) {
			use.used = used.has( use.conceptId ) ||
				( ( left.get( use.conceptId ) || 0 ) >= ( inSource.get( use.conceptId ) || 0 ) ?
					'untranslated' : false );
		}
	}
	return uses;
}

/**
 * {@link analyseTranslation} for a translation page (`/xx`) as rendered: the translation is the
 * text whose nearest `lang` is `targetLanguage`, and the text whose nearest `lang` is the
 * glossary's source language is what Translate still shows untranslated (it wraps each unit not
 * translated yet with the source language's `lang`). Text with no `lang` around it at all counts
 * as the page's language, never as untranslated.
 *
 * @param glossary The compiled glossary.
 * @param sourceText The source page as readers see it ({@link readerText} of its wikitext).
 * @param content The translation page's content.
 * @param targetLanguage The translation's language.
 */
export function analyseTranslationPage(
	glossary: CompiledGlossary,
	sourceText: string,
	content: Element,
	targetLanguage: string,
): ConceptUse[] {
	const source = glossary.sourceLanguage;
	// A page in the source language itself has no untranslated text to tell apart.
	return analyseTranslation( glossary, sourceText, textInLanguage( content, targetLanguage ),
		targetLanguage, source === targetLanguage ? '' : textInLanguage( content, source, targetLanguage ) );
}

/** Renders the list of concepts with their equivalents and hints (a table). */
export function renderUses(
	doc: Document,
	uses: ConceptUse[],
	sourceLanguage: string,
	targetLanguage: string,
	msg: Msg,
): HTMLTableElement {
	const table = doc.createElement( 'table' );
	table.className = 'ldwg-glossary-uses';
	const head = table.createTHead().insertRow();
	for ( const key of [ 'ldwg-glossary-translator-source', 'ldwg-glossary-translator-approved', 'ldwg-glossary-translator-check' ] ) {
		const th = doc.createElement( 'th' );
		th.scope = 'col';
		th.textContent = msg( key );
		head.appendChild( th );
	}
	const body = table.createTBody();
	for ( const use of uses ) {
		const row = body.insertRow();
		row.setAttribute( 'data-ldwg-concept', use.conceptId );
		const sourceCell = row.insertCell();
		sourceCell.appendChild( setLanguage( doc.createElement( 'span' ), sourceLanguage ) ).textContent = use.sourceTerm;
		const approvedCell = row.insertCell();
		if ( use.approved.length ) {
			approvedCell.appendChild( setLanguage( doc.createElement( 'span' ), targetLanguage ) ).textContent =
				use.approved.join( `${ msg( 'ldwg-glossary-translator-alias-separator' ) } ` );
			if ( use.status !== 'agreed' ) {
				// Not yet the group's settled term: said in words, next to the term.
				const label = doc.createElement( 'span' );
				approvedCell.append( ' ', label );
				label.className = `ldwg-glossary-uses-status ldwg-glossary-uses-status-${ use.status }`;
				label.textContent = msg( `ldwg-glossary-translator-status-${ use.status }` );
			}
		} else {
			approvedCell.textContent = msg( 'ldwg-glossary-translator-none-approved' );
		}
		const check = row.insertCell();
		if ( use.used === false ) {
			check.className = 'ldwg-glossary-hint';
			check.textContent = msg( 'ldwg-glossary-translator-not-used' );
		} else if ( use.used === 'untranslated' ) {
			check.textContent = msg( 'ldwg-glossary-translator-untranslated' );
		} else if ( use.used ) {
			check.textContent = msg( 'ldwg-glossary-translator-used' );
		}
	}
	return table;
}

/**
 * Elements inside the content that are not the page's text: the gadget's own widgets (the
 * "Give feedback" buttons are in the interface language, often the source language, and would
 * count as untranslated text), except the term marks, which wrap page text; edit links; and
 * Translate's language bar.
 */
const NOT_PAGE_TEXT = /(?:^|\s)(?:ldwg-(?!term(?:\s|$))[\w-]*|mw-editsection|mw-pt-languages)(?:\s|$)/;

/** Elements whose text nobody reads: TemplateStyles puts `<style>` into page content. */
const UNREAD = new Set( [ 'script', 'style', 'template', 'noscript' ] );

/**
 * Text of `root` written in `language` (Translate's untranslated units carry another `lang`),
 * as it reads: inline elements run on with the words around them (`<b>task</b> force` is "task
 * force", `<a>task</a>s` is "tasks"), while block elements, `<br>` and text in another language
 * break it, so no term is found across them. White space collapses as in HTML.
 *
 * @param root The element to read.
 * @param language The language to take the text of.
 * @param unmarked The language of text with no `lang` around it at all (the page's own).
 */
export function textInLanguage( root: Element, language: string, unmarked = language ): string {
	const parts: string[] = [];
	const walk = ( parent: Node ): void => {
		for ( let node = parent.firstChild; node; node = node.nextSibling ) {
			if ( node.nodeType === 3 /* TEXT_NODE */ ) {
				const owner = node.parentElement && node.parentElement.closest( '[lang]' );
				const lang = owner ? ( owner.getAttribute( 'lang' ) || '' ).toLowerCase() : unmarked;
				// Line breaks in a text node are mere spaces: only BLOCK_BREAK may hold any.
				parts.push( lang === language ? ( node as Text ).data.replace( /[ \t\n\r\f]+/g, ' ' ) :
					BLOCK_BREAK );
			} else if ( node.nodeType === 1 /* ELEMENT_NODE */ ) {
				const name = ( node as Element ).localName;
				if ( UNREAD.has( name ) || NOT_PAGE_TEXT.test( ( node as Element ).getAttribute( 'class' ) || '' ) ) {
					continue;
				}
				const block = BLOCK_ELEMENTS.has( name ) ? BLOCK_BREAK : '';
				parts.push( block );
				walk( node );
				parts.push( block );
			}
		}
	};
	walk( root );
	return collapseSpace( parts.join( '' ) );
}

/** Number of concepts the translation uses none of the approved terms of. */
export function hintCount( uses: ConceptUse[] ): number {
	return uses.filter( ( u ) => u.used === false ).length;
}

/**
 * The status line of the editor helper: the message has no glossary term, how many concepts the
 * translation uses no approved term of, or that it uses them all; empty when none of its
 * concepts has an approved term in the language (nothing typed can change that).
 */
function editorStatus( uses: ConceptUse[], msg: Msg ): string {
	const hints = hintCount( uses );
	return !uses.length ? msg( 'ldwg-glossary-editor-none' ) :
		// A sentence of its own: the panel's hint is a bracketed addition to its title.
		hints ? msg( 'ldwg-glossary-editor-hints', hints ) :
			uses.some( ( u ) => u.used === true ) ? msg( 'ldwg-glossary-editor-all-used' ) : '';
}

/**
 * Fills the helper beside a message editor of Special:Translate (`box`) with the check of the
 * translation being typed: a title, a status line and the table of concepts.
 *
 * The status is one `aria-live` element for the life of the box, and its text is only set when
 * it changes. Screen readers announce changes to a live region they already know: a new region
 * that arrives with its text in it is not announced at all, and setting the same text again on
 * each check (every pause in typing) would repeat it.
 *
 * @param doc The page's document.
 * @param box The helper's element, empty at first; later calls update what the first one made.
 * @param uses The check of the translation ({@link analyseTranslation}).
 * @param sourceLanguage The glossary's source language.
 * @param targetLanguage The translation's language.
 * @param msg Message texts.
 */
export function updateEditorHelper(
	doc: Document,
	box: HTMLElement,
	uses: ConceptUse[],
	sourceLanguage: string,
	targetLanguage: string,
	msg: Msg,
): void {
	let status = box.querySelector<HTMLElement>( '.ldwg-glossary-editor-status' );
	if ( !status ) {
		const title = doc.createElement( 'div' );
		title.className = 'ldwg-popup-label';
		title.textContent = msg( 'ldwg-glossary-editor-title' );
		status = doc.createElement( 'div' );
		status.setAttribute( 'aria-live', 'polite' );
		status.className = 'ldwg-glossary-editor-status';
		box.replaceChildren( title, status );
	}
	const text = editorStatus( uses, msg );
	if ( status.textContent !== text ) {
		status.textContent = text;
	}
	const old = box.querySelector( '.ldwg-glossary-uses' );
	if ( old ) {
		old.remove();
	}
	if ( uses.length ) {
		box.appendChild( renderUses( doc, uses, sourceLanguage, targetLanguage, msg ) );
	}
}
