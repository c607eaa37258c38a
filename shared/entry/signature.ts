/**
 * Reads the signature after an entry: which user the links in it name. The bot never believes
 * it (the author comes from page history); it compares the two to flag forged signatures.
 *
 * A signature is what `~~~~` produces — `[[User:Alice|Alice]] ([[User talk:Alice|talk]])
 * 14:22, 29 November 2026 (UTC)` — or a custom one that links the user page, the user talk page
 * or, for IP addresses and temporary accounts, `Special:Contributions/<name>`. As in
 * DiscussionTools, the last such link before the timestamp names the signer.
 *
 * @packageDocumentation
 */
import { normalizeUsername } from '../contracts/common.ts';
import { decodeText } from './escape.ts';

/** Namespace and special-page names recognised in signature links (localised aliases). */
export interface SignatureNames {
	/** Names of the User namespace, e.g. `User`, `Utilisateur`, `Utilisatrice` (default `User`). */
	user?: readonly string[];
	/** Names of the User talk namespace (default `User talk`). */
	userTalk?: readonly string[];
	/** Names of the Special namespace (default `Special`). */
	special?: readonly string[];
	/** Names of Special:Contributions (default `Contributions`, `Contribs`). */
	contributions?: readonly string[];
	/**
	 * Pattern of a signature's timestamp; links after it are not part of the signature
	 * (default: MediaWiki's English `14:22, 29 November 2026 (UTC)`).
	 */
	timestamp?: RegExp;
}

/** How a signature link named its user. */
export type SignatureLinkKind = 'user' | 'user-talk' | 'contributions';

/** The signature found after an entry. */
export interface Signature {
	/** User it names: the last user link before the timestamp (normalised, e.g. `Alice`). */
	user: string;
	/** Kind of link that named {@link user}. */
	kind: SignatureLinkKind;
	/** Every distinct user linked in the signature, in order. */
	users: string[];
	/** The timestamp text, when one was recognised. */
	timestamp: string | null;
	/** 1-based line of the signature. */
	line: number;
}

const DEFAULT_TIMESTAMP = /\d{1,2}:\d{2}, \d{1,2} [A-Za-z]+ \d{4} \(UTC\)/;

function key( name: string ): string {
	return name.replace( /[_\s]+/g, ' ' ).trim().toLowerCase();
}

function keys( names: readonly string[] | undefined, fallback: readonly string[] ): Set<string> {
	return new Set( ( names ?? fallback ).map( key ) );
}

/**
 * The user a link target names, or `null`: `User:X`, `User talk:X` (not their subpages) and
 * `Special:Contributions/X`, with any case of the namespace, underscores, entities and
 * percent-encoding. IPv6 addresses are upper-cased as MediaWiki stores them.
 */
export function userFromLinkTarget(
	target: string,
	names: SignatureNames = {},
): { user: string; kind: SignatureLinkKind } | null {
	let t = decodeText( target );
	try {
		t = decodeURIComponent( t );
	} catch {
		// Not percent-encoded after all (a literal %): keep it as written.
	}
	t = t.replace( /^\s*:/, '' ).split( '#' )[ 0 ] ?? '';
	const colon = t.indexOf( ':' );
	if ( colon <= 0 ) {
		return null;
	}
	const ns = key( t.slice( 0, colon ) );
	const rest = t.slice( colon + 1 ).replace( /[_\s]+/g, ' ' ).trim();
	let kind: SignatureLinkKind;
	let name: string;
	if ( keys( names.user, [ 'User' ] ).has( ns ) ) {
		kind = 'user';
		name = rest;
	} else if ( keys( names.userTalk, [ 'User talk' ] ).has( ns ) ) {
		kind = 'user-talk';
		name = rest;
	} else if ( keys( names.special, [ 'Special' ] ).has( ns ) ) {
		const slash = rest.indexOf( '/' );
		if ( slash <= 0 ||
			!keys( names.contributions, [ 'Contributions', 'Contribs' ] ).has( key( rest.slice( 0, slash ) ) ) ) {
			return null;
		}
		kind = 'contributions';
		name = rest.slice( slash + 1 ).trim();
	} else {
		return null;
	}
	// A link to a subpage (`User:Alice/Sandbox`) is not a signature link.
	if ( name === '' || ( kind !== 'contributions' && name.includes( '/' ) ) ) {
		return null;
	}
	const user = /^[0-9a-f:]+$/i.test( name ) && name.includes( ':' ) ?
		name.toUpperCase() :
		normalizeUsername( name );
	return { user, kind };
}

/** Finds the signature in one piece of text (a line or the rest of one). */
function signatureIn(
	text: string,
	line: number,
	names: SignatureNames,
): Signature | null {
	const stamp = ( names.timestamp ?? DEFAULT_TIMESTAMP ).exec( text );
	const region = stamp ? text.slice( 0, stamp.index ) : text;
	const users: string[] = [];
	let last: { user: string; kind: SignatureLinkKind } | null = null;
	const link = /\[\[([^[\]|\n]*)(?:\|[^\n]*?)?\]\]/g;
	for ( let m = link.exec( region ); m; m = link.exec( region ) ) {
		const found = userFromLinkTarget( m[ 1 ] ?? '', names );
		if ( found ) {
			last = found;
			if ( !users.includes( found.user ) ) {
				users.push( found.user );
			}
		}
	}
	if ( !last ) {
		return null;
	}
	return { user: last.user, kind: last.kind, users, timestamp: stamp ? stamp[ 0 ] : null, line };
}

/**
 * Finds the signature that follows an entry: on the rest of the entry's last line, or, when that
 * has none, on the next line if it is a plain line (not blank, not indented, not a heading, not
 * another call) — hand-written entries often put `~~~~` on the line after `}}`. Replies are
 * indented, so their signatures are never taken for the entry's.
 *
 * @param text Page text.
 * @param from Offset just past the entry's closing `}}`.
 * @param line 1-based line number of offset `from`.
 */
export function findSignature(
	text: string,
	from: number,
	line: number,
	names: SignatureNames = {},
): Signature | null {
	const eol = text.indexOf( '\n', from );
	const rest = text.slice( from, eol === -1 ? text.length : eol );
	const same = signatureIn( rest, line, names );
	if ( same || eol === -1 || ( names.timestamp ?? DEFAULT_TIMESTAMP ).test( rest ) ) {
		return same;
	}
	const nextEnd = text.indexOf( '\n', eol + 1 );
	const next = text.slice( eol + 1, nextEnd === -1 ? text.length : nextEnd );
	if ( next.trim() === '' || /^\s*(?:[:*#;=!|]|\{\{|\{\|)/.test( next ) ) {
		return null;
	}
	return signatureIn( next, line + 1, names );
}
