/**
 * Finds glossary terms in plain text: the core of term marking on pages and of the translator
 * panel.
 *
 * All terms go into one Aho-Corasick automaton keyed on case-folded UTF-16 code units plus a
 * word-start unit, so one pass over the text finds every occurrence of every term that starts
 * where a term may start: the cost grows with the text (and the number of hits), not with the
 * size of the glossary. Text is folded one segment at a time (a
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
	isMark,
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

/** Terms ready for matching: a term index, or plain `[ term, concept id ]` pairs. */
export type TermSource = GlossaryTermIndex | readonly ( readonly [ string, string ] )[];

/** Where terms come from: a whole glossary, a term index, or plain `[ term, concept id ]` pairs. */
export type MatcherSource = CompiledGlossary | TermSource;

function termPairs( source: TermSource ): readonly ( readonly unknown[] )[] {
	if ( Array.isArray( source ) ) {
		return source;
	}
	if ( typeof source === 'object' && source !== null && 'terms' in source &&
		Array.isArray( source.terms ) ) {
		return source.terms;
	}
	return [];
}

// Sticky, so a run of combining marks is measured in place without slicing the text.
const MARKS = unicodeRegExp( '\\p{M}+', 'uy' );
// Arabic writes the conjunctions and prepositions و ف ب ك ل as part of the next word
// (والتمكين = و + التمكين): in Arabic a term may follow up to two of them at a word start.
const ARABIC = /^(?:ar|arz|ary|arq|aeb|apc|ajp|acm|afb|ayl|ars)(?:-|$)/;
const PROCLITIC = /[\u0648\u0641\u0628\u0643\u0644]/;

/**
 * A unit outside UTF-16 that the automaton reads before every word start. Terms that begin with
 * a word character begin with it too, so they can only start at a word start: the automaton
 * never follows a term from the middle of a word (where the whole-word rule would reject it),
 * and a larger glossary does not mean more partial matches inside words.
 */
const BOUNDARY = 0x10000;
/**
 * Classes of code points: anything else; a word character of a script with spaces (a letter,
 * mark or number outside Chinese, Japanese, Thai…); one that is also an Arabic proclitic.
 */
const OTHER = 1;
const SPACED = 2;
const CLITIC = 3;
let bmpClass: Uint8Array | undefined;

/** Class of a code point, cached for the BMP (two regular expressions are slow). */
function classOf( cp: number ): number {
	const table = bmpClass || ( bmpClass = new Uint8Array( 0x10000 ) );
	let cls = cp < 0x10000 ? table[ cp ] as number : 0;
	if ( !cls ) {
		const char = String.fromCodePoint( cp );
		cls = !isWordChar( char ) || isNoSpaceScript( char ) ? OTHER :
			PROCLITIC.test( char ) ? CLITIC : SPACED;
		if ( cp < 0x10000 ) {
			table[ cp ] = cls;
		}
	}
	return cls;
}

/**
 * Whether the whole-word rule rejects a term edge next to a neighbour (`-1`: none): both are
 * word characters and neither is written without spaces.
 */
function joins( edge: number, neighbour: number ): boolean {
	return neighbour >= 0 && classOf( edge ) >= SPACED && classOf( neighbour ) >= SPACED;
}

function cpAt( text: string, index: number ): number {
	return index >= 0 && index < text.length ? text.codePointAt( index ) as number : -1;
}

function cpBefore( text: string, index: number ): number {
	const cp = cpAt( text, index - 2 );
	return cp > 0xffff ? cp : cpAt( text, index - 1 );
}

/**
 * Feeds one folded segment (a code point and its marks) to `feed`, one unit at a time, with a
 * {@link BOUNDARY} before every folded code point that is a word character of a script with
 * spaces and follows none (or follows an Arabic proclitic and its marks, when `clitics`). Terms
 * and text go through this same function segment by segment, and the decision depends only on
 * the folded segments, so a term's units always line up with the text's.
 * (The whole-word rule that `run` applies afterwards looks at the text itself; both agree on NFC
 * text, which is what MediaWiki serves.) Returns whether the last code point blocks a boundary
 * after it.
 */
