/**
 * Finds glossary terms in plain text: the core of term marking on pages and of the translator
 * panel.
 *
 * All terms go into one Aho-Corasick automaton keyed on case-folded UTF-16 code units, so one
 * pass over the text finds every occurrence of every term: the cost grows with the text (and the
 * number of hits), not with the size of the glossary. Text is folded one segment at a time (a
 * code point and the combining marks that follow it, NFC-normalised), and every folded unit
 * remembers where its segment starts in the original string, which is how offsets map back even
 * when folding changes lengths (`ß` → `ss`) and why a match can never start or end inside a
 * segment.
 *
 * @packageDocumentation
 */
import type { CompiledGlossary, GlossaryTermIndex } from '../contracts/glossary.ts';
import {
	createFolder,
	isNoSpaceScript,
	isWordChar,
	normalizeLanguage,
	unicodeRegExp,
} from './language.ts';
import { buildTermIndex } from './term-index.ts';

/** One occurrence of a glossary term in a text. */
export interface Match {
	/** Offset of the first UTF-16 code unit of the occurrence in the given string. */
	start: number;
	/** Offset just after the occurrence (`text.slice( start, end )` is the occurrence). */
	end: number;
	/** Concept the term belongs to. */
	conceptId: string;
	/** The glossary term or alias that matched, as written in the glossary. */
	term: string;
}

/** A matcher for one language, built once and used on many texts. */
export interface Matcher {
	/** Language whose case folding the matcher uses. */
	readonly language: string;
	/** Number of distinct (folded) terms and aliases it looks for. */
	readonly size: number;
	/**
	 * Occurrences in `text`, ordered and non-overlapping; never throws (returns `[]` for a
	 * non-string).
	 */
	match( text: string ): Match[];
}

/** Where terms come from: a whole glossary, a term index, or plain `[ term, concept id ]` pairs. */
export type MatcherSource =
	CompiledGlossary | GlossaryTermIndex | readonly ( readonly [ string, string ] )[];

function termPairs( source: MatcherSource, language: string ): readonly ( readonly unknown[] )[] {
	if ( Array.isArray( source ) ) {
		return source;
	}
	if ( typeof source !== 'object' || source === null ) {
		return [];
	}
	if ( 'concepts' in source && Array.isArray( source.concepts ) ) {
		return buildTermIndex( source, language ).terms;
	}
	if ( 'terms' in source && Array.isArray( source.terms ) ) {
		return source.terms;
	}
	return [];
}

// Sticky, so a run of combining marks is measured in place without slicing the text.
const MARKS = unicodeRegExp( '\\p{M}+', 'uy' );
const MARK_ONLY = unicodeRegExp( '^\\p{M}$', 'u' );
// Arabic writes the conjunctions and prepositions و ف ب ك ل as part of the next word
// (والتمكين = و + التمكين): in Arabic a term may follow up to two of them at a word start.
const ARABIC = /^(?:ar|arz|ary|arq|aeb|apc|ajp|acm|afb|ayl|ars)(?:-|$)/;
const PROCLITIC = /[\u0648\u0641\u0628\u0643\u0644]/;

function codePointAtOrEmpty( text: string, index: number ): string {
	if ( index < 0 || index >= text.length ) {
		return '';
	}
	const cp = text.codePointAt( index ) ?? 0;
	return String.fromCodePoint( cp );
}

function codePointBefore( text: string, index: number ): string {
	if ( index <= 0 ) {
		return '';
	}
	const low = text.charCodeAt( index - 1 );
	const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
	return codePointAtOrEmpty( text, start );
}

function isAsciiWordCode( code: number ): boolean {
	return ( code >= 0x30 && code <= 0x39 ) || ( code >= 0x41 && code <= 0x5a ) ||
		( code >= 0x61 && code <= 0x7a );
}

/**
 * Whether the whole-word rule rejects a term edge next to a neighbour: both are word characters
 * and neither is written without spaces. ASCII is decided without a regular expression because
 * this runs for every candidate.
 */
function joins( edge: string, neighbour: string ): boolean {
	if ( neighbour === '' ) {
		return false;
	}
	const e = edge.charCodeAt( 0 );
	const n = neighbour.charCodeAt( 0 );
	const edgeWord = e < 0x80 ? isAsciiWordCode( e ) :
		isWordChar( edge ) && !isNoSpaceScript( edge );
	if ( !edgeWord ) {
		return false;
	}
	return n < 0x80 ? isAsciiWordCode( n ) :
		isWordChar( neighbour ) && !isNoSpaceScript( neighbour );
}

