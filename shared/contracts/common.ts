/**
 * Small schemas and normalisers shared by the data contracts: identifiers, language codes, page
 * titles, user names and ISO dates. Kept separate so every contract spells these the same way.
 *
 * @packageDocumentation
 */
import { str, refine, type Problem, type Schema } from '../validate.ts';

/**
 * An identifier used in configuration and on-wiki data (section, stance, region, sprint ids):
 * lower-case letters and digits in hyphen-separated groups. Ids end up in i18n message keys,
 * template parameters and HTML `data-` attributes, so the alphabet is kept that small.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Schema for an {@link ID_PATTERN} identifier of at most 64 characters. */
export function identifier(): Schema<string> {
	return str( {
		maxLength: 64,
		pattern: ID_PATTERN,
		patternDescription: 'an id of lower-case letters, digits and single hyphens (e.g. "good-leadership")',
	} );
}

/**
 * A MediaWiki language code as used in `/xx` translation subpages: lower-case, a 2–3 letter
 * primary subtag and optional hyphenated subtags (`en`, `pt-br`, `zh-hans`, `be-tarask`).
 */
export const LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/** Whether `code` has the shape of a MediaWiki language code ({@link LANGUAGE_CODE_PATTERN}). */
export function isLanguageCode( code: string ): boolean {
	return code.length <= 35 && LANGUAGE_CODE_PATTERN.test( code );
}

/** Schema for a language code ({@link isLanguageCode}). */
export function languageCode(): Schema<string> {
	return str( {
		maxLength: 35,
		pattern: LANGUAGE_CODE_PATTERN,
		patternDescription: 'a lower-case MediaWiki language code (e.g. "en", "pt-br")',
	} );
}

/**
 * Canonical names of the namespaces our titles use, keyed by their lower-case form. Only these
 * get their namespace part canonicalised; other prefixes are treated as part of the page name,
 * which is what MediaWiki does with an unknown prefix too. A Map, because the prefix is
 * user text: `constructor:` must not find `Object.prototype.constructor`.
 */
const NAMESPACES = new Map<string, string>();
for ( const ns of [ 'Talk', 'User', 'User talk', 'Project', 'Project talk', 'Meta', 'Meta talk',
	'File', 'File talk', 'MediaWiki', 'MediaWiki talk', 'Template', 'Template talk', 'Help',
	'Help talk', 'Category', 'Category talk', 'Module', 'Module talk' ] ) {
	NAMESPACES.set( ns.toLowerCase(), ns );
}

function upperFirst( text: string ): string {
	// Code points, not code units, so an astral first letter is not split.
	const first = String.fromCodePoint( text.codePointAt( 0 ) ?? 0 );
	return text ? first.toUpperCase() + text.slice( first.length ) : text;
}

function normalizeSpaces( text: string ): string {
	return text.replace( /[_\s]+/g, ' ' ).trim();
}

/**
 * Normalises a page title the way MediaWiki does on a wiki with `$wgCapitalLinks` (Meta):
 * underscores and runs of white space become one space, the ends are trimmed, a known namespace
 * is written canonically and the first letter of the page name is upper-cased. Two spellings of
 * the same page (`talk:foo_bar`, `Talk:Foo bar`) compare equal afterwards.
 */
export function normalizeTitle( title: string ): string {
	const spaced = normalizeSpaces( title );
	const colon = spaced.indexOf( ':' );
	if ( colon > 0 ) {
		const ns = NAMESPACES.get( spaced.slice( 0, colon ).trim().toLowerCase() );
		if ( ns !== undefined ) {
			return `${ ns }:${ upperFirst( spaced.slice( colon + 1 ).trim() ) }`;
		}
	}
	return upperFirst( spaced );
}

/**
 * Splits a normalised title into its canonical namespace (`''` for the main namespace) and the
 * page name.
 */
export function splitNamespace( title: string ): { namespace: string; name: string } {
	const colon = title.indexOf( ':' );
	if ( colon > 0 ) {
		const ns = NAMESPACES.get( title.slice( 0, colon ).toLowerCase() );
		if ( ns !== undefined ) {
			return { namespace: ns, name: title.slice( colon + 1 ) };
		}
	}
	return { namespace: '', name: title };
}