function augment(
	folded: string, blocked: boolean, clitics: boolean,
	feed: ( unit: number, first: boolean, last: boolean ) => void,
): boolean {
	let after = blocked;
	let clitic = false;
	for ( let u = 0; u < folded.length; ) {
		const cp = folded.codePointAt( u ) as number;
		const cls = classOf( cp );
		if ( cls >= SPACED && !after ) {
			feed( BOUNDARY, u === 0, false );
		}
		// `folded` is one segment: what follows a proclitic in it are the proclitic's marks (its
		// vowel, as `afterProclitic` reads it), whatever they fold to (U+0345 folds to a letter),
		// so a term may still start right after them.
		if ( !clitic ) {
			after = cls === SPACED || ( cls === CLITIC && !clitics );
			clitic = u === 0 && cls === CLITIC && clitics;
		}
		const size = cp > 0xffff ? 2 : 1;
		for ( let j = 0; j < size; j++, u++ ) {
			feed( folded.charCodeAt( u ), u === 0, u === folded.length - 1 );
		}
	}
	return after;
}

/**
 * Builds a matcher for `language` from a glossary (its term index for that language and the
 * language's fallback chain is built first, with {@link buildTermIndex}), a term index or
 * `[ term, concept id ]` pairs. Rules: see {@link createTermMatcher}. Never throws.
 */
export function createMatcher( source: MatcherSource, language: string ): Matcher {
	let terms: TermSource = [];
	try {
		terms = typeof source === 'object' && source !== null && 'concepts' in source &&
			Array.isArray( source.concepts ) ?
			buildTermIndex( source, normalizeLanguage( typeof language === 'string' ? language : 'en' ) ) :
			source as TermSource;
	} catch {
		terms = [];
	}
	return createTermMatcher( terms, language );
}

/**
 * Builds a matcher for `language` from a term index or `[ term, concept id ]` pairs: what
 * {@link createMatcher} does without the glossary branch, so that code which only ever has term
 * indexes (the glossary gadget on every page view) does not carry the term index builder.
 *
 * Rules: the leftmost, then longest occurrence wins and occurrences never overlap; terms match
 * whole words in scripts with spaces (a term edge that is a letter, mark or number must not touch
 * another one), anywhere in Chinese, Japanese, Thai, Lao, Khmer, Burmese and Tibetan text;
 * in Arabic a term may also follow up to two attached proclitics (و ف ب ك ل) at a word start;
 * comparison is case-insensitive with the language's folding and NFC; white space inside a term
 * matches any single white-space character; terms are plain text (`C++`, `(co-)lead`). Invalid
 * entries in the source are skipped; the first concept listed for a term wins. Never throws.
 */
export function createTermMatcher( source: TermSource, language: string ): Matcher {
	const steps = termMatcherSteps( source, language );
	for ( ;; ) {
		const step = steps.next();
		if ( step.done ) {
			return step.value;
		}
	}
}

/**
 * Terms, states and failure links handled between two pauses of {@link termMatcherSteps}: a
 * fraction of a millisecond of work each, even before the browser has optimised the code.
 */
const TERMS_PER_STEP = 16;
const STATES_PER_STEP = 256;

/**
 * {@link createTermMatcher} in steps: a generator that pauses (yields) every few terms or
 * states and returns the matcher when done, so that a page can build the matcher of a large
 * glossary (tens of milliseconds for a few thousand terms) between other tasks instead of in one
 * long one. Whoever drives it decides when to pause; driven to the end at once it is
 * {@link createTermMatcher}. Never throws.
 */
