/**
 * Preview and save of one feedback entry through the Action API, with the exactly-once rule:
 * whenever a previous attempt may have reached the wiki (network failure, edit conflict), the
 * talk page is read and searched for the entry's id before anything is posted again.
 *
 * Talks to the wiki through {@link ApiTransport}, not `mw.Api` directly, so unit tests can inject
 * every failure; `transport.ts` adapts `mw.Api`.
 *
 * @packageDocumentation
 */
import { captchaFailure, describeFailure, NO_ANSWER, type SaveFailure } from './errors.ts';

/** Parameters of an API request (mw.Api style: arrays are joined with `|` by the transport). */
export type ApiParams = Record<string, string | number | boolean | undefined>;

/** A rejected API call: the error code (`http` for network failures) and the response. */
export interface ApiFailure {
	/** Marks the object as an API failure (rejections can be anything else too). */
	apiFailure: true;
	/** Error code from the API, or `http`. */
	code: string;
	/** The response (API error body, or mw.Api's `{ xhr, textStatus }`). */
	response: unknown;
}

/** Makes an {@link ApiFailure}. */
export function apiFailure( code: string, response?: unknown ): ApiFailure {
	return { apiFailure: true, code, response };
}

/** Whether a rejection reason is an {@link ApiFailure}. */
export function isApiFailure( value: unknown ): value is ApiFailure {
	return typeof value === 'object' && value !== null &&
		( value as Partial<ApiFailure> ).apiFailure === true;
}

/** The four API operations the form needs; every rejection is an {@link ApiFailure}. */
export interface ApiTransport {
	/** GET request. */
	get( params: ApiParams ): Promise<unknown>;
	/** POST request (no token added). */
	post( params: ApiParams ): Promise<unknown>;
	/** A CSRF token (cached by the transport). */
	getToken(): Promise<string>;
	/** Forgets the cached CSRF token after a `badtoken` error. */
	badToken(): void;
}

/** What to save and where. */
export interface SavePlan {
	/** Talk page of the source draft. */
	talkTitle: string;
	/** Heading of the new thread. */
	sectionTitle: string;
	/** Wikitext of the thread's body: the entry call, a space and the signature `~~~~`. */
	text: string;
	/** The entry's id, searched for before any retry. */
	entryId: string;
	/**
	 * Readers with an account save with `assert=user`, so a lost session never saves as an IP.
	 * Temporary accounts count: ApiMain::checkAsserts() fails `assert=user` only when
	 * `!$user->isRegistered()`, and a temporary account is a registered user (a row in `user`).
	 * (ApiMain accepts only `anon`, `user` and `bot` for `assert`; there is no `named` value.)
	 */
	loggedIn: boolean;
	/**
	 * Where MediaWiki should send back a reader for whom this edit creates a temporary account
	 * (`returnto`, `returntoanchor` of action=edit, read by ApiCreateTempUserTrait in 1.42+;
	 * without them ApiEditPage returns to the talk page). Given for readers without a named
	 * account only: MediaWiki 1.39 ignores the parameters with an "Unrecognized parameters"
	 * warning, and named users never get a temporary account.
	 */
	returnTo?: { title: string; anchor?: string };
}

/** Options of one save attempt. */
export interface SaveOptions {
	/**
	 * A previous attempt may have reached the wiki: read the talk page first and do not post
	 * when the entry is already there.
	 */
	mayExist: boolean;
	/** The reader has read an AbuseFilter warning and saves anyway (same edit posted again). */
	confirmedWarning?: boolean;
	/** Answer to a CAPTCHA. */
	captcha?: { id: string; word: string };
}

/** Where the saved entry is. */
export interface SavedEntry {
	/** Page the entry was saved to (after following a redirect). */
	title: string;
	/** True when the entry was found already saved and no new edit was made. */
	alreadySaved: boolean;
	/**
	 * The edit response said `tempusercreated`: the edit created a temporary account for the
	 * reader (or was the first edit of one created by an earlier failed attempt; ApiEditPage
	 * sets it in both cases).
	 */
	tempUserCreated?: boolean;
	/**
	 * The response's `tempusercreatedredirect`, as given (not checked yet: see
	 * {@link followableUrl}). CentralAuth puts the central login URL there, which attaches the
	 * new account across wikis and then returns to `returnTo`.
	 */
	tempUserRedirect?: string;
}

/** Outcome of {@link saveEntry}. */
export type SaveOutcome =
	| { ok: true; saved: SavedEntry }
	| { ok: false; failure: SaveFailure; mayExist: boolean };

function record( value: unknown ): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
}

function failureOf( error: unknown ): ApiFailure {
	return isApiFailure( error ) ? error : apiFailure( 'http', error );
}

/**
 * Looks for the entry on the talk page's current text.
 *
 * @return where it is, or `null` when it is not there (or the page does not exist)
 */
export async function findEntry(
	api: ApiTransport,
	talkTitle: string,
	entryId: string,
): Promise<SavedEntry | null> {
	const response = record( await api.get( {
		action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main',
		titles: talkTitle, redirects: true, formatversion: 2,
	} ) );
	const page = record( ( record( response?.query )?.pages as unknown[] | undefined )?.[ 0 ] );
	const revision = record( ( page?.revisions as unknown[] | undefined )?.[ 0 ] );
	const content = record( record( revision?.slots )?.main )?.content;
	if ( !page || page.missing || typeof content !== 'string' ) {
		return null;
	}
	if ( !content.includes( entryId ) ) {
		return null;
	}
	const title = typeof page.title === 'string' ? page.title : talkTitle;
	return { title, alreadySaved: true };
}

