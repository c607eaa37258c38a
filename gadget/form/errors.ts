/**
 * Turns what the Action API says when an edit fails into something a reader understands and can
 * act on. Pure (no DOM, no `mw`): the saving code passes the error code and response in, the
 * view shows the message key it gets back.
 *
 * @packageDocumentation
 */

/** What the reader can do after a failure. */
export type Recovery =
	/** Try again now (the text is kept; the exactly-once check runs first). */
	| 'retry'
	/** Nothing the form can do; the text is kept so it can be copied or saved later. */
	| 'none'
	/** Saving again as-is is allowed after reading a warning (AbuseFilter warnings). */
	| 'confirm'
	/** Answer the CAPTCHA shown, then save again. */
	| 'captcha'
	/** Log in again, then save (the session ended). */
	| 'login';

/** A CAPTCHA the edit response asked for (ConfirmEdit). */
export interface CaptchaChallenge {
	/** Captcha id to send back as `captchaid`. */
	id: string;
	/** Question to answer (SimpleCaptcha, QuestyCaptcha). */
	question?: string;
	/**
	 * Whether the question is HTML (`mime: text/html`: QuestyCaptcha's questions are written in
	 * HTML by the wiki's administrators, e.g. with a link to the page that holds the answer).
	 */
	questionIsHtml?: boolean;
	/** Image URL to show (FancyCaptcha), relative to the wiki. */
	url?: string;
}

/** A failure, ready to show. */
export interface SaveFailure {
	/** The API error code (or `http` for network failures), kept for the report and tests. */
	code: string;
	/** i18n key of the message (`ldwg-form-save-error-…`). */
	key: string;
	/** Message parameters; plain text only. */
	params: string[];
	/** What the reader can do next. */
	recovery: Recovery;
	/**
	 * Extra plain text from the wiki that helps the reader (the spam-blacklisted address, the
	 * AbuseFilter's description); shown with textContent, never as HTML.
	 */
	detail?: string;
	/** CAPTCHA to solve when `recovery` is `captcha`. */
	captcha?: CaptchaChallenge;
}

function record( value: unknown ): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
}

function text( value: unknown ): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Codes that mean the page is protected against this reader. */
const PROTECTED = new Set( [ 'protectedpage', 'protectedtitle', 'cascadeprotected',
	'protectednamespace', 'protectednamespace-interface', 'customcssprotected',
	'customjsprotected' ] );

/** Codes that mean this reader (or their IP address) is blocked. */
const BLOCKED = new Set( [ 'blocked', 'autoblocked', 'blockedfrompage', 'globalblocking-blockedtext',
	'globalblocking-ipblocked', 'globalblocking-blocked', 'systemblocked', 'sitewideblocked',
	'partialblocked' ] );

/** Codes for which the wiki refused the edit because of its content. */
const SPAM = new Set( [ 'spamblacklist', 'spamdetected', 'titleblacklist-forbidden' ] );

/**
 * Codes `mw.Api` rejects with when the API's answer never arrived or could not be read: a
 * network failure or timeout (`http`), an empty body, e.g. PHP dying after the edit was
 * committed (`ok-but-empty`), an aborted request (`abort`). The edit may have been saved.
 */
export const NO_ANSWER = new Set( [ 'http', 'ok-but-empty', 'abort' ] );

/**
 * Maps an `action=edit` failure to a {@link SaveFailure}.
 *
 * @param code Error code as mw.Api rejects with it (`http` for network failures)
 * @param response The API response (or mw.Api's `{ xhr, textStatus }` for `http`)
 */
export function describeFailure( code: string, response?: unknown ): SaveFailure {
	const error = record( record( response )?.error );
	const info = text( error?.info );
	if ( NO_ANSWER.has( code ) ) {
		return { code, key: 'ldwg-form-save-error-network', params: [], recovery: 'retry' };
	}
	if ( code === 'badtoken' || code === 'assertuserfailed' || code === 'assertnameduserfailed' ||
		code === 'notloggedin' ) {
		return { code, key: 'ldwg-form-save-error-session', params: [], recovery: 'login' };
	}
	if ( code === 'editconflict' ) {
		return { code, key: 'ldwg-form-save-error-conflict', params: [], recovery: 'retry' };
	}
	if ( BLOCKED.has( code ) ) {
		const reason = text( record( error?.blockinfo )?.blockreason );
		return { code, key: 'ldwg-form-save-error-blocked', params: [], recovery: 'none',
			detail: reason };
	}
	if ( PROTECTED.has( code ) ) {
		return { code, key: 'ldwg-form-save-error-protected', params: [], recovery: 'none' };
	}
	if ( code === 'ratelimited' ) {
		return { code, key: 'ldwg-form-save-error-ratelimited', params: [], recovery: 'retry' };
	}
	if ( code === 'maxlag' || code === 'readonly' ) {
		return { code, key: 'ldwg-form-save-error-readonly', params: [], recovery: 'retry',
			detail: text( error?.readonlyreason ) };
	}
	if ( code === 'abusefilter-warning' ) {
		return { code, key: 'ldwg-form-save-error-abusefilter-warning', params: [],
			recovery: 'confirm', detail: abuseFilterDescription( error ) ?? info };
	}
	if ( code === 'abusefilter-disallowed' ) {
		return { code, key: 'ldwg-form-save-error-abusefilter-disallowed', params: [],
			recovery: 'none', detail: abuseFilterDescription( error ) ?? info };
	}
	if ( SPAM.has( code ) ) {
		const matches = record( error?.spamblacklist )?.matches;
		const list = Array.isArray( matches ) ?
			matches.filter( ( m ): m is string => typeof m === 'string' ).join( ', ' ) : undefined;
		return { code, key: 'ldwg-form-save-error-spam', params: [], recovery: 'none',
			detail: list || info };
	}
	if ( code === 'missingtitle' || code === 'pagedeleted' || code === 'nosuchpageid' ) {
		return { code, key: 'ldwg-form-save-error-moved', params: [], recovery: 'none' };
	}
	if ( code === 'permissiondenied' || code === 'noedit' || code === 'noedit-anon' ||
		code === 'cantcreate' || code === 'cantcreate-anon' ) {
		return { code, key: 'ldwg-form-save-error-permission', params: [], recovery: 'none' };
	}
	if ( code === 'contenttoobig' ) {
		return { code, key: 'ldwg-form-save-error-too-big', params: [], recovery: 'none' };
	}
	if ( code === 'captcha' ) {
		return captchaFailure( record( record( response )?.edit )?.captcha );
	}
	return { code, key: 'ldwg-form-save-error-unknown', params: [ code ], recovery: 'retry',
		detail: info };
}

function abuseFilterDescription( error: Record<string, unknown> | undefined ): string | undefined {
	return text( record( error?.abusefilter )?.description );
}

/**
 * Maps a CAPTCHA request (`edit.result = "Failure"` with `edit.captcha`) to a failure the reader
 * can recover from by answering it.
 */
export function captchaFailure( captcha: unknown ): SaveFailure {
	const c = record( captcha );
	const id = c?.id;
	const challenge: CaptchaChallenge = {
		id: typeof id === 'string' || typeof id === 'number' ? String( id ) : '',
		question: text( c?.question ),
		questionIsHtml: c?.mime === 'text/html',
		url: text( c?.url ),
	};
	return { code: 'captcha', key: 'ldwg-form-save-error-captcha', params: [], recovery: 'captcha',
		captcha: challenge };
}