export function* termMatcherSteps(
	source: TermSource, language: string,
): Generator<void, Matcher, void> {
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

	// The trie, while it is built: one map keyed `state * 0x10001 + unit` (far fewer objects than
	// a map per node), per state its first child, next sibling, unit and the pattern ending there.
	const trie = new Map<number, number>();
	const firstChild: number[] = [ -1 ];
	const sibling: number[] = [ -1 ];
	const unitOf: number[] = [ 0 ];
	const patternAt: number[] = [ -1 ];
	const patternTerm: string[] = [];
	const patternConcept: string[] = [];
	const patternLength: number[] = [];
	let maxLength = 0;

	let pairs: readonly ( readonly unknown[] )[] = [];
	try {
		pairs = termPairs( source );
	} catch {
		pairs = [];
	}
	let read = 0;
	for ( const pair of pairs ) {
		if ( ++read % TERMS_PER_STEP === 0 ) {
			yield;
		}
		const term = Array.isArray( pair ) ? pair[ 0 ] : undefined;
		const id = Array.isArray( pair ) ? pair[ 1 ] : undefined;
		if ( typeof term !== 'string' || typeof id !== 'string' || id === '' ) {
			continue;
		}
		const clean = term.replace( /\s+/g, ' ' ).trim();
		if ( clean === '' || clean.length > 500 ) {
			continue;
		}
		let state = 0;
		let length = 0;
		// Segment by segment, the way `run` folds and augments text, so the two always agree.
		let blocked = false;
		const add = ( unit: number ): void => {
			const key = state * 0x10001 + unit;
			let to = trie.get( key );
			if ( to === undefined ) {
				to = patternAt.length;
				patternAt.push( -1 );
				unitOf.push( unit );
				firstChild.push( -1 );
				sibling.push( firstChild[ state ] as number );
				firstChild[ state ] = to;
				trie.set( key, to );
			}
			state = to;
			length++;
		};
		for ( let i = 0; i < clean.length; ) {
			const start = i;
			i = segmentEnd( clean, i );
			blocked = augment( foldSegment( clean.slice( start, i ) ), blocked, proclitics, add );
		}
		if ( state !== 0 && patternAt[ state ] === -1 ) {
			patternAt[ state ] = patternTerm.length;
			patternTerm.push( clean );
			patternConcept.push( id );
			patternLength.push( length );
			maxLength = Math.max( maxLength, length );
		}
	}
	trie.clear();

	// Units that occur in terms get small codes (per state: the code of the unit leading to it);
	// any other unit sends the automaton straight back to the root.
	const stateCount = patternAt.length;
	const codeOf = new Uint16Array( BOUNDARY + 1 );
	const codeTo = new Int32Array( stateCount );
	let codes = 0;
	for ( let state = 1; state < stateCount; state++ ) {
		const unit = unitOf[ state ] as number;
		codeTo[ state ] = codeOf[ unit ] = codeOf[ unit ] || ++codes;
	}

	// The form the hot loop reads, a double array: the transition from state `s` on code `c` is
	// in slot `base[ s ] + c` if `check` there is `s`. That is two array reads whatever the size
	// of the glossary, where a map or a search gets slower as states and their fan-out grow.
	const base = new Int32Array( stateCount );
	// Per slot, the state that owns it (-1: free) and the state it leads to. Typed arrays, sized
	// for a dense packing and grown if needed: plain arrays written at scattered indexes become
	// slow dictionaries (an 18 ms step on a 4,000-term glossary in a fresh page).
	let owner = new Int32Array( stateCount + codes + 1 ).fill( -1 );
	let target = new Int32Array( owner.length );
	let used = 0;
	const taken = ( slot: number ): boolean => slot < owner.length && owner[ slot ] !== -1;
	let free = 1;
	for ( let state = 0; state < stateCount; state++ ) {
		if ( state % STATES_PER_STEP === STATES_PER_STEP - 1 ) {
			yield;
		}
		const first = firstChild[ state ] as number;
		if ( first < 0 ) {
			continue;
		}
		// First fit from the first free slot: tries are mostly chains, so this packs densely.
		let b = Math.max( 0, free - ( codeTo[ first ] as number ) );
		for ( let kid = first; kid >= 0; ) {
			if ( taken( b + ( codeTo[ kid ] as number ) ) ) {
				b++;
				kid = first;
			} else {
				kid = sibling[ kid ] as number;
			}
		}
		base[ state ] = b;
		for ( let kid = first; kid >= 0; kid = sibling[ kid ] as number ) {
			const slot = b + ( codeTo[ kid ] as number );
			if ( slot >= owner.length ) {
				const grown = new Int32Array( Math.max( slot + 1, owner.length * 2 ) ).fill( -1 );
				grown.set( owner );
				owner = grown;
				const grownTarget = new Int32Array( owner.length );
				grownTarget.set( target );
				target = grownTarget;
			}
			owner[ slot ] = state;
			target[ slot ] = kid;
			used = Math.max( used, slot + 1 );
		}
		while ( taken( free ) ) {
			free++;
		}
	}
	// Room past the last slot for any code, so a lookup never reads outside the arrays.
	const check = new Int32Array( used + codes + 1 ).fill( -1 );
	check.set( owner.subarray( 0, used ) );
	const next = new Int32Array( check.length );
	next.set( target.subarray( 0, used ) );

	// Failure links (breadth first) and output links to the nearest shorter pattern suffix.
	const failure = new Int32Array( stateCount );
	const output = new Int32Array( stateCount ).fill( -1 );
	const queue: number[] = [ 0 ];
	for ( let head = 0; head < queue.length; head++ ) {
		if ( head % STATES_PER_STEP === STATES_PER_STEP - 1 ) {
			yield;
		}
		const state = queue[ head ] as number;
		for ( let kid = firstChild[ state ] as number; kid >= 0; kid = sibling[ kid ] as number ) {
			queue.push( kid );
			if ( state === 0 ) {
				continue;
			}
			const c = codeTo[ kid ] as number;
			let f = failure[ state ] as number;
			let slot: number;
			while ( check[ slot = ( base[ f ] as number ) + c ] !== f && f !== 0 ) {
				f = failure[ f ] as number;
			}
			const fc = check[ slot ] === f ? next[ slot ] as number : 0;
			failure[ kid ] = fc;
			output[ kid ] = ( patternAt[ fc ] as number ) >= 0 ? fc : output[ fc ] as number;
		}
	}

	// Ring buffer, per unit read, of where its segment starts if the unit is the first of its
	// segment (else -1): a match starts only there. A pattern looks back at most maxLength. (An
	// index that wraps around, not `k % ringSize`: a division per unit is measurable.)
	const ringSize = maxLength + 1;
	const ring = new Int32Array( ringSize );

	// ASCII folds to one unit; a table spares the hot loop a call and a string per character.
	const asciiUnits = new Uint16Array( 0x80 );
	for ( let c = 0; c < 0x80; c++ ) {
		asciiUnits[ c ] = fold( String.fromCharCode( c ) ).charCodeAt( 0 );
	}

	// Per start offset, the longest candidate ending where the whole-word rule allows it (0: none;
	// an end is always after its start) and its pattern. Candidates are not kept in a list: terms
	// nested in one another (`a`, `a a`, `a a a`, …) give one candidate per term at each
	// position, which on a long text node would mean millions of objects. The two tables are
	// kept between calls (grown when a longer text comes) and only the starts a call touched are
	// cleared, so a text node costs no allocation and no pass over its whole length.
	let bestEnd = new Int32Array( 256 );
	let bestPattern = new Int32Array( 256 );

	const run = ( text: string ): Match[] => {
		const length = text.length;
		if ( bestEnd.length <= length ) {
			bestEnd = new Int32Array( length + 1 );
			bestPattern = new Int32Array( length + 1 );
		}
		const starts: number[] = [];
		let state = 0;
		let k = 0;
		let i = 0;
		let segStart = 0;
		let blocked = false;
		// Feeds one unit; `first` says it (or the boundary before it) starts its segment, the
		// only place a match may start, and `last` that it ends it, the only place one may end.
		const step = ( unit: number, first: boolean, last: boolean ): void => {
			const c = codeOf[ unit ] as number;
			for ( ;; ) {
				const slot = ( base[ state ] as number ) + c;
				if ( c !== 0 && check[ slot ] === state ) {
					state = next[ slot ] as number;
					break;
				}
				if ( state === 0 || c === 0 ) {
					state = 0;
					break;
				}
				state = failure[ state ] as number;
			}
			ring[ k ] = first ? segStart : -1;
			k = k + 1 === ringSize ? 0 : k + 1;
			if ( !last ) {
				return;
			}
			let s = ( patternAt[ state ] as number ) >= 0 ? state : output[ state ] as number;
			while ( s > 0 ) {
				const p = patternAt[ s ] as number;
				const at = k - ( patternLength[ p ] as number );
				const start = ring[ at < 0 ? at + ringSize : at ] as number;
				// Ends arrive in increasing order, so a later candidate for a start is longer; at
				// one end the first pattern found for a start is kept.
				const best = start >= 0 ? bestEnd[ start ] as number : i;
				if ( i > best &&
					!joins( cpAt( text, lastSegmentStart( text, start, i ) ), cpAt( text, i ) ) ) {
					if ( best === 0 ) {
						starts.push( start );
					}
					bestEnd[ start ] = i;
					bestPattern[ start ] = p;
				}
				s = output[ s ] as number;
			}
		};
		while ( i < length ) {
			segStart = i;
			const code = text.charCodeAt( i );
			// ASCII without marks after it: one unit, the common case, kept short.
			if ( code < 0x80 && !( text.charCodeAt( ++i ) >= 0x300 ) ) {
				const unit = asciiUnits[ code ] as number;
				const spaced = classOf( unit ) >= SPACED;
				if ( spaced && !blocked ) {
					step( BOUNDARY, true, false );
				}
				blocked = spaced;
				step( unit, true, true );
			} else {
				i = segmentEnd( text, segStart );
				const folded = foldSegment( text.slice( segStart, i ) );
				blocked = augment( folded, blocked, proclitics, step );
			}
		}
		// Leftmost first, each start with its longest candidate (the end-side whole-word rule
		// was applied above); keep what fits the start-side rule and does not overlap an
		// earlier pick.
		const matches: Match[] = [];
		if ( !starts.length ) {
			return matches;
		}
		starts.sort( ( a, b ) => a - b );
		let lastEnd = 0;
		for ( const start of starts ) {
			const end = bestEnd[ start ] as number;
			bestEnd[ start ] = 0;
			if ( start < lastEnd ) {
				continue;
			}
			if ( joins( cpAt( text, start ), cpBefore( text, start ) ) &&
				!( proclitics && afterProclitic( text, start ) ) ) {
				continue;
			}
			const p = bestPattern[ start ] as number;
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
				// A matcher bug must never break the page it marks, nor leave the tables dirty
				// for the next text.
				bestEnd.fill( 0 );
				return [];
			}
		},
	};
}