function editParams( plan: SavePlan, token: string, options: SaveOptions ): ApiParams {
	return {
		action: 'edit',
		title: plan.talkTitle,
		section: 'new',
		sectiontitle: plan.sectionTitle,
		text: plan.text,
		// A moved draft leaves a redirect on its old talk page: save where it now lives.
		redirect: true,
		// No `assert=anon` for logged-out readers: after a first attempt that created a
		// temporary account (then failed, e.g. on a conflict), the retry runs in that account's
		// session and must still save.
		assert: plan.loggedIn ? 'user' : undefined,
		returnto: plan.returnTo?.title,
		returntoanchor: plan.returnTo?.anchor || undefined,
		watchlist: 'nochange',
		captchaid: options.captcha?.id,
		captchaword: options.captcha?.word,
		formatversion: 2,
		token,
	};
}

/** Posts the edit once, refreshing an expired token once (`badtoken` means nothing was saved). */
async function postEdit(
	api: ApiTransport,
	plan: SavePlan,
	options: SaveOptions,
): Promise<unknown> {
	try {
		return await api.post( editParams( plan, await api.getToken(), options ) );
	} catch ( error ) {
		if ( failureOf( error ).code !== 'badtoken' ) {
			throw error;
		}
		api.badToken();
		return api.post( editParams( plan, await api.getToken(), options ) );
	}
}

async function attempt(
	api: ApiTransport,
	plan: SavePlan,
	options: SaveOptions,
): Promise<SaveOutcome> {
	let response: Record<string, unknown> | undefined;
	try {
		response = record( await postEdit( api, plan, options ) );
	} catch ( error ) {
		const failure = failureOf( error );
		return {
			ok: false,
			failure: describeFailure( failure.code, failure.response ),
			// A conflict, or an edit without the API's answer, leaves the outcome unknown; a
			// refusal (an API error) saved nothing.
			mayExist: failure.code === 'editconflict' || NO_ANSWER.has( failure.code ),
		};
	}
	const edit = record( response?.edit );
	if ( edit?.result === 'Success' ) {
		const title = typeof edit.title === 'string' ? edit.title : plan.talkTitle;
		const saved: SavedEntry = { title, alreadySaved: false };
		// formatversion=2 gives `true`; be lenient with the empty string of formatversion=1.
		if ( edit.tempusercreated === true || edit.tempusercreated === '' ) {
			saved.tempUserCreated = true;
		}
		if ( typeof edit.tempusercreatedredirect === 'string' ) {
			saved.tempUserRedirect = edit.tempusercreatedredirect;
		}
		return { ok: true, saved };
	}
	if ( edit && record( edit.captcha ) ) {
		return { ok: false, failure: captchaFailure( edit.captcha ), mayExist: false };
	}
	return { ok: false, failure: describeFailure( 'unknown' ), mayExist: false };
}

/**
 * Saves the entry as a new thread, exactly once.
 *
 * - With `options.mayExist`, the talk page is read first; when the id is there, nothing is
 *   posted. When that read fails, nothing is posted either (a network failure is reported).
 * - An edit conflict is checked the same way and retried once automatically.
 * - An expired token is refreshed once.
 */
export async function saveEntry(
	api: ApiTransport,
	plan: SavePlan,
	options: SaveOptions,
): Promise<SaveOutcome> {
	let mayExist = options.mayExist;
	for ( let round = 0; round < 2; round++ ) {
		if ( mayExist ) {
			try {
				const found = await findEntry( api, plan.talkTitle, plan.entryId );
				if ( found ) {
					return { ok: true, saved: found };
				}
			} catch ( error ) {
				const failure = failureOf( error );
				return { ok: false, failure: describeFailure( failure.code, failure.response ),
					mayExist: true };
			}
		}
		const outcome = await attempt( api, plan, options );
		if ( outcome.ok || outcome.failure.code !== 'editconflict' ) {
			return outcome;
		}
		mayExist = true;
	}
	return { ok: false, failure: describeFailure( 'editconflict' ), mayExist: true };
}

/**
 * The URL to go to after a save that created a temporary account, or `null` when it is not one
 * to follow: only `http:` and `https:` URLs (absolute, protocol-relative or relative, resolved by
 * the URL parser against `base`), so a `javascript:` or `data:` value in a tampered response can
 * run nothing.
 *
 * @param value The response's `tempusercreatedredirect`
 * @param base The page's URL (`location.href`)
 */
export function followableUrl( value: unknown, base: string ): string | null {
	if ( typeof value !== 'string' || value.trim() === '' ) {
		return null;
	}
	try {
		const url = new URL( value, base );
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

/**
 * Renders the entry as the wiki will show it (`action=parse` with pre-save transform, so the
 * signature is shown as it will be).
 *
 * @return the parser's HTML
 */
export async function previewEntry(
	api: ApiTransport,
	talkTitle: string,
	wikitext: string,
): Promise<string> {
	const response = record( await api.post( {
		action: 'parse', title: talkTitle, text: wikitext, pst: true, prop: 'text',
		disablelimitreport: true, disableeditsection: true, contentmodel: 'wikitext',
		formatversion: 2,
	} ) );
	const html = record( response?.parse )?.text;
	if ( typeof html !== 'string' ) {
		throw apiFailure( 'unknown', response );
	}
	return html;
}
