/**
 * Entry ids: `YYYYMMDD-HHMMSS-xxxxxx` (UTC time of writing, then a random suffix of lower-case
 * letters and digits), e.g. `20261129-142233-k3f9q2`. They sort by time as plain strings, are
 * safe in URLs, HTML ids and template parameters as they are, and two readers saving in the same
 * second collide with a chance of about one in two billion. The bot finds an entry's author by
 * searching page history for its id, so an id must never be reused.
 *
 * @packageDocumentation
 */

/**
 * Shape of an entry id. The suffix may be 1–32 characters so that hand-written entries (the
 * no-JavaScript form substitutes `{{subst:#time:Ymd-His}}-nojs`) are valid too; the gadget
 * always writes {@link ENTRY_ID_SUFFIX_LENGTH} random characters.
 */
export const ENTRY_ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([0-9a-z]{1,32})$/;

/** Length of the random suffix of generated ids. */
export const ENTRY_ID_SUFFIX_LENGTH = 6;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Prefix of the HTML id the entry template gives each entry (`#ldwg-entry-<id>`). */
export const ENTRY_ANCHOR_PREFIX = 'ldwg-entry-';

/**
 * Whether `id` is a well-formed entry id: the pattern, and a time that exists (month 01–12,
 * day valid for the month, hour 00–23, minute 00–59, second 00–60 for leap seconds).
 */
export function isEntryId( id: string ): boolean {
	return entryIdTime( id ) !== null;
}

/**
 * The UTC time encoded in an entry id, or `null` when `id` is not a well-formed entry id.
 * A leap second (`60`) reads as the next minute's first second.
 */
export function entryIdTime( id: string ): Date | null {
	const m = ENTRY_ID_PATTERN.exec( id );
	if ( !m ) {
		return null;
	}
	const [ y, mo, d, h, mi, s ] = m.slice( 1, 7 ).map( Number ) as
		[ number, number, number, number, number, number ];
	if ( mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60 ) {
		return null;
	}
	const date = new Date( Date.UTC( y, mo - 1, d, h, mi, s ) );
	// Date.UTC rolls 30 February over to March; a real day survives the round trip.
	if ( date.getUTCDate() !== d && !( s === 60 && date.getUTCSeconds() === 0 ) ) {
		return null;
	}
	return date;
}

function pad( n: number, width: number ): string {
	return String( n ).padStart( width, '0' );
}

/**
 * Makes a new entry id. Pure: the caller passes the time and the random source, so tests are
 * deterministic and the gadget can use `crypto.getRandomValues`.
 *
 * @param now Time of writing (read in UTC).
 * @param random Returns numbers in [0, 1), like `Math.random`; values outside are clamped.
 */
export function newEntryId( now: Date, random: () => number ): string {
	let suffix = '';
	for ( let i = 0; i < ENTRY_ID_SUFFIX_LENGTH; i++ ) {
		const r = random();
		const index = Number.isFinite( r ) ?
			Math.min( ALPHABET.length - 1, Math.max( 0, Math.floor( r * ALPHABET.length ) ) ) :
			0;
		suffix += ALPHABET[ index ];
	}
	const time = Number.isNaN( now.getTime() ) ? new Date( 0 ) : now;
	return `${ pad( time.getUTCFullYear(), 4 ) }${ pad( time.getUTCMonth() + 1, 2 ) }${ pad( time.getUTCDate(), 2 ) }` +
		`-${ pad( time.getUTCHours(), 2 ) }${ pad( time.getUTCMinutes(), 2 ) }${ pad( time.getUTCSeconds(), 2 ) }-${ suffix }`;
}

/** HTML id of an entry on the rendered talk page, for links such as `Talk:Draft#<anchor>`. */
export function entryAnchor( id: string ): string {
	return ENTRY_ANCHOR_PREFIX + id;
}
