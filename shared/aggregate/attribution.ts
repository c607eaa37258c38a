/**
 * Attribution from page history: who wrote each feedback entry, and what happened to it since.
 *
 * The engine is a deterministic state machine fed with revisions in revision-id order (ids are
 * global and increasing, so revisions of the talk pages and of their archives interleave
 * correctly). Its whole state is plain JSON, so the bot can save it as a checkpoint and resume
 * from the next revision: replaying the complete history from an empty state and resuming from a
 * saved state give the same result, which is what makes the cache disposable.
 *
 * The author of an entry is the user of the first revision whose text contains its id — never the
 * name in the signature, which anyone can type.
 *
 * @packageDocumentation
 */
import { normaliseUserName } from '../bots-template.ts';
import { STATUSES, type Status } from '../contracts/status.ts';

/** The fields of an entry the aggregation needs (a projection of the codec's entry). */
export interface EntryData {
	/** Draft section id. */
	section: string;
	/** Stance id, or '' when none was given. */
	stance: string;
	/** Rubric answers by question id: a score, or null for "no opinion" (unanswered: absent). */
	rubric: Record<string, number | null>;
	/** Region id, or ''. */
	region: string;
	/** Language code the feedback was given in, or ''. */
	lang: string;
	/** Free-text comment (decoded). */
	comment: string;
	/** Suggested wording (decoded), or ''. */
	wording: string;
	/** Page the reader was viewing (e.g. a translation). */
	page: string;
	/** Page revision the feedback was given on (0 when unknown). */
	rev: number;
}

/** Working-group status of an entry (the status contract's settable statuses). */
export type StatusValue = Status;

/** One entry as parsed from one revision's text. */
export interface EntrySnapshot {
	/** Entry id. */
	id: string;
	/** Content fields (everything but the status). */
	data: EntryData;
	/** Status field as written in the text. */
	status: StatusValue;
	/** Status note as written in the text. */
	statusNote: string;
	/** User named by the signature after the entry, or null when there is none. */
	signatureUser: string | null;
}

/** One revision of a watched page, as read from the API. */
export interface RevisionInput {
	/** Revision id. */
	revid: number;
	/** Page title. */
	title: string;
	/** ISO 8601 timestamp. */
	timestamp: string;
	/** User name or IP address; null when revision-deleted (`userhidden`). */
	user: string | null;
	/** True for IP (logged-out) and temporary-account edits. */
	anon: boolean;
	/** Entries parsed from the text; null when the text is revision-deleted (`texthidden`). */
	entries: EntrySnapshot[] | null;
}

/** Who made a revision. */
export interface Actor {
	/** Normalised user name or IP; null when hidden. */
	name: string | null;
	/** Logged-out edit. */
	anon: boolean;
}

/** Status as the working group set it. */
export interface StatusRecord {
	value: StatusValue;
	note: string;
	/** Who set it (null for the initial "open"). */
	by: string | null;
	revid: number;
	timestamp: string;
}

/** A status change that was ignored because a non-member made it. */
export interface IgnoredStatus {
	value: StatusValue;
	note: string;
	by: string | null;
	revid: number;
	timestamp: string;
}

/** A change to an entry's content by someone other than its author. */
export interface ForeignEdit {
	by: string | null;
	revid: number;
	timestamp: string;
}

/** Everything known about one entry id. */
export interface EntryRecord {
	id: string;
	/** Page where the id first appeared. */
	firstTitle: string;
	author: Actor;
	firstRevid: number;
	firstTimestamp: string;
	/** Content when first seen. */
	original: EntryData;
	/** Content in the latest revision that had the entry. */
	latest: EntryData;
	/** Signature user when first seen (normalised), or null. */
	signatureUser: string | null;
	/** The signature names someone other than the author. */
	forged: boolean;
	/** Content changes by users other than the author. */
	foreignEdits: ForeignEdit[];
	/** Pages currently containing the id (sorted). */
	presentOn: string[];
	/** Set when no watched page contains the id any more. */
	removal: { by: string | null; revid: number; timestamp: string; withdrawn: boolean } | null;
	/** Present only on archive pages now. */
	archived: boolean;
	/** Effective status (member changes only). */
	status: StatusRecord;
	/** Status changes made by non-members, ignored. */
	ignoredStatus: IgnoredStatus[];
	/**
	 * The first visible revision with the id followed revision-deleted text, so an earlier
	 * hidden revision may be the true origin.
	 */
	uncertain: boolean;
	/**
	 * Fingerprint of the status fields as last written in any page's text (a move to an
	 * archive copies them and must not count as a status change).
	 */
	textStatus: string;
}

