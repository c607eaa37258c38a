/**
 * The status of a feedback entry: the fields the working group sets on an entry (`status`,
 * `statusNote`) and how the bot turns what it observed into the status it counts.
 *
 * Who set a status is not written in the entry: the bot derives it from page history (the user
 * of the revision that changed the field). Only working-group members may set a status; a
 * status set by anyone else is ignored and flagged.
 *
 * @packageDocumentation
 */
import { object, oneOf, optional, str, validate, type Problem, type Result, type Schema } from '../validate.ts';

/** Statuses the working group can set on an entry, `open` being the default. */
export const STATUSES = [ 'open', 'accepted', 'declined' ] as const;

/** A status the working group can set. */
export type Status = typeof STATUSES[number];

/**
 * Every status the summary counts: the settable ones plus `withdrawn`, which nobody sets — the
 * bot derives it when an entry's own author removed it.
 */
export const EFFECTIVE_STATUSES = [ ...STATUSES, 'withdrawn' ] as const;

/** A status as counted in the summary. */
export type EffectiveStatus = typeof EFFECTIVE_STATUSES[number];

/**
 * Longest status note, in UTF-16 code units. A fixed contract value rather than configuration,
 * because the entry codec that reads and writes the note takes no configuration.
 */
export const STATUS_NOTE_MAX_LENGTH = 1000;

/** The status fields stored in an entry. */
export interface StatusFields {
	/** Decision of the working group; `open` until a member decides. */
	status: Status;
	/** Reason for the decision, plain text (may be empty). */
	statusNote: string;
}

/** Schema of {@link StatusFields}; missing fields take their defaults (`open`, empty note). */
export const statusFieldsSchema: Schema<StatusFields> = object( {
	status: optional( oneOf( STATUSES ), 'open' ),
	statusNote: optional( str( { maxLength: STATUS_NOTE_MAX_LENGTH } ), '' ),
} );

/** Validates status fields (e.g. from a form or a JSON document). Never throws. */
export function parseStatusFields( value: unknown ): Result<StatusFields> {
	return validate( statusFieldsSchema, value );
}

/** Whether `value` is a status the working group can set. */
export function isStatus( value: unknown ): value is Status {
	return ( STATUSES as readonly unknown[] ).includes( value );
}

/**
 * Reads the raw status parameters of an entry as found on a talk page, tolerantly: an empty or
 * missing status is `open`; an unknown one is reported and read as `open` (the entry is kept,
 * the problem is shown to the working group); an over-long note is kept whole and reported.
 * Never throws.
 */
export function readStatus(
	rawStatus: string | undefined,
	rawNote: string | undefined,
): { fields: StatusFields; problems: Problem[] } {
	const problems: Problem[] = [];
	const trimmed = ( rawStatus ?? '' ).trim().toLowerCase();
	let status: Status = 'open';
	if ( isStatus( trimmed ) ) {
		status = trimmed;
	} else if ( trimmed !== '' ) {
		problems.push( { path: '$.status', message: `unknown status ${ JSON.stringify( rawStatus ) } (expected one of ${ STATUSES.join( ', ' ) }); read as open` } );
	}
	const statusNote = rawNote ?? '';
	if ( statusNote.length > STATUS_NOTE_MAX_LENGTH ) {
		problems.push( { path: '$.statusNote', message: `is longer than ${ STATUS_NOTE_MAX_LENGTH } characters` } );
	}
	return { fields: { status, statusNote }, problems };
}

/** What the bot observed about an entry's status in page history. */
export interface ObservedStatus {
	/** The status fields in the entry's latest text. */
	fields: StatusFields;
	/**
	 * User of the revision that last changed `status` or `statusNote` (`null` when the fields
	 * were never changed after the entry was posted, or the user is hidden by revision deletion).
	 */
	setBy: string | null;
	/** Whether the entry's own author removed it from the talk page (withdrawal). */
	withdrawnByAuthor: boolean;
}

/** The status the summary counts for one entry, with its provenance. */
export interface ResolvedStatus {
	/** Status counted. */
	status: EffectiveStatus;
	/** Note shown with it (empty when the status was ignored). */
	note: string;
	/** Member who set it; `null` for `open` and `withdrawn`. */
	setBy: string | null;
	/** True when a non-member (or an unknown user) set a status, which was therefore ignored. */
	setByNonMember: boolean;
}

/**
 * Decides the status to count for an entry. Withdrawal by the author wins; a status other than
 * `open` counts only when a working-group member set it (a status present in the entry's first
 * revision was set by the poster, so `setBy` is `null` and it is ignored too).
 *
 * @param observed What history showed about the entry's status.
 * @param isMember Tells whether a user name belongs to a working-group member (see `isMember`
 *   in the configuration contract).
 */
export function resolveStatus(
	observed: ObservedStatus,
	isMember: ( user: string ) => boolean,
): ResolvedStatus {
	if ( observed.withdrawnByAuthor ) {
		return { status: 'withdrawn', note: '', setBy: null, setByNonMember: false };
	}
	const { status, statusNote } = observed.fields;
	if ( status === 'open' && statusNote === '' ) {
		return { status: 'open', note: '', setBy: null, setByNonMember: false };
	}
	if ( observed.setBy !== null && isMember( observed.setBy ) ) {
		return { status, note: statusNote, setBy: observed.setBy, setByNonMember: false };
	}
	return { status: 'open', note: '', setBy: null, setByNonMember: true };
}
