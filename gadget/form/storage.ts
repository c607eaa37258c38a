/**
 * What the form keeps in the reader's browser (`mw.storage`, i.e. localStorage, which silently
 * does nothing when storage is unavailable): the text being written, per page and section, so it
 * survives a reload; and the region and language chosen last, for the next section.
 *
 * @packageDocumentation
 */
import { isEntryId } from '../../shared/entry/ids.ts';
import type { FormValues } from './state.ts';

/** Local drafts expire after 30 days (seconds, as mw.storage counts). */
const DRAFT_EXPIRY = 30 * 24 * 60 * 60;

/** Remembered choices expire after a year. */
const PREFS_EXPIRY = 365 * 24 * 60 * 60;

const PREFS_KEY = 'ldwg-form-prefs';

/**
 * A local draft: the values, and the id of an entry whose save may already have reached the wiki.
 */
export interface StoredDraft {
	/** What the reader chose and typed. */
	values: FormValues;
	/**
	 * Entry id used by the last save attempt, kept so that a retry after a reload still checks
	 * the talk page for it instead of saving a second copy.
	 */
	entryId?: string;
	/** Whether that attempt may have reached the wiki (network failure, conflict). */
	mayExist?: boolean;
}

/** Storage key of the draft for one section of one page. */
export function draftKey( title: string, sectionId: string ): string {
	return `ldwg-form-draft:${ title }#${ sectionId }`;
}

/** The stored draft, or `null` (nothing stored, expired, or unreadable). */
export function loadDraft( key: string ): StoredDraft | null {
	const stored: unknown = mw.storage.getObject( key );
	if ( typeof stored !== 'object' || stored === null ) {
		return null;
	}
	const draft = stored as Partial<StoredDraft>;
	if ( typeof draft.values !== 'object' || draft.values === null ) {
		return null;
	}
	return {
		values: draft.values,
		// Storage is shared with every script on the wiki and with older versions of the gadget:
		// an id that is not an entry id would make every preview and publish of this section
		// throw (the codec refuses it) until the draft expires. A new id is drawn instead.
		entryId: typeof draft.entryId === 'string' && isEntryId( draft.entryId ) ?
			draft.entryId : undefined,
		mayExist: draft.mayExist === true,
	};
}

/** Stores the draft (best effort: a full or disabled storage only loses the convenience). */
export function storeDraft( key: string, draft: StoredDraft ): void {
	mw.storage.setObject( key, draft, DRAFT_EXPIRY );
}

/** Forgets the draft (after a successful save). */
export function clearDraft( key: string ): void {
	mw.storage.remove( key );
}

/** Region and language chosen last time. */
export interface RememberedChoices {
	/** Region id or `''` for "prefer not to say". */
	region?: string;
	/** Language code. */
	language?: string;
}

/** The remembered region and language. */
export function loadChoices(): RememberedChoices {
	const stored: unknown = mw.storage.getObject( PREFS_KEY );
	if ( typeof stored !== 'object' || stored === null ) {
		return {};
	}
	const s = stored as Record<string, unknown>;
	return {
		region: typeof s.region === 'string' ? s.region : undefined,
		language: typeof s.language === 'string' ? s.language : undefined,
	};
}

/** Remembers region and language for the next section. */
export function storeChoices( choices: RememberedChoices ): void {
	mw.storage.setObject( PREFS_KEY, choices, PREFS_EXPIRY );
}