/** Per-page checkpoint. */
export interface PageCheckpoint {
	/** Last revision applied. */
	lastRevid: number;
	/** Its timestamp. */
	lastTimestamp: string;
	/** Entries present in that revision: id → status fingerprint and content fingerprint. */
	present: Record<string, { content: string; status: string }>;
	/** The last applied revision's text was hidden (the next visible one is uncertain). */
	hiddenBefore: boolean;
}

/** The engine's whole state (plain JSON). */
export interface AttributionState {
	version: 1;
	pages: Record<string, PageCheckpoint>;
	entries: Record<string, EntryRecord>;
	/** Duplicate ids seen on two non-archive pages at once, for the problems list. */
	duplicates: string[];
}

/** What the engine needs to know about the watched pages and the working group. */
export interface AttributionOptions {
	/** True for archive pages (entries there are archived, not live). */
	isArchive( title: string ): boolean;
	/** True when the (normalised) user is a working-group member. */
	isMember( user: string ): boolean;
}

/** A fresh, empty state. */
export function emptyState(): AttributionState {
	return { version: 1, pages: {}, entries: {}, duplicates: [] };
}

type Loose = Record<string, unknown>;

function isObject( value: unknown ): value is Loose {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function isStringOrNull( value: unknown ): boolean {
	return value === null || typeof value === 'string';
}

function isStatusValue( value: unknown ): boolean {
	return ( STATUSES as readonly unknown[] ).includes( value );
}

function isChange( value: unknown ): boolean {
	return isObject( value ) && isStringOrNull( value.by ) &&
		typeof value.revid === 'number' && typeof value.timestamp === 'string';
}

function isEntryData( value: unknown ): boolean {
	return isObject( value ) && isObject( value.rubric ) && typeof value.rev === 'number' &&
		[ 'section', 'stance', 'region', 'lang', 'comment', 'wording', 'page' ]
			.every( ( k ) => typeof value[ k ] === 'string' );
}

function isCheckpoint( value: unknown ): boolean {
	return isObject( value ) && typeof value.lastRevid === 'number' &&
		typeof value.lastTimestamp === 'string' && typeof value.hiddenBefore === 'boolean' &&
		isObject( value.present ) && Object.values( value.present ).every( ( p ) => isObject( p ) &&
			typeof p.content === 'string' && typeof p.status === 'string' );
}

function isRecord( id: string, r: unknown ): boolean {
	if ( !isObject( r ) || r.id !== id || !isObject( r.author ) || !isObject( r.status ) ) {
		return false;
	}
	const removal = r.removal;
	return typeof r.firstTitle === 'string' && isStringOrNull( r.author.name ) &&
		typeof r.author.anon === 'boolean' && typeof r.firstRevid === 'number' &&
		typeof r.firstTimestamp === 'string' && isEntryData( r.original ) &&
		isEntryData( r.latest ) && isStringOrNull( r.signatureUser ) &&
		typeof r.forged === 'boolean' && Array.isArray( r.foreignEdits ) &&
		r.foreignEdits.every( isChange ) &&
		Array.isArray( r.presentOn ) && r.presentOn.every( ( t ) => typeof t === 'string' ) &&
		( removal === null || ( isChange( removal ) && isObject( removal ) &&
			typeof removal.withdrawn === 'boolean' ) ) &&
		typeof r.archived === 'boolean' && isChange( r.status ) &&
		isStatusValue( r.status.value ) && typeof r.status.note === 'string' &&
		Array.isArray( r.ignoredStatus ) && r.ignoredStatus.every( ( s ) => isChange( s ) &&
			isObject( s ) && isStatusValue( s.value ) && typeof s.note === 'string' ) &&
		typeof r.uncertain === 'boolean' && typeof r.textStatus === 'string';
}

/**
 * Whether a value read back from the cache file is a whole, usable state. The bot replays new
 * revisions onto it, so a file that parses but lost a field would make every later run fail
 * (`docs/bot.md`, State: a corrupted cache is rebuilt from history, never trusted half-way).
 */
export function isAttributionState( value: unknown ): value is AttributionState {
	if ( !isObject( value ) || value.version !== 1 || !isObject( value.pages ) ||
		!isObject( value.entries ) || !Array.isArray( value.duplicates ) ) {
		return false;
	}
	const entries = value.entries;
	return Object.values( value.pages ).every( isCheckpoint ) &&
		Object.keys( entries ).every( ( id ) => isRecord( id, entries[ id ] ) ) &&
		value.duplicates.every( ( d ) => typeof d === 'string' );
}

/** Canonical JSON with sorted keys, used as a fingerprint of entry content. */
function fingerprint( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return '[' + value.map( fingerprint ).join( ',' ) + ']';
	}
	if ( value && typeof value === 'object' ) {
		const obj = value as Record<string, unknown>;
		return '{' + Object.keys( obj ).sort().map( ( k ) => JSON.stringify( k ) + ':' + fingerprint( obj[ k ] ) ).join( ',' ) + '}';
	}
	return JSON.stringify( value );
}

