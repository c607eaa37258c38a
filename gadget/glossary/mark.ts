/**
 * Marking glossary terms in page content: wraps the first occurrence of each concept per
 * section (or every occurrence) in a focusable element, in chunks of a few milliseconds.
 *
 * Marking only splits text nodes and wraps pieces of them, so the page's text is exactly the same
 * before and after. It works in two phases: finding (time-sliced, no DOM change, so yielding
 * costs the browser no style or layout work), then wrapping (also sliced, and quick); a text
 * node that changed in between is left alone. It skips everything {@link isExcludedElement}
 * excludes, including terms it marked before, so running it again on the same content (when
 * `wikipage.content` fires again) changes nothing.
 *
 * @packageDocumentation
 */
import { isExcludedElement, isInsideExcluded, isSectionStart, TERM_CLASS } from './exclusion.ts';
import { textLanguage } from './text-language.ts';
import { isNoSpaceScript, joinsWord } from '../../shared/glossary/language.ts';
import { defaultYielder, runSliced, type SliceStats, type Yielder } from './slicing.ts';

/** One term found in a text, as the shared matcher reports it (UTF-16 offsets). */
export interface TermMatch {
	start: number;
	end: number;
	conceptId: string;
	term: string;
}

/** What marking needs from a matcher: the shared `createMatcher()` result fits. */
export interface TextMatcher {
	match( text: string ): TermMatch[];
}

/** How to mark. */
export interface MarkOptions {
	/** Matcher for text in `language`, or `null` when there is no glossary for it. */
	matcherFor( language: string ): TextMatcher | null;
	/** Language of text with no `lang` attribute above it (the page's content language). */
	defaultLanguage: string;
	/** Mark every occurrence instead of the first one per concept and section. */
	markAll?: boolean;
	/** Longest stretch of work between two yields, in milliseconds (default 5). */
	sliceMs?: number;
	/** How to give the main thread back between chunks (default {@link defaultYielder}). */
	yielder?: Yielder;
	/** Clock (default `performance.now()`). */
	now?: () => number;
}

/** What a marking run did, for the benchmark and for tests. */
export interface MarkResult extends SliceStats {
	/** Terms wrapped in this run. */
	marked: number;
	/** Text nodes looked at. */
	textNodes: number;
}

/** Attribute holding the concept id on a marked term. */
export const CONCEPT_ATTRIBUTE = 'data-ldwg-concept';
/** Attribute holding the language the term was matched in. */
export const LANGUAGE_ATTRIBUTE = 'data-ldwg-lang';

/**
 * Elements that text runs through without a break: the inline markup of wiki pages. Any other
 * element counts as a break, which at worst marks a term as before.
 */
const INLINE_TAGS = /^(?:A|ABBR|B|BDI|BIG|DEL|EM|FONT|I|INS|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|U)$/;

/** Budget of a wrapping slice, in multiples of `sliceMs`. */
const WRAP_BUDGET_FACTOR = 3;

/** How many text nodes to process between two looks at the clock. */
const CLOCK_EVERY = 8;

/**
 * Creates the model of the focusable element wrapped around a term in `language`: each term is a
 * shallow clone of it plus its concept id, which costs a fraction of setting six attributes.
 */
function createTermModel( doc: Document, language: string ): HTMLElement {
	const span = doc.createElement( 'span' );
	span.className = TERM_CLASS;
	span.tabIndex = 0;
	span.setAttribute( 'role', 'button' );
	span.setAttribute( 'aria-haspopup', 'dialog' );
	span.setAttribute( 'aria-expanded', 'false' );
	span.setAttribute( LANGUAGE_ATTRIBUTE, language );
	return span;
}

/**
 * Keeps the matches that can be wrapped: inside the text, in order and not overlapping (the
 * matcher promises that, but the glossary is untrusted data and a wrong offset must not throw).
 */
function usableMatches( matches: TermMatch[], length: number ): TermMatch[] {
	const usable: TermMatch[] = [];
	let lastEnd = 0;
	for ( const m of matches ) {
		if ( Number.isInteger( m.start ) && Number.isInteger( m.end ) &&
			m.start >= lastEnd && m.end > m.start && m.end <= length ) {
			usable.push( m );
			lastEnd = m.end;
		}
	}
	return usable;
}

/** Matches chosen in one text node, found in the first phase and wrapped in the second. */
interface Pending {
	text: Text;
	data: string;
	language: string;
	matches: TermMatch[];
}

/**
 * Marks the terms in `root`. Resolves when the whole content has been walked; the page stays
 * responsive meanwhile because the walk yields every `sliceMs` milliseconds.
 */
