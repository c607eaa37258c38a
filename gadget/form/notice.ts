/**
 * The notice shown before saving to readers who are not logged in, as MediaWiki's own edit form
 * shows it: `anoneditwarning` ("your IP address will be published") on wikis without temporary
 * accounts, `autocreate-edit-warning` ("a temporary account will be created for you") on wikis
 * that create them (MediaWiki 1.41+ `$wgAutoCreateTempUser`, as on Meta). EditPage's
 * IntroMessageBuilder picks between the two with
 * `$tempUserCreateActive ? 'autocreate-edit-warning' : 'anoneditwarning'`, both with the same
 * parameters (login URL, sign-up URL).
 *
 * Readers with a temporary account are registered users (`mw.user.isAnon()` is false for them)
 * and get no notice, as in MediaWiki, where the notice depends on `!isRegistered()`.
 *
 * @packageDocumentation
 */
import type { ApiTransport } from './save.ts';
import { blockMessage, el } from './view.ts';
import { msg } from './messages.ts';
import { uploadHosts, wikiHtmlFragment } from './wiki-html.ts';

/** Class of the wrapper of each rendered message in the parse request's output. */
const PART_CLASS = {
	anon: 'ldwg-form-notice-anon',
	temp: 'ldwg-form-notice-temp',
} as const;

/**
 * How long browsers and Wikimedia's caches may keep the siteinfo answer (seconds): the setting
 * changes once in a wiki's life, and every logged-out reader opening the form asks for it.
 */
const SITEINFO_MAX_AGE = 24 * 60 * 60;

/**
 * Asks the wiki whether it creates temporary accounts (`meta=siteinfo`,
 * `siprop=autocreatetempuser`, answered by ApiQuerySiteinfo::appendAutoCreateTempUser() as
 * `{ enabled, matchPatterns? }` since 1.41). Cacheable (`maxage`, `smaxage`; siteinfo's cache
 * mode is public).
 *
 * @return `true` only when the wiki says `enabled: true`. MediaWiki 1.39 does not know the
 *  value (it answers with an "Unrecognized value" warning and no `query`), and a failed request
 *  says nothing either: both count as "not enabled", the IP notice then over-warns rather
 *  than under-warns.
 */
export function tempAccountsEnabled( api: ApiTransport ): Promise<boolean> {
	return api.get( {
		action: 'query',
		meta: 'siteinfo',
		siprop: 'autocreatetempuser',
		maxage: SITEINFO_MAX_AGE,
		smaxage: SITEINFO_MAX_AGE,
		formatversion: 2,
	} ).then( ( response ) => {
		const info = ( response as { query?: { autocreatetempuser?: { enabled?: unknown } } } )
			.query?.autocreatetempuser;
		return info?.enabled === true;
	}, () => false );
}

/**
 * Wikitext rendering both candidate messages, each in its own wrapper, so one parse request
 * (sent together with the siteinfo request) serves whichever the wiki turns out to need: no
 * second round trip on wikis with temporary accounts. The return title is percent-encoded, so
 * it cannot add wikitext to the calls.
 */
export function noticeWikitext( returnTo: string ): string {
	const back = encodeURIComponent( returnTo );
	const call = ( key: string ): string => `{{int:${ key }|` +
		`{{fullurl:Special:UserLogin|returnto=${ back }}}|` +
		`{{fullurl:Special:CreateAccount|returnto=${ back }}}}}`;
	return `<div class="${ PART_CLASS.anon }">\n${ call( 'anoneditwarning' ) }\n</div>\n` +
		`<div class="${ PART_CLASS.temp }">\n${ call( 'autocreate-edit-warning' ) }\n</div>`;
}

/**
 * The rendered message for one case, or `null` when the parse did not give it with its links
 * (e.g. `⧼autocreate-edit-warning⧽` on 1.39, which lacks the message).
 */
function renderedPart( html: string, which: keyof typeof PART_CLASS ): Node | null {
	// Through wiki-html.ts: the wiki's HTML is rebuilt from an allowlist, never set as HTML.
	const fragment = wikiHtmlFragment( html, document,
		{ imageHosts: uploadHosts( mw.config.get( 'wgUploadPath' ), location.href ) } );
	const part = fragment.querySelector( `.${ PART_CLASS[ which ] }` );
	if ( !part || !part.querySelector( 'a[href]' ) ) {
		return null;
	}
	const out = document.createDocumentFragment();
	out.append( ...Array.from( part.childNodes ) );
	return out;
}

/**
 * Shows the notice in `container`: at once our own words about the IP address
 * (`ldwg-form-anon-notice`); then, when both the siteinfo and the parse request have answered
 * (they run in parallel), MediaWiki's own message for this wiki in the reader's language. If the
 * parse fails, our own words stay, switched to `ldwg-form-temp-notice` when the wiki creates
 * temporary accounts.
 *
 * @param container Where the notice goes (emptied first)
 * @param api The transport
 * @param talkTitle Title the messages are parsed as (the talk page saved to)
 * @param returnTo Page the login and sign-up links return to (the page viewed)
 * @return settles when the notice is final (for tests; callers need not wait)
 */
export function showAnonNotice(
	container: HTMLElement,
	api: ApiTransport,
	talkTitle: string,
	returnTo: string,
): Promise<void> {
	const content = el( 'div', {}, [ msg( 'ldwg-form-anon-notice' ) ] );
	container.textContent = '';
	container.appendChild( blockMessage( 'warning', [ content ] ) );
	const enabled = tempAccountsEnabled( api );
	const parsed = api.get( {
		action: 'parse',
		text: noticeWikitext( returnTo ),
		title: talkTitle,
		contentmodel: 'wikitext',
		prop: 'text',
		disablelimitreport: true,
		uselang: mw.config.get( 'wgUserLanguage' ),
		formatversion: 2,
	} ).then( ( response ) => {
		const html = ( response as { parse?: { text?: unknown } } ).parse?.text;
		return typeof html === 'string' ? html : null;
	}, () => null );
	return Promise.all( [ enabled, parsed ] ).then( ( [ temp, html ] ) => {
		const rendered = html === null ? null : renderedPart( html, temp ? 'temp' : 'anon' );
		if ( rendered ) {
			content.replaceChildren( rendered );
		} else if ( temp ) {
			content.replaceChildren( msg( 'ldwg-form-temp-notice' ) );
		}
	} );
}