function actorOf( rev: RevisionInput ): Actor {
	return { name: rev.user === null ? null : normaliseUserName( rev.user ), anon: rev.anon };
}

function sameUser( a: string | null, b: string | null ): boolean {
	return a !== null && b !== null && a === b;
}

/**
 * Applies one revision to the state (mutating it). Revisions of a page at or before its
 * checkpoint are ignored, so overlapping reads are harmless.
 *
 * @return false when the revision was already applied
 */
export function applyRevision(
	state: AttributionState,
	rev: RevisionInput,
	options: AttributionOptions,
): boolean {
	const page = state.pages[ rev.title ] || {
		lastRevid: 0, lastTimestamp: '', present: {}, hiddenBefore: false,
	};
	if ( rev.revid <= page.lastRevid ) {
		return false;
	}
	state.pages[ rev.title ] = page;
	page.lastRevid = rev.revid;
	page.lastTimestamp = rev.timestamp;
	if ( rev.entries === null ) {
		// Text revision-deleted: we cannot tell what changed, so keep the previous picture and
		// mark the next visible revision's new ids as uncertain.
		page.hiddenBefore = true;
		return true;
	}
	const actor = actorOf( rev );
	const seen: Record<string, { content: string; status: string }> = {};
	for ( const snap of rev.entries ) {
		if ( seen[ snap.id ] ) {
			// The same id twice on one page: the first occurrence counts.
			continue;
		}
		const content = fingerprint( snap.data );
		const status = fingerprint( [ snap.status, snap.statusNote ] );
		seen[ snap.id ] = { content, status };
		const before = page.present[ snap.id ];
		let record = state.entries[ snap.id ];
		if ( !record ) {
			record = newRecord( rev, snap, actor, page.hiddenBefore );
			state.entries[ snap.id ] = record;
		} else {
			if ( !before ) {
				addPresence( state, record, rev.title, options );
				if ( record.removal ) {
					// Restored (a revert) or moved after the removal: no longer removed.
					record.removal = null;
				}
			}
			const previousContent = before ? before.content : fingerprint( record.latest );
			if ( content !== previousContent ) {
				if ( !sameUser( actor.name, record.author.name ) ) {
					record.foreignEdits.push( {
						by: actor.name, revid: rev.revid, timestamp: rev.timestamp,
					} );
				}
				record.latest = snap.data;
			}
			const previousStatus = before ? before.status : record.textStatus;
			if ( status !== previousStatus ) {
				applyStatus( record, snap, actor, rev, options );
			}
			record.textStatus = status;
		}
		if ( !before && !record.presentOn.includes( rev.title ) ) {
			addPresence( state, record, rev.title, options );
		}
	}
	for ( const id of Object.keys( page.present ) ) {
		if ( seen[ id ] ) {
			continue;
		}
		const record = state.entries[ id ];
		if ( !record ) {
			continue;
		}
		record.presentOn = record.presentOn.filter( ( t ) => t !== rev.title );
		if ( !record.presentOn.length ) {
			record.removal = {
				by: actor.name,
				revid: rev.revid,
				timestamp: rev.timestamp,
				withdrawn: sameUser( actor.name, record.author.name ),
			};
		}
		record.archived = isArchivedNow( record, options );
	}
	page.present = seen;
	page.hiddenBefore = false;
	return true;
}

/** An entry id live on more than one talk page at once (see {@link liveDuplicates}). */
export interface LiveDuplicate {
	id: string;
	/** The non-archive pages it is on, sorted. */
	pages: string[];
}

/**
 * Entry ids that are on two or more non-archive pages at once. One id names one entry, so the
 * engine keeps one record for them: the first writer is its author and the other copy counts as
 * an edit by its writer (flag `editedByOthers`). That is right for an entry copied by hand, and
 * wrong for two entries that happen to share an id (two no-JavaScript entries saved in the same
 * second, whose ids are only the time): either way people have to look, so the bot reports
 * them (`collect` warns, `status` lists them).
 */
