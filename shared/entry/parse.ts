/**
 * Reads feedback entries back from any talk page text (current page, old revision, archive).
 *
 * Tolerant and total: parameters in any order and spacing, on one line or many (hand-written
 * entries), unknown parameters kept in `extra`; calls inside comments, nowiki, pre and other
 * extension tags, inside another template's parameters, inside `<includeonly>` or inside
 * quoting elements (`<blockquote>`, `<q>`, `<code>`, …) are not entries. Anything wrong is a
 * {@link EntryProblem} with its line number; the function never throws.
 *
 * @packageDocumentation
 */
import {
	ENTRY_FIELD_SCHEMAS,
	ENTRY_VERSION,
	type FeedbackEntry,
	type RubricAnswer,
} from '../contracts/entry.ts';
import { normalizePageName } from '../contracts/common.ts';
import { setOwn, type Problem, type Schema } from '../validate.ts';
import { decodeParameterValue, decodeText, stripComments } from './escape.ts';
import { ENTRY_PARAMS, ENTRY_TEMPLATE, RUBRIC_PARAM_PREFIX } from './format.ts';
import { isEntryId } from './ids.ts';
import { scanTemplates, type TemplateCall } from './scan.ts';
import { findSignature, type Signature, type SignatureNames } from './signature.ts';

/** Kinds of problem {@link parseEntries} reports. */
export type EntryProblemCode =
	| 'unterminated'
	| 'missing-id'
	| 'bad-id'
	| 'bad-version'
	| 'duplicate-parameter'
	| 'duplicate-id'
	| 'bad-value'
	| 'parser-error';

/** Something wrong with an entry on the page. */
export interface EntryProblem {
	/** What kind of problem. */
	code: EntryProblemCode;
	/** 1-based line where the entry (or the offending call) starts. */
	line: number;
	/** Human-readable explanation in English. */
	message: string;
	/** The entry's id, when it has a usable one. */
	id?: string;
	/** Start of the offending source text (at most 200 characters). */
	excerpt: string;
	/** Whether the entry was dropped (not in `entries`) because of this problem. */
	dropped: boolean;
}

/** One entry found on a page, with where and how it was written. */
export interface ParsedEntry {
	/** The entry (a valid {@link FeedbackEntry}). */
	entry: FeedbackEntry;
	/**
	 * Parameters the entry format does not define, and values that failed their field's check,
	 * decoded like any value and keyed by parameter name (positional ones by `1`, `2`, …).
	 */
	extra: Record<string, string>;
	/** 1-based line of the call's `{{`. */
	line: number;
	/** 1-based line of the call's `}}`. */
	endLine: number;
	/** Offset of the call in the text (UTF-16 code units). */
	start: number;
	/** Offset just past the call's `}}`. */
	end: number;
	/** The call exactly as written. */
	raw: string;
	/** The signature after the entry, if any (never proof of authorship). */
	signature: Signature | null;
}

/** Result of {@link parseEntries}. */
export interface ParseResult {
	/** Entries in page order; an id appears at most once. */
	entries: ParsedEntry[];
	/** Everything that looked wrong, in page order. */
	problems: EntryProblem[];
}

/** Options of {@link parseEntries}. */
export interface ParseOptions {
	/**
	 * Name(s) of the entry template, e.g. the configured name and its redirects
	 * (default {@link ENTRY_TEMPLATE}).
	 */
	template?: string | readonly string[];
	/** Names of the Template namespace a call may spell out (default `Template`). */
	templateNamespaces?: readonly string[];
	/** Localised names for signature links. */
	signatureNames?: SignatureNames;
	/** Extension tags whose content is skipped (default: core and Meta's, see `scan.ts`). */
	opaqueTags?: readonly string[];
}

/**
 * Parameter name → entry property, for the scalar fields. A Map, not an object: parameter names
 * come from the page, and `constructor` or `toString` must not find `Object.prototype`'s members.
 */
const FIELD_OF_PARAM = new Map<string, keyof typeof ENTRY_FIELD_SCHEMAS>();
for ( const [ key, param ] of ENTRY_PARAMS ) {
	if ( param !== '' && key !== 'version' ) {
		FIELD_OF_PARAM.set( param, key );
	}
}

function lineStarts( text: string ): number[] {
	const starts = [ 0 ];
	for ( let i = text.indexOf( '\n' ); i !== -1; i = text.indexOf( '\n', i + 1 ) ) {
		starts.push( i + 1 );
	}
	return starts;
}