/** Title of the talk page of a (normalised) subject page, as MediaWiki names it. */
export function talkPageOf( title: string ): string {
	const { namespace, name } = splitNamespace( title );
	if ( namespace === '' ) {
		return `Talk:${ name }`;
	}
	if ( / talk$/.test( namespace ) || namespace === 'Talk' ) {
		return title;
	}
	return `${ NAMESPACES.get( `${ namespace.toLowerCase() } talk` ) ?? `${ namespace } talk` }:${ name }`;
}

/**
 * Characters MediaWiki never allows in a title, plus control characters. `%` escapes and HTML
 * entities are refused too, because MediaWiki would decode them into a different title.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const TITLE_INVALID = /[#<>[\]|{}\u0000-\u001f\u007f\ufffd]|%[0-9A-Fa-f]{2}|&[A-Za-z0-9#]+;/;

function utf8Length( text: string ): number {
	// TextEncoder is not in shared/'s ES-only lib; count bytes per code point instead.
	let bytes = 0;
	for ( const ch of text ) {
		const cp = ch.codePointAt( 0 ) ?? 0;
		bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** Why `title` cannot be a page title, or `null` when it can (before normalisation). */
export function titleProblem( title: string ): string | null {
	const normal = normalizeSpaces( title );
	if ( normal === '' ) {
		return 'must not be empty';
	}
	if ( TITLE_INVALID.test( title ) ) {
		return 'contains a character MediaWiki does not allow in titles (# < > [ ] | { }, control characters, %xx or &entities;)';
	}
	if ( /(?:^|\/)\.\.?(?:\/|$)/.test( normal ) || normal.startsWith( ':' ) ) {
		return 'is not a valid title (leading colon or a "." / ".." path segment)';
	}
	// MediaWiki limits titles to 255 bytes of UTF-8.
	if ( utf8Length( normal ) > 255 ) {
		return 'is longer than 255 bytes';
	}
	return null;
}

/**
 * Schema for a page title; the value is returned normalised ({@link normalizeTitle}). With
 * `prefix`, a trailing space (or underscore) is kept as one space, because prefixes are
 * concatenated with a name or number.
 */
export function pageTitle( options: { prefix?: boolean } = {} ): Schema<string> {
	return {
		expected: options.prefix ? 'page title prefix' : 'page title',
		check( value, path, problems ) {
			if ( typeof value !== 'string' ) {
				problems.push( { path, message: `expected a page title (string), got ${ value === null ? 'null' : Array.isArray( value ) ? 'array' : typeof value }` } );
				return undefined;
			}
			const problem = titleProblem( value );
			if ( problem !== null ) {
				problems.push( { path, message: problem } );
				return undefined;
			}
			const normal = normalizeTitle( value );
			// A prefix such as `Talk:Page/Archive ` is followed by a number: keep its final space.
			return options.prefix && /[\s_]$/.test( value ) ? `${ normal } ` : normal;
		},
	};
}

/**
 * Normalises a name as MediaWiki compares page names, without looking for a namespace:
 * underscores and runs of white space become one space, the ends are trimmed and the first
 * letter is upper-cased (`lDWG_feedback__entry` → `LDWG feedback entry`).
 */
export function normalizePageName( name: string ): string {
	return upperFirst( normalizeSpaces( name ) );
}

/**
 * Normalises a user name as MediaWiki does ({@link normalizePageName}) so that `alice`, `Alice`
 * and ` Alice_` all name the same account.
 */