export function liveDuplicates(
	state: AttributionState, isArchive: ( title: string ) => boolean,
): LiveDuplicate[] {
	const found: LiveDuplicate[] = [];
	for ( const id of state.duplicates ) {
		const record = state.entries[ id ];
		const pages = record ? record.presentOn.filter( ( t ) => !isArchive( t ) ) : [];
		if ( pages.length > 1 ) {
			found.push( { id, pages } );
		}
	}
	return found;
}

function isArchivedNow( record: EntryRecord, options: AttributionOptions ): boolean {
	const on = record.presentOn;
	return on.length > 0 && on.every( ( t ) => options.isArchive( t ) );
}

function addPresence(
	state: AttributionState,
	record: EntryRecord,
	title: string,
	options: AttributionOptions,
): void {
	if ( !record.presentOn.includes( title ) ) {
		record.presentOn = record.presentOn.concat( title ).sort();
	}
	const live = record.presentOn.filter( ( t ) => !options.isArchive( t ) );
	if ( live.length > 1 && !state.duplicates.includes( record.id ) ) {
		state.duplicates.push( record.id );
		state.duplicates.sort();
	}
	record.archived = isArchivedNow( record, options );
}

function newRecord(
	rev: RevisionInput,
	snap: EntrySnapshot,
	actor: Actor,
	uncertain: boolean,
): EntryRecord {
	const signatureUser = snap.signatureUser === null ?
		null :
		normaliseUserName( snap.signatureUser );
	const record: EntryRecord = {
		id: snap.id,
		firstTitle: rev.title,
		author: actor,
		firstRevid: rev.revid,
		firstTimestamp: rev.timestamp,
		original: snap.data,
		latest: snap.data,
		signatureUser,
		forged: signatureUser !== null && actor.name !== null && signatureUser !== actor.name,
		foreignEdits: [],
		presentOn: [],
		removal: null,
		archived: false,
		status: { value: 'open', note: '', by: null, revid: rev.revid, timestamp: rev.timestamp },
		ignoredStatus: [],
		uncertain,
		textStatus: fingerprint( [ snap.status, snap.statusNote ] ),
	};
	if ( snap.status !== 'open' || snap.statusNote !== '' ) {
		// An entry posted with a status already set: the status contract says the poster's own
		// status never counts (a decision is a later act by a member), so it is ignored and shown.
		record.ignoredStatus.push( {
			value: snap.status, note: snap.statusNote, by: actor.name,
			revid: rev.revid, timestamp: rev.timestamp,
		} );
	}
	return record;
}

function applyStatus(
	record: EntryRecord,
	snap: EntrySnapshot,
	actor: Actor,
	rev: RevisionInput,
	options: AttributionOptions,
): void {
	const change = {
		value: snap.status, note: snap.statusNote, by: actor.name,
		revid: rev.revid, timestamp: rev.timestamp,
	};
	if ( actor.name !== null && !actor.anon && options.isMember( actor.name ) ) {
		record.status = change;
	} else if ( snap.status !== record.status.value || snap.statusNote !== record.status.note ) {
		record.ignoredStatus.push( change );
	}
}

/**
 * Applies revisions in revision-id order (sorting a copy first).
 *
 * @return the number of revisions applied (already-applied ones are skipped)
 */
export function applyRevisions(
	state: AttributionState,
	revisions: readonly RevisionInput[],
	options: AttributionOptions,
): number {
	let applied = 0;
	for ( const rev of [ ...revisions ].sort( ( a, b ) => a.revid - b.revid ) ) {
		if ( applyRevision( state, rev, options ) ) {
			applied++;
		}
	}
	return applied;
}

/** The flags the working group sees for an entry. */
export interface EntryFlags {
	forged: boolean;
	editedByOthers: boolean;
	removed: boolean;
	withdrawn: boolean;
	archived: boolean;
	statusByNonMember: boolean;
	uncertain: boolean;
}

/** Derives an entry's flags from its record. */
export function flagsOf( record: EntryRecord ): EntryFlags {
	return {
		forged: record.forged,
		editedByOthers: record.foreignEdits.length > 0,
		removed: record.removal !== null && !record.removal.withdrawn,
		withdrawn: record.removal !== null && record.removal.withdrawn,
		archived: record.archived,
		statusByNonMember: record.ignoredStatus.length > 0,
		uncertain: record.uncertain,
	};
}
