/**
 * Finds template calls in wikitext the way MediaWiki's preprocessor does (`Preprocessor_Hash`):
 * the same brace matching (`{{ }}`, `{{{ }}}`, `[[ ]]`, `-{ }-`), parameters split on `|` and
 * the first `=` only at the call's own level, comments and extension tags (nowiki, pre,
 * syntaxhighlight, …) skipped as opaque, `<includeonly>` content ignored, and unclosed brackets
 * turned back into text with their inner calls kept. So a call counts here exactly when the wiki
 * would render it.
 *
 * Only what the entry parser needs is kept: top-level calls with their parameters as offsets
 * into the text, calls that never closed, and the spans of quoting HTML tags.
 *
 * @packageDocumentation
 */

/** One parameter of a call, as offsets into the text. */
export interface RawPart {
	/** Offset of the part's first character (after the `|`). */
	start: number;
	/** Offset just past its last character. */
	end: number;
	/** Offset of the `=` separating name and value, or -1 for a positional parameter. */
	eq: number;
}

/** A complete template call. */
export interface TemplateCall {
	/** Offset of the first `{`. */
	start: number;
	/** Offset just past the closing `}}`. */
	end: number;
	/** The name part (between `{{` and the first `|`). */
	title: { start: number; end: number };
	/** The parameters, in order. */
	parts: RawPart[];
	/** Calls nested inside this one (in its name or parameters). */
	nested: TemplateCall[];
}

/** A `{{` that never closed (MediaWiki shows it as text). */
export interface UnclosedCall {
	/** Offset of the first `{`. */
	start: number;
	/** The name part: from after the braces to the first `|` (or the end of the text). */
	title: { start: number; end: number };
}

/** A region inside a quoting HTML element (`<blockquote>`, `<code>`, `<q>`, …). */
export interface QuoteSpan {
	start: number;
	end: number;
}

/** What {@link scanTemplates} found. */
export interface ScanResult {
	/** Calls at the top level of the page, in text order. */
	calls: TemplateCall[];
	/** Brace pairs that never closed. */
	unclosed: UnclosedCall[];
	/** Spans of quoting elements (see {@link QUOTE_TAGS}). */
	quotes: QuoteSpan[];
}

/**
 * Extension tags whose content MediaWiki's preprocessor does not look into (core's, and those of
 * extensions installed on Meta). Content of these is never an entry.
 */
export const OPAQUE_TAGS: readonly string[] = [
	'nowiki', 'pre', 'gallery', 'indicator', 'langconvert', 'ref', 'references', 'syntaxhighlight',
	'source', 'math', 'chem', 'ce', 'score', 'templatedata', 'templatestyles', 'poem', 'graph',
	'timeline', 'hiero', 'inputbox', 'categorytree', 'charinsert', 'imagemap', 'mapframe',
	'maplink', 'section', 'translate', 'tvar', 'languages', 'dynamicpagelist', 'rss', 'quiz',
	'spamblacklist',
];

/**
 * HTML elements that quote rather than say: a call inside them is rendered by the wiki, but it is
 * someone quoting an entry, not giving one.
 */
export const QUOTE_TAGS: readonly string[] = [ 'blockquote', 'q', 'code', 'tt', 'kbd', 'samp' ];

type Open = '{' | '[' | '-{';

interface Rule {
	close: string;
	/** Element created for a matching count: a template, a parameter, or none (brackets). */
	names: Record<number, 'template' | 'tplarg' | null>;
	max: number;
}

const RULES: Record<Open, Rule> = {
	'{': { close: '}', names: { 2: 'template', 3: 'tplarg' }, max: 3 },
	'[': { close: ']', names: { 2: null }, max: 2 },
	'-{': { close: '}-', names: { 2: null }, max: 2 },
};

interface Piece {
	open: Open;
	count: number;
	/** Offset of the first opening character. */
	start: number;
	parts: { start: number; eq: number }[];
	nested: TemplateCall[];
}

function span( text: string, ch: string, from: number, max = Infinity ): number {
	let n = 0;
	while ( n < max && text[ from + n ] === ch ) {
		n++;
	}
	return n;
}