export async function markTerms( root: Element, options: MarkOptions ): Promise<MarkResult> {
	const result: MarkResult = { marked: 0, textNodes: 0, slices: 0, longestSliceMs: 0, workMs: 0 };
	if ( isInsideExcluded( root, null ) ) {
		return result;
	}
	const doc = root.ownerDocument;
	const now = options.now || ( () => performance.now() );
	const sliceMs = options.sliceMs ?? 5;
	const yielder = options.yielder || defaultYielder();
	const markAll = !!options.markAll;
	const matchers = new Map<string, TextMatcher | null>();
	const models = new Map<string, HTMLElement>();
	let seen = new Set<string>();

	const matcherFor = ( language: string ): TextMatcher | null => {
		let matcher = matchers.get( language );
		if ( matcher === undefined ) {
			matcher = options.matcherFor( language );
			matchers.set( language, matcher );
		}
		return matcher;
	};

	// The filter runs in document order as the walk advances, so it is also where sections
	// start and where terms marked by an earlier run count as already seen (idempotence).
	const walker = doc.createTreeWalker( root, 5 /* SHOW_ELEMENT (1) + SHOW_TEXT (4) */, {
		acceptNode( node: Node ): number {
			if ( node.nodeType === 3 ) {
				return 1; // FILTER_ACCEPT
			}
			const el = node as Element;
			if ( isSectionStart( el ) ) {
				seen = new Set<string>();
			}
			if ( el.classList.contains( TERM_CLASS ) ) {
				seen.add( el.getAttribute( CONCEPT_ATTRIBUTE ) || '' );
			}
			return isExcludedElement( el ) ? 2 /* FILTER_REJECT */ : 3;
		},
	} );

	const pending: Pending[] = [];

	/**
	 * Whether the word at the end (`after`) or start of `text` goes on in the text next to it,
	 * across inline markup: in `Mentor<b>ship</b>` the text node `Mentor` is part of a longer
	 * word. A term split by markup may stay unmarked, but part of a word is never marked as a
	 * term. Blocks (a paragraph, a list item, a table cell) end words, with or without white
	 * space between them: by tag name, since asking for computed styles here would make the
	 * browser compute the whole page's styles in the middle of a slice.
	 */
	const inline = ( node: Node ): boolean => node.nodeType !== 1 ||
		INLINE_TAGS.test( ( node as Element ).tagName );
	const goesOn = ( text: Text, after: boolean ): boolean => {
		let next: Node | null = null;
		for ( let n: Node | null = text; !next && n && n !== root && inline( n ); ) {
			next = after ? n.nextSibling : n.previousSibling;
			n = n.parentNode;
		}
		while ( next && next.firstChild && inline( next ) ) {
			next = after ? next.firstChild : next.lastChild;
		}
		const other = next && next.nodeType === 3 ? ( next as Text ).data : '';
		const [ before, rest ] = after ? [ text.data, other ] : [ other, text.data ];
		// Whole code points: joinsWord reads the one each argument starts with.
		return joinsWord( Array.from( before.slice( -2 ) ).pop() || '', rest );
	};

	/** Finds what to mark in one text node, without touching the DOM. */
	const scanText = ( text: Text ): void => {
		const data = text.data;
		const parent = text.parentElement;
		// One character holds no term in scripts with spaces, but does in Chinese or Japanese
		// (a term in its own <b>): only those single characters go to the matcher.
		if ( !parent || !/\S/.test( data ) || data.length < 2 && !isNoSpaceScript( data ) ) {
			return;
		}
		const language = textLanguage( parent, options.defaultLanguage );
		const matcher = matcherFor( language );
		if ( !matcher ) {
			return;
		}
		const chosen: TermMatch[] = [];
		for ( const m of usableMatches( matcher.match( data ), data.length ) ) {
			if ( m.start === 0 && goesOn( text, false ) ||
				m.end === data.length && goesOn( text, true ) ) {
				continue;
			}
			if ( markAll || !seen.has( m.conceptId ) ) {
				seen.add( m.conceptId );
				chosen.push( m );
			}
		}
		if ( chosen.length ) {
			pending.push( { text, data, language, matches: chosen } );
		}
	};

	/**
	 * Wraps the chosen matches of one text node (unless the node changed meanwhile). The node
	 * keeps the text before the first match; the terms and the text between them follow it,
	 * inserted with one call: each DOM call costs more than the work around it, and splitting
	 * and moving nodes took five of them per term.
	 */
	const wrapText = ( item: Pending ): void => {
		const text = item.text;
		if ( !text.isConnected || text.data !== item.data || !text.parentNode ) {
			return;
		}
		let model = models.get( item.language );
		if ( !model ) {
			model = createTermModel( doc, item.language );
			models.set( item.language, model );
		}
		const data = item.data;
		const parts: ( Node | string )[] = [];
		const head = ( item.matches[ 0 ] as TermMatch ).start;
		let at = head;
		for ( const m of item.matches ) {
			if ( m.start > at ) {
				parts.push( data.slice( at, m.start ) );
			}
			const wrapper = model.cloneNode( false ) as HTMLElement;
			wrapper.setAttribute( CONCEPT_ATTRIBUTE, m.conceptId );
			wrapper.textContent = data.slice( m.start, m.end );
			parts.push( wrapper );
			at = m.end;
		}
		if ( at < data.length ) {
			parts.push( data.slice( at ) );
		}
		text.data = data.slice( 0, head );
		text.after( ...parts );
		result.marked += item.matches.length;
	};

	const sliced = ( step: () => boolean, budget: number ): Promise<void> => runSliced(
		step, budget, yielder, now, result, CLOCK_EVERY );

	// Two phases: first find every match without changing the DOM (so the browser has no
	// style or layout work to redo at each yield), then wrap them all, which is quick.
	await sliced( () => {
		const node = walker.nextNode();
		if ( !node ) {
			return true;
		}
		result.textNodes++;
		scanText( node as Text );
		return false;
	}, sliceMs );
	let next = 0;
	await sliced( () => {
		const item = pending[ next++ ];
		if ( !item ) {
			return true;
		}
		wrapText( item );
		return false;
		// Wrapping is quick, and every yield after DOM changes makes the browser redo style and
		// layout of the whole page: a larger budget usually finishes it in one go.
	}, sliceMs * WRAP_BUDGET_FACTOR );
	return result;
}

/**
 * Removes every term mark inside `root`, leaving the text as it was (used when a reader switches
 * highlighting off).
 */
export function unmarkTerms( root: Element ): void {
	const marks = root.querySelectorAll( `.${ TERM_CLASS }` );
	for ( let i = 0; i < marks.length; i++ ) {
		const mark = marks[ i ] as Element;
		const parent = mark.parentNode;
		if ( parent ) {
			while ( mark.firstChild ) {
				parent.insertBefore( mark.firstChild, mark );
			}
			parent.removeChild( mark );
			parent.normalize();
		}
	}
}