/**
 * Builds a matcher for `language` from a glossary (its term index for that language and the
 * language's fallback chain is built first), a term index or `[ term, concept id ]` pairs.
 *
 * Rules: the leftmost, then longest occurrence wins and occurrences never overlap; terms match
 * whole words in scripts with spaces (a term edge that is a letter, mark or number must not touch
 * another one), anywhere in Chinese, Japanese, Thai, Lao, Khmer, Burmese and Tibetan text;
 * in Arabic a term may also follow up to two attached proclitics (و ف ب ك ل) at a word start;
 * comparison is case-insensitive with the language's folding and NFC; white space inside a term
 * matches any single white-space character; terms are plain text (`C++`, `(co-)lead`). Invalid
 * entries in the source are skipped; the first concept listed for a term wins. Never throws.
 */
export function createMatcher( source: MatcherSource, language: string ): Matcher {
	const lang = normalizeLanguage( typeof language === 'string' ? language : 'en' );
	const fold = createFolder( lang );
	const proclitics = ARABIC.test( lang );
	const segmentCache = new Map<string, string>();

	const foldSegment = ( segment: string ): string => {
		let folded = segmentCache.get( segment );
		if ( folded === undefined ) {
			folded = '';
			for ( const char of segment.normalize( 'NFC' ) ) {
				folded += fold( char );
			}
			segmentCache.set( segment, folded );
		}
		return folded;
	};

	// Automaton state: transitions in one map keyed `state * 0x10000 + code unit` (far fewer
	// objects than a map per node), failure links, and per state the pattern ending there.
	const next = new Map<number, number>();
	const children: number[][] = [ [] ];
	const patternAt: number[] = [ -1 ];
	const patternTerm: string[] = [];
	const patternConcept: string[] = [];
	const patternLength: number[] = [];
	let maxLength = 0;

	let pairs: readonly ( readonly unknown[] )[] = [];
	try {
		pairs = termPairs( source, lang );
	} catch {
		pairs = [];
	}
	for ( const pair of pairs ) {
		const term = Array.isArray( pair ) ? pair[ 0 ] : undefined;
		const id = Array.isArray( pair ) ? pair[ 1 ] : undefined;
		if ( typeof term !== 'string' || typeof id !== 'string' || id === '' ) {
			continue;
		}
		const clean = term.replace( /\s+/g, ' ' ).trim();
		if ( clean === '' || clean.length > 500 ) {
			continue;
		}
		const folded = foldSegmentWise( clean, foldSegment );
		let state = 0;
		for ( let i = 0; i < folded.length; i++ ) {
			const key = state * 0x10000 + folded.charCodeAt( i );
			let to = next.get( key );
			if ( to === undefined ) {
				to = patternAt.length;
				patternAt.push( -1 );
				children.push( [] );
				( children[ state ] as number[] ).push( to );
				next.set( key, to );
			}
			state = to;
		}
		if ( state !== 0 && patternAt[ state ] === -1 ) {
			patternAt[ state ] = patternTerm.length;
			patternTerm.push( clean );
			patternConcept.push( id );
			patternLength.push( folded.length );
			maxLength = Math.max( maxLength, folded.length );
		}
	}

	// Failure links (breadth first) and output links to the nearest shorter pattern suffix.
	const stateCount = patternAt.length;
	const failure = new Int32Array( stateCount );
	const output = new Int32Array( stateCount ).fill( -1 );
	const unitOf = new Uint16Array( stateCount );
	for ( const [ key, to ] of next ) {
		unitOf[ to ] = key % 0x10000;
	}
	const queue: number[] = [ ...( children[ 0 ] as number[] ) ];
	for ( let head = 0; head < queue.length; head++ ) {
		const state = queue[ head ] as number;
		for ( const child of children[ state ] as number[] ) {
			const unit = unitOf[ child ] as number;
			let f = failure[ state ] as number;
			let target: number | undefined;
			while ( ( target = next.get( f * 0x10000 + unit ) ) === undefined && f !== 0 ) {
				f = failure[ f ] as number;
			}
			failure[ child ] = target !== undefined && target !== child ? target : 0;
			const fc = failure[ child ] as number;
			output[ child ] = ( patternAt[ fc ] as number ) >= 0 ? fc : output[ fc ] as number;
			queue.push( child );
		}
	}
	children.length = 0;

	// Ring buffer of segment starts per folded unit; a pattern looks back at most maxLength + 1.
	const ringSize = maxLength + 2;
	const ring = new Int32Array( ringSize );

	// ASCII folds to one unit; a table spares the hot loop a call and a string per character.
	const asciiUnits = new Uint16Array( 0x80 );
	for ( let c = 0; c < 0x80; c++ ) {
		asciiUnits[ c ] = fold( String.fromCharCode( c ) ).charCodeAt( 0 );
	}

	const run = ( text: string ): Match[] => {
		const starts: number[] = [];
		const ends: number[] = [];
		const patterns: number[] = [];
		let state = 0;
		let k = 0;
		let i = 0;
		const length = text.length;
		// Feeds one folded unit; `last` says it ends its segment, the only place a match may end.
		const step = ( unit: number, segStart: number, last: boolean ): void => {
			let to: number | undefined;
			while ( ( to = next.get( state * 0x10000 + unit ) ) === undefined && state !== 0 ) {
				state = failure[ state ] as number;
			}
			state = to ?? 0;
			ring[ k % ringSize ] = segStart;
			k++;
			if ( !last ) {
				return;
			}
			let s = ( patternAt[ state ] as number ) >= 0 ? state : output[ state ] as number;
			while ( s > 0 ) {
				const p = patternAt[ s ] as number;
				const first = k - ( patternLength[ p ] as number );
				const origStart = ring[ first % ringSize ] as number;
				// …and only start where a segment's folded text starts.
				if ( first === 0 || ring[ ( first - 1 ) % ringSize ] !== origStart ) {
					starts.push( origStart );
					ends.push( i );
					patterns.push( p );
				}
				s = output[ s ] as number;
			}
		};
		while ( i < length ) {
			const segStart = i;
			const code = text.charCodeAt( i );
			if ( code < 0x80 && !( i + 1 < length && text.charCodeAt( i + 1 ) >= 0x300 ) ) {
				i++;
				step( asciiUnits[ code ] as number, segStart, true );
				continue;
			}
			i += code >= 0xd800 && code <= 0xdbff && i + 1 < length ? 2 : 1;
			if ( i < length && text.charCodeAt( i ) >= 0x300 ) {
				MARKS.lastIndex = i;
				if ( MARKS.test( text ) ) {
					i = MARKS.lastIndex;
				}
			}
			const folded = foldSegment( text.slice( segStart, i ) );
			for ( let u = 0; u < folded.length; u++ ) {
				step( folded.charCodeAt( u ), segStart, u === folded.length - 1 );
			}
		}
		if ( !starts.length ) {
			return [];
		}
		// Leftmost first, then longest; then keep what fits the whole-word rule and does not
		// overlap an earlier pick.
		const order = starts.map( ( _, j ) => j );
		order.sort( ( a, b ) => ( starts[ a ] as number ) - ( starts[ b ] as number ) ||
			( ends[ b ] as number ) - ( ends[ a ] as number ) );
		const matches: Match[] = [];
		let lastEnd = 0;
		for ( const j of order ) {
			const start = starts[ j ] as number;
			const end = ends[ j ] as number;
			if ( start < lastEnd ) {
				continue;
			}
			if ( joins( codePointAtOrEmpty( text, start ), codePointBefore( text, start ) ) &&
				!( proclitics && afterProclitic( text, start ) ) ) {
				continue;
			}
			const lastEdge = codePointAtOrEmpty( text, lastSegmentStart( text, start, end ) );
			if ( joins( lastEdge, codePointAtOrEmpty( text, end ) ) ) {
				continue;
			}
			const p = patterns[ j ] as number;
			matches.push( {
				start,
				end,
				conceptId: patternConcept[ p ] as string,
				term: patternTerm[ p ] as string,
			} );
			lastEnd = end;
		}
		return matches;
	};

	return {
		language: lang,
		size: patternTerm.length,
		match( text: string ): Match[] {
			if ( typeof text !== 'string' || patternTerm.length === 0 ) {
				return [];
			}
			try {
				return run( text );
			} catch {
				// A matcher bug must never break the page it marks.
				return [];
			}
		},
	};
}

/** Folds a term the way `run` folds text, segment by segment, so the two always agree. */
function foldSegmentWise( text: string, foldSegment: ( segment: string ) => string ): string {
	let out = '';
	let i = 0;
	while ( i < text.length ) {
		const start = i;
		const code = text.charCodeAt( i );
		i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
		if ( i < text.length && text.charCodeAt( i ) >= 0x300 ) {
			MARKS.lastIndex = i;
			if ( MARKS.test( text ) ) {
				i = MARKS.lastIndex;
			}
		}
		out += foldSegment( text.slice( start, i ) );
	}
	return out;
}

function afterProclitic( text: string, start: number ): boolean {
	let i = start;
	while ( i > 0 && start - i < 2 && PROCLITIC.test( text[ i - 1 ] as string ) ) {
		i--;
	}
	return i < start && !isWordChar( codePointBefore( text, i ) || ' ' );
}

/** Start of the segment (code point plus its marks) that ends a match, for the script test. */
function lastSegmentStart( text: string, start: number, end: number ): number {
	let i = end;
	while ( i > start ) {
		const ch = codePointBefore( text, i );
		i -= ch.length;
		if ( !MARK_ONLY.test( ch ) ) {
			return i;
		}
	}
	return start;
}