/**
 * End of the segment starting at `i`: a code point (a high surrogate counts with the unit after
 * it only when that is a low one) and the combining marks after it.
 */
function segmentEnd( text: string, i: number ): number {
	let end = i + ( ( text.codePointAt( i ) as number ) > 0xffff ? 2 : 1 );
	if ( text.charCodeAt( end ) >= 0x300 ) {
		MARKS.lastIndex = end;
		if ( MARKS.test( text ) ) {
			end = MARKS.lastIndex;
		}
	}
	return end;
}

/** The index before the combining marks that end just before `index` (a proclitic's vowel). */
function beforeMarks( text: string, index: number ): number {
	let i = index;
	while ( i > 0 && isMark( text[ i - 1 ] as string ) ) {
		i--;
	}
	return i;
}

/**
 * Whether a term starting at `start` (inside a word) follows only what Arabic attaches to the
 * front of a word: the article ال (القائد = ال + قائد; its alif drops after the preposition ل:
 * للقائد), after up to two proclitics (و ف ب ك ل: والقائد, وللقائد, بالقائد).
 */
function afterProclitic( text: string, start: number ): boolean {
	// Marks right before the term are the vowel signs of what precedes it.
	const letters = beforeMarks( text, start );
	let i = letters;
	if ( text[ i - 1 ] === '\u0644' ) {
		i = beforeMarks( text, i - 1 );
		if ( text[ i - 1 ] === '\u0627' ) {
			i = beforeMarks( text, i - 1 );
		}
	}
	for ( let n = 0; n < 2 && i > 0 && PROCLITIC.test( text[ i - 1 ] as string ); n++ ) {
		i = beforeMarks( text, i - 1 );
	}
	const before = cpBefore( text, i );
	return i < letters && ( before < 0 || !isWordChar( String.fromCodePoint( before ) ) );
}

/** Start of the segment (code point plus its marks) that ends a match, for the script test. */
function lastSegmentStart( text: string, start: number, end: number ): number {
	if ( text.charCodeAt( end - 1 ) < 0x300 ) {
		// No mark and no surrogate: the common case, without a regular expression.
		return end - 1;
	}
	let i = end;
	while ( i > start ) {
		const cp = cpBefore( text, i );
		i -= cp > 0xffff ? 2 : 1;
		if ( !isMark( String.fromCodePoint( cp ) ) ) {
			return i;
		}
	}
	return start;
}