/** Options of {@link scanTemplates}. */
export interface ScanOptions {
	/** Extension tags treated as opaque (default {@link OPAQUE_TAGS}). */
	opaqueTags?: readonly string[];
}

/** Scans wikitext for template calls. Total: never throws, linear in the text's length. */
export function scanTemplates( text: string, options: ScanOptions = {} ): ScanResult {
	const opaque = new Set( ( options.opaqueTags ?? OPAQUE_TAGS ).map( ( t ) => t.toLowerCase() ) );
	const quoteNames = new Set( QUOTE_TAGS );
	const n = text.length;
	const root: TemplateCall[] = [];
	const stack: Piece[] = [];
	const unclosed: UnclosedCall[] = [];
	const quoteEvents: { pos: number; name: string; open: boolean }[] = [];
	// Like MediaWiki, stop looking for `>` or for a closing tag once one was missing (O(n²) guard).
	let noMoreGt = false;
	const noMoreClosingTag = new Set<string>();
	const container = (): TemplateCall[] => {
		const top = stack[ stack.length - 1 ];
		return top ? top.nested : root;
	};
	// Runs of characters that can start or end nothing are skipped in one step.
	const plain = /[^{}[\]|=<-]+/y;
	let i = 0;
	while ( i < n ) {
		plain.lastIndex = i;
		if ( plain.test( text ) ) {
			i = plain.lastIndex;
			if ( i >= n ) {
				break;
			}
		}
		const top = stack[ stack.length - 1 ];
		const c = text[ i ];
		const findPipe = top !== undefined && top.open !== '[';
		const part = top?.parts[ top.parts.length - 1 ];
		const findEquals = findPipe && top !== undefined && top.parts.length > 1 &&
			part !== undefined && part.eq < 0;
		if ( c === '|' && findPipe && top ) {
			top.parts.push( { start: i + 1, eq: -1 } );
			i++;
		} else if ( c === '=' && findEquals && part ) {
			part.eq = i;
			i++;
		} else if ( c === '<' ) {
			i = angle( i );
		} else if ( top && text.startsWith( RULES[ top.open ].close, i ) ) {
			i = close( top, i );
		} else if ( c === '-' && text[ i + 1 ] === '{' ) {
			// `-{` opens language-converter markup; `-{{` is a template after a dash.
			const count = span( text, '{', i + 1 ) + 1;
			if ( count > 2 ) {
				i = open( '{', i + 1, count - 1 );
			} else {
				i = open( '-{', i, 2 );
			}
		} else if ( c === '{' || c === '[' ) {
			const count = span( text, c, i );
			i = count >= 2 ? open( c, i, count ) : i + count;
		} else {
			i++;
		}
	}

	function open( kind: Open, at: number, count: number ): number {
		stack.push( {
			open: kind,
			count,
			start: at,
			parts: [ { start: at + count, eq: -1 } ],
			nested: [],
		} );
		return at + count;
	}

	function close( piece: Piece, at: number ): number {
		const rule = RULES[ piece.open ];
		const count = piece.open === '-{' ? 2 : span( text, rule.close, at, piece.count );
		let matching = Math.min( count, rule.max );
		while ( matching > 0 && !Object.prototype.hasOwnProperty.call( rule.names, matching ) ) {
			matching--;
		}
		if ( matching <= 0 ) {
			// Not enough closing characters for any element: they are plain text.
			return at + count;
		}
		const kind = rule.names[ matching ];
		stack.pop();
		const inner = piece.nested;
		let call: TemplateCall | null = null;
		if ( kind === 'template' ) {
			const parts = piece.parts.map( ( p, k ) => ( {
				start: p.start,
				end: k + 1 < piece.parts.length ? ( piece.parts[ k + 1 ]?.start ?? at ) - 1 : at,
				eq: p.eq,
			} ) );
			const title = parts.shift() ?? { start: at, end: at };
			call = {
				// The innermost braces of a longer run are the ones this element uses.
				start: piece.start + piece.count - matching,
				end: at + matching,
				title: { start: title.start, end: title.end },
				parts,
				nested: inner,
			};
		}
		if ( matching < piece.count && piece.open !== '-{' ) {
			// Leftover opening braces stay open, now around the element just made.
			piece.count -= matching;
			piece.parts = [ { start: piece.start + piece.count, eq: -1 } ];
			piece.nested = [];
			if ( piece.count >= 2 ) {
				stack.push( piece );
			}
		}
		if ( call ) {
			container().push( call );
		} else if ( kind === null ) {
			// Brackets make no element: calls inside them belong to the enclosing level.
			container().push( ...inner );
		}
		// Calls inside a `{{{parameter|default}}}` are dropped: they are not the page's own.
		return at + matching;
	}

	function angle( at: number ): number {
		if ( text.startsWith( '<!--', at ) ) {
			const endComment = text.indexOf( '-->', at + 4 );
			return endComment === -1 ? n : endComment + 3;
		}
		const m = /^<(\/?)([A-Za-z][A-Za-z0-9]*)(?=[\s/>])/.exec( text.slice( at, at + 64 ) );
		if ( !m ) {
			return at + 1;
		}
		const slash = m[ 1 ] ?? '';
		const name = m[ 2 ] ?? '';
		const lower = name.toLowerCase();
		if ( quoteNames.has( lower ) ) {
			const gt = noMoreGt ? -1 : text.indexOf( '>', at );
			noMoreGt = gt === -1;
			if ( gt !== -1 && text[ gt - 1 ] !== '/' ) {
				quoteEvents.push( { pos: at, name: lower, open: slash === '' } );
			}
			return at + 1;
		}
		const ignoredTag = lower === 'noinclude' || lower === 'onlyinclude';
		const element = lower === 'includeonly' || opaque.has( lower );
		if ( !( ignoredTag || ( element && slash === '' ) ) ) {
			return at + 1;
		}
		const gt = noMoreGt ? -1 : text.indexOf( '>', at + name.length + 1 );
		if ( gt === -1 ) {
			noMoreGt = true;
			return at + 1;
		}
		if ( ignoredTag ) {
			// On the page itself these tags are dropped and their content is rendered.
			return gt + 1;
		}
		if ( text[ gt - 1 ] === '/' ) {
			return gt + 1;
		}
		let closing: RegExpExecArray | null = null;
		if ( !noMoreClosingTag.has( name ) ) {
			// The name is letters and digits only (see the pattern above): safe in a RegExp.
			const search = new RegExp( `</${ name }\\s*>`, 'gi' );
			search.lastIndex = gt + 1;
			closing = search.exec( text );
		}
		if ( closing ) {
			return closing.index + closing[ 0 ].length;
		}
		if ( lower === 'includeonly' ) {
			// MediaWiki lets an unclosed includeonly run to the end of the text.
			return n;
		}
		noMoreClosingTag.add( name );
		return gt + 1;
	}

	// Unclosed brackets become text; the calls inside them surface to the top level.
	for ( const piece of stack ) {
		root.push( ...piece.nested );
		if ( piece.open === '{' && piece.count >= 2 ) {
			const title = piece.parts[ 0 ] ?? { start: piece.start + piece.count };
			const next = piece.parts[ 1 ];
			unclosed.push( {
				start: piece.start,
				title: { start: title.start, end: next ? next.start - 1 : n },
			} );
		}
	}
	root.sort( ( a, b ) => a.start - b.start );
	return { calls: root, unclosed, quotes: quoteSpans( quoteEvents, n ) };
}

/** Pairs quoting tags into spans; a tag left open runs to the end, a stray close is ignored. */
function quoteSpans(
	events: readonly { pos: number; name: string; open: boolean }[],
	length: number,
): QuoteSpan[] {
	const spans: QuoteSpan[] = [];
	const openAt = new Map<string, number[]>();
	for ( const e of events ) {
		const list = openAt.get( e.name ) ?? [];
		openAt.set( e.name, list );
		if ( e.open ) {
			list.push( e.pos );
		} else {
			const start = list.pop();
			if ( start !== undefined ) {
				spans.push( { start, end: e.pos } );
			}
		}
	}
	openAt.forEach( ( list ) => {
		for ( const start of list ) {
			spans.push( { start, end: length } );
		}
	} );
	return spans;
}