function lineOf( starts: readonly number[], offset: number ): number {
	let lo = 0;
	let hi = starts.length - 1;
	while ( lo < hi ) {
		const mid = Math.ceil( ( lo + hi ) / 2 );
		if ( ( starts[ mid ] ?? 0 ) <= offset ) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	return lo + 1;
}

function excerpt( text: string ): string {
	return text.length > 200 ? `${ text.slice( 0, 199 ) }…` : text;
}

/**
 * Finds every feedback entry in a page's wikitext. Never throws: whatever the input, the result
 * is a list of entries and a list of problems (an internal error becomes a `parser-error`).
 */
export function parseEntries( text: string, options: ParseOptions = {} ): ParseResult {
	try {
		return parse( typeof text === 'string' ? text : String( text ), options );
	} catch ( e ) {
		return {
			entries: [],
			problems: [ {
				code: 'parser-error',
				line: 1,
				message: `internal error while reading entries: ${ String( e ) }`,
				excerpt: '',
				dropped: true,
			} ],
		};
	}
}

function parse( text: string, options: ParseOptions ): ParseResult {
	const names = typeof options.template === 'string' ? [ options.template ] :
		options.template ?? [ ENTRY_TEMPLATE ];
	const wanted = new Set( names.map( ( n ) => normalizePageName( n ) ) );
	const namespaces = new Set( ( options.templateNamespaces ?? [ 'Template' ] )
		.map( ( ns ) => normalizePageName( ns ).toLowerCase() ) );
	const isEntryCall = ( rawTitle: string ): boolean => {
		let name = normalizePageName( decodeText( stripComments( rawTitle ) ) );
		name = name.replace( /^safesubst\s*:\s*/i, '' );
		// `{{:X}}` transcludes the main-namespace page X, so it must then name the namespace.
		const explicit = name.startsWith( ':' );
		name = explicit ? normalizePageName( name.slice( 1 ) ) : name;
		const colon = name.indexOf( ':' );
		if ( colon >= 0 ) {
			const ns = normalizePageName( name.slice( 0, colon ) ).toLowerCase();
			if ( !namespaces.has( ns ) ) {
				return false;
			}
			name = normalizePageName( name.slice( colon + 1 ) );
		} else if ( explicit ) {
			return false;
		}
		return wanted.has( name );
	};

	const scan = scanTemplates( text, { opaqueTags: options.opaqueTags } );
	// Quote spans merged and sorted, so each call is checked with a binary search.
	const merged: { start: number; end: number }[] = [];
	for ( const q of scan.quotes.slice().sort( ( a, b ) => a.start - b.start ) ) {
		const last = merged[ merged.length - 1 ];
		if ( last && q.start <= last.end ) {
			last.end = Math.max( last.end, q.end );
		} else {
			merged.push( { start: q.start, end: q.end } );
		}
	}
	const insideQuote = ( offset: number ): boolean => {
		let lo = 0;
		let hi = merged.length - 1;
		while ( lo <= hi ) {
			const mid = Math.floor( ( lo + hi ) / 2 );
			const q = merged[ mid ] as { start: number; end: number };
			if ( offset < q.start ) {
				hi = mid - 1;
			} else if ( offset >= q.end ) {
				lo = mid + 1;
			} else {
				return true;
			}
		}
		return false;
	};
	const starts = lineStarts( text );
	const entries: ParsedEntry[] = [];
	const problems: EntryProblem[] = [];
	const seen = new Map<string, number>();

	for ( const u of scan.unclosed ) {
		if ( isEntryCall( text.slice( u.title.start, u.title.end ) ) ) {
			problems.push( {
				code: 'unterminated',
				line: lineOf( starts, u.start ),
				message: 'entry call is never closed with }} (is a [[ or {{ inside it left open?); the wiki shows it as plain text',
				excerpt: excerpt( text.slice( u.start ) ),
				dropped: true,
			} );
		}
	}

	for ( const call of scan.calls ) {
		if ( !isEntryCall( text.slice( call.title.start, call.title.end ) ) ) {
			continue;
		}
		if ( insideQuote( call.start ) ) {
			continue;
		}
		const parsed = readCall( text, call, starts, options.signatureNames ?? {}, problems );
		if ( !parsed ) {
			continue;
		}
		const firstLine = seen.get( parsed.entry.id );
		if ( firstLine !== undefined ) {
			problems.push( {
				code: 'duplicate-id',
				line: parsed.line,
				message: `entry id ${ parsed.entry.id } already appears on line ${ firstLine }; this copy is not counted`,
				id: parsed.entry.id,
				excerpt: excerpt( parsed.raw ),
				dropped: true,
			} );
			continue;
		}
		seen.set( parsed.entry.id, parsed.line );
		entries.push( parsed );
	}
	problems.sort( ( a, b ) => a.line - b.line );
	return { entries, problems };
}

/** Reads one entry call; pushes its problems; `null` when it cannot be an entry. */
function readCall(
	text: string,
	call: TemplateCall,
	starts: readonly number[],
	signatureNames: SignatureNames,
	problems: EntryProblem[],
): ParsedEntry | null {
	const raw = text.slice( call.start, call.end );
	const line = lineOf( starts, call.start );
	const params = new Map<string, string>();
	const local: Omit<EntryProblem, 'dropped'>[] = [];
	let position = 0;
	for ( const part of call.parts ) {
		let name: string;
		let value: string;
		if ( part.eq >= 0 ) {
			name = decodeParameterValue( text.slice( part.start, part.eq ) );
			value = decodeParameterValue( text.slice( part.eq + 1, part.end ) );
		} else {
			position++;
			name = String( position );
			value = decodeParameterValue( text.slice( part.start, part.end ), { named: false } );
		}
		if ( params.has( name ) ) {
			// MediaWiki uses the last value; so do we, and say so.
			local.push( { code: 'duplicate-parameter', line, message: `parameter "${ name }" is given more than once; the last value is used`, excerpt: excerpt( raw ) } );
		}
		params.set( name, value );
	}

	const id = params.get( 'id' ) ?? '';
	const version = params.get( 'v' ) ?? '';
	let fatal: Omit<EntryProblem, 'dropped'> | null = null;
	if ( version !== '' && version !== String( ENTRY_VERSION ) ) {
		fatal = { code: 'bad-version', line, message: `entry format version ${ JSON.stringify( version ) } is not supported (this tool reads version ${ ENTRY_VERSION })`, excerpt: excerpt( raw ) };
	} else if ( id === '' ) {
		fatal = { code: 'missing-id', line, message: 'entry has no id', excerpt: excerpt( raw ) };
	} else if ( !isEntryId( id ) ) {
		fatal = { code: 'bad-id', line, message: `entry id ${ JSON.stringify( id ) } is not of the form 20261129-142233-k3f9q2`, excerpt: excerpt( raw ) };
	}
	const goodId = isEntryId( id ) ? id : undefined;
	for ( const p of local ) {
		problems.push( { ...p, ...( goodId ? { id: goodId } : {} ), dropped: fatal !== null } );
	}
	if ( fatal ) {
		problems.push( { ...fatal, ...( goodId ? { id: goodId } : {} ), dropped: true } );
		return null;
	}

	const entry: FeedbackEntry = { version: ENTRY_VERSION, id };
	const extra: Record<string, string> = {};
	const fieldProblem = ( param: string, value: string, why: string ): void => {
		setOwn( extra, param, value );
		problems.push( { code: 'bad-value', line, message: `parameter "${ param }" ${ why }; kept in extra`, id, excerpt: excerpt( raw ), dropped: false } );
	};
	params.forEach( ( value, param ) => {
		if ( param === 'id' || param === 'v' ) {
			return;
		}
		if ( param.startsWith( RUBRIC_PARAM_PREFIX ) ) {
			const question = param.slice( RUBRIC_PARAM_PREFIX.length );
			if ( value === '' ) {
				return;
			}
			// People writing by hand type `NA` as often as `na`.
			const answer: RubricAnswer | null = value.toLowerCase() === 'na' ? 'na' :
				/^-?\d{1,4}$/.test( value ) ? Number( value ) : null;
			const check: Problem[] = [];
			const rubric = { ...entry.rubric, [ question ]: answer };
			if ( answer === null || ENTRY_FIELD_SCHEMAS.rubric.check( rubric, '$', check ) === undefined ) {
				fieldProblem( param, value, answer === null ? 'must be a whole number or "na"' : `is not a valid rubric answer (${ check.map( ( c ) => c.message ).join( '; ' ) })` );
				return;
			}
			entry.rubric = { ...entry.rubric, [ question ]: answer };
			return;
		}
		const field = FIELD_OF_PARAM.get( param );
		if ( field === undefined ) {
			setOwn( extra, param, value );
			return;
		}
		if ( value === '' ) {
			// An empty parameter (e.g. from the blank no-JavaScript form) means "not given".
			return;
		}
		let typed: unknown = value;
		if ( field === 'rev' && /^\d{1,15}$/.test( value ) ) {
			typed = Number( value );
		} else if ( field === 'status' ) {
			// As the status contract reads it: `Accepted` written by hand is `accepted`.
			typed = value.toLowerCase();
		}
		const check: Problem[] = [];
		const schema = ENTRY_FIELD_SCHEMAS[ field ] as Schema<unknown>;
		const ok = schema.check( typed, '$', check );
		if ( ok === undefined ) {
			fieldProblem( param, value, check.map( ( c ) => c.message ).join( '; ' ) || 'is not valid' );
			return;
		}
		( entry as unknown as Record<string, unknown> )[ field ] = ok;
	} );

	const endLine = lineOf( starts, Math.max( call.start, call.end - 1 ) );
	return {
		entry,
		extra,
		line,
		endLine,
		start: call.start,
		end: call.end,
		raw,
		signature: findSignature( text, call.end, endLine, signatureNames ),
	};
}