export function normalizeUsername( name: string ): string {
	return normalizePageName( name );
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const USERNAME_INVALID = /[#<>[\]|{}/@:=\u0000-\u001f\u007f\ufffd]/;

/** Schema for a registered user name; the value is returned normalised. */
export function username(): Schema<string> {
	return {
		expected: 'user name',
		check( value, path, problems ) {
			if ( typeof value !== 'string' ) {
				problems.push( { path, message: 'expected a user name (string)' } );
				return undefined;
			}
			const normal = normalizeUsername( value );
			if ( normal === '' ) {
				problems.push( { path, message: 'must not be empty' } );
				return undefined;
			}
			if ( USERNAME_INVALID.test( normal ) || normal.length > 85 ) {
				problems.push( { path, message: 'is not a valid user name (at most 85 characters, none of # < > [ ] | { } / @ : = or control characters)' } );
				return undefined;
			}
			return normal;
		},
	};
}

/** `YYYY-MM-DD`, a calendar date in UTC. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is an existing calendar date written `YYYY-MM-DD`. */
export function isIsoDate( text: string ): boolean {
	const m = ISO_DATE_PATTERN.exec( text );
	if ( !m ) {
		return false;
	}
	const [ y, mo, d ] = [ Number( m[ 1 ] ), Number( m[ 2 ] ), Number( m[ 3 ] ) ];
	const date = new Date( Date.UTC( y, mo - 1, d ) );
	// Date.UTC rolls 2023-02-30 over to March; a real date survives the round trip.
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Schema for an ISO calendar date ({@link isIsoDate}). */
export function isoDate(): Schema<string> {
	return refine( str(), ( value, path, problems ) => {
		if ( !isIsoDate( value ) ) {
			problems.push( { path, message: `must be a date written YYYY-MM-DD, got ${ JSON.stringify( value ) }` } );
		}
	} );
}

/** `YYYY-MM-DDTHH:MM:SSZ`, a UTC timestamp as the MediaWiki API writes it. */
export const ISO_TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;

/** Whether `text` is a UTC timestamp ({@link ISO_TIMESTAMP_PATTERN}) on a real date. */
export function isIsoTimestamp( text: string ): boolean {
	const m = ISO_TIMESTAMP_PATTERN.exec( text );
	return !!m && isIsoDate( m[ 1 ] ?? '' );
}

/** Schema for a UTC timestamp ({@link isIsoTimestamp}). */
export function isoTimestamp(): Schema<string> {
	return refine( str(), ( value, path, problems ) => {
		if ( !isIsoTimestamp( value ) ) {
			problems.push( { path, message: `must be a UTC timestamp written YYYY-MM-DDTHH:MM:SSZ, got ${ JSON.stringify( value ) }` } );
		}
	} );
}

/** The UTC calendar date (`YYYY-MM-DD`) of a Date or of an ISO date/timestamp string. */
export function utcDay( date: Date | string ): string | null {
	if ( typeof date === 'string' ) {
		const day = date.slice( 0, 10 );
		return ( isIsoDate( date ) || isIsoTimestamp( date ) ) ? day : null;
	}
	return Number.isNaN( date.getTime() ) ? null : date.toISOString().slice( 0, 10 );
}

/**
 * Checks a document's `version` before its shape, so that a document written by a newer tool is
 * reported as "unsupported version" instead of as a list of unknown fields.
 *
 * @return `true` when the version is supported (or missing: the structural check reports that).
 */
export function checkVersion(
	document: unknown,
	supported: number,
	name: string,
	path: string,
	problems: Problem[],
): boolean {
	if ( typeof document !== 'object' || document === null || Array.isArray( document ) ) {
		return true;
	}
	const version = ( document as Record<string, unknown> ).version;
	if ( version === undefined || version === supported ) {
		return true;
	}
	problems.push( {
		path: `${ path }.version`,
		message: typeof version === 'number' && Number.isInteger( version ) && version > supported ?
			`${ name } version ${ version } is newer than this tool understands (version ${ supported }); update ldwg-tools` :
			`unsupported ${ name } version ${ JSON.stringify( version ) }; this tool reads version ${ supported }`,
	} );
	return false;
}

/**
 * `schema` with its document's `version` checked first ({@link checkVersion}), so that every
 * contract reports a document from a newer tool the same way.
 */
export function versioned<T>( schema: Schema<T>, supported: number, name: string ): Schema<T> {
	return {
		expected: schema.expected,
		check( value, path, problems ) {
			return checkVersion( value, supported, name, path, problems ) ?
				schema.check( value, path, problems ) :
				undefined;
		},
	};
}
