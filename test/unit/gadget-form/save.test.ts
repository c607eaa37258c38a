/**
 * Saving through a fake API transport: every failure maps to the right message and recovery;
 * the exactly-once rule (read the talk page for the entry id before any re-post); an expired
 * token is refreshed once.
 */
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../gadget/form/errors.ts';
import {
	apiFailure,
	findEntry,
	followableUrl,
	previewEntry,
	saveEntry,
	type ApiParams,
	type ApiTransport,
	type SavePlan,
} from '../../../gadget/form/save.ts';

const ID = '20261129-142233-k3f9q2';
const TALK = 'Talk:Leadership Development Working Group/Shared definition of leadership';

const plan: SavePlan = {
	talkTitle: TALK,
	sectionTitle: 'Feedback on “Leader”',
	text: `{{LDWG feedback entry|v=1|id=${ ID }|stance=support}} ~~~~`,
	entryId: ID,
	loggedIn: true,
};

type Reply = unknown | ( ( params: ApiParams ) => unknown );

/** A scripted transport: POST replies in order; GET answers from the current talk page text. */
class FakeApi implements ApiTransport {
	public posts: ApiParams[] = [];

	public gets: ApiParams[] = [];

	public tokens = 0;

	public badTokens = 0;

	public page: string | null = null;

	public getFails = false;

	public constructor( private readonly replies: Reply[] ) {}

	public async get( params: ApiParams ): Promise<unknown> {
		this.gets.push( params );
		if ( this.getFails ) {
			throw apiFailure( 'http', { textStatus: 'error' } );
		}
		return { query: { pages: [ this.page === null ?
			{ title: TALK, missing: true } :
			{ title: TALK, revisions: [ { slots: { main: { content: this.page } } } ] } ] } };
	}

	public async post( params: ApiParams ): Promise<unknown> {
		this.posts.push( params );
		const reply = this.replies.shift();
		const value = typeof reply === 'function' ? ( reply as ( p: ApiParams ) => unknown )( params ) : reply;
		if ( value instanceof Error ) {
			throw value;
		}
		if ( typeof value === 'object' && value !== null && 'apiFailure' in value ) {
			throw value;
		}
		return value;
	}

	public async getToken(): Promise<string> {
		this.tokens++;
		return `token${ this.badTokens }+\\`;
	}

	public badToken(): void {
		this.badTokens++;
	}
}

const success = { edit: { result: 'Success', title: TALK, newrevid: 101 } };

describe( 'saveEntry', () => {
	it( 'appends one new thread with the entry, signature, assert=user and formatversion=2', async () => {
		const api = new FakeApi( [ success ] );
		const outcome = await saveEntry( api, plan, { mayExist: false } );
		expect( outcome ).toEqual( { ok: true, saved: { title: TALK, alreadySaved: false } } );
		expect( api.posts ).toHaveLength( 1 );
		expect( api.posts[ 0 ] ).toMatchObject( {
			action: 'edit', title: TALK, section: 'new', sectiontitle: plan.sectionTitle, text: plan.text,
			assert: 'user', redirect: true, formatversion: 2, token: 'token0+\\',
		} );
		expect( String( api.posts[ 0 ]?.text ) ).toMatch( / ~~~~$/ );
		// No read is needed when nothing can have been saved yet.
		expect( api.gets ).toHaveLength( 0 );
	} );

	it( 'does not assert a user for readers who are not logged in', async () => {
		const api = new FakeApi( [ success ] );
		await saveEntry( api, { ...plan, loggedIn: false }, { mayExist: false } );
		expect( api.posts[ 0 ]?.assert ).toBeUndefined();
	} );

	it( 'refreshes an expired token once, then reports the session as ended', async () => {
		const once = new FakeApi( [ apiFailure( 'badtoken' ), success ] );
		expect( ( await saveEntry( once, plan, { mayExist: false } ) ).ok ).toBe( true );
		expect( once.badTokens ).toBe( 1 );
		expect( once.posts.map( ( p ) => p.token ) ).toEqual( [ 'token0+\\', 'token1+\\' ] );

		const twice = new FakeApi( [ apiFailure( 'badtoken' ), apiFailure( 'badtoken' ), success ] );
		const outcome = await saveEntry( twice, plan, { mayExist: false } );
		expect( outcome.ok ).toBe( false );
		expect( twice.posts ).toHaveLength( 2 );
		if ( !outcome.ok ) {
			expect( outcome.failure ).toMatchObject( { key: 'ldwg-form-save-error-session', recovery: 'login' } );
			expect( outcome.mayExist ).toBe( false );
		}
	} );

	it( 'after an edit conflict, reads the talk page and does not post again when the entry is there', async () => {
		const api = new FakeApi( [ () => {
			// The first post did land, but the answer says conflict (e.g. a retried request).
			api.page = `== Other ==\nSomething\n== Feedback ==\n{{LDWG feedback entry|id=${ ID }}} sig`;
			return apiFailure( 'editconflict' );
		}, success ] );
		const outcome = await saveEntry( api, plan, { mayExist: false } );
		expect( outcome ).toEqual( { ok: true, saved: { title: TALK, alreadySaved: true } } );
		expect( api.posts ).toHaveLength( 1 );
		expect( api.gets ).toHaveLength( 1 );
	} );

	it( 'after an edit conflict with the entry absent, posts exactly once more', async () => {
		const api = new FakeApi( [ apiFailure( 'editconflict' ), success ] );
		api.page = '== Someone else ==\nA reply';
		const outcome = await saveEntry( api, plan, { mayExist: false } );
		expect( outcome.ok ).toBe( true );
		expect( api.posts ).toHaveLength( 2 );
		expect( api.gets ).toHaveLength( 1 );
	} );

	it( 'gives up after a second conflict, saying nothing was saved twice', async () => {
		const api = new FakeApi( [ apiFailure( 'editconflict' ), apiFailure( 'editconflict' ), success ] );
		api.page = '';
		const outcome = await saveEntry( api, plan, { mayExist: false } );
		expect( api.posts ).toHaveLength( 2 );
		expect( outcome ).toMatchObject( { ok: false, mayExist: true,
			failure: { key: 'ldwg-form-save-error-conflict', recovery: 'retry' } } );
	} );

	it( 'after a network failure, a retry checks first and finds the entry saved: no second post', async () => {
		const api = new FakeApi( [ apiFailure( 'http', { textStatus: 'timeout' } ), success ] );
		const first = await saveEntry( api, plan, { mayExist: false } );
		expect( first ).toMatchObject( { ok: false, mayExist: true,
			failure: { code: 'http', key: 'ldwg-form-save-error-network', recovery: 'retry' } } );
		// The request had reached the wiki after all.
		api.page = `{{LDWG feedback entry|id=${ ID }}}`;
		const retry = await saveEntry( api, plan, { mayExist: true } );
		expect( retry ).toEqual( { ok: true, saved: { title: TALK, alreadySaved: true } } );
		expect( api.posts ).toHaveLength( 1 );
	} );

	it.each( [
		[ 'ok-but-empty', 'OK response but empty result (check HTTP headers?)' ],
		[ 'abort', undefined ],
	] )( 'takes %s (no answer from the API) as possibly saved: the retry checks first', async ( code, response ) => {
		const api = new FakeApi( [ apiFailure( code, response ), success ] );
		const first = await saveEntry( api, plan, { mayExist: false } );
		expect( first ).toMatchObject( { ok: false, mayExist: true,
			failure: { code, key: 'ldwg-form-save-error-network', recovery: 'retry' } } );
		// The edit was committed before the answer got lost.
		api.page = `{{LDWG feedback entry|id=${ ID }}}`;
		expect( await saveEntry( api, plan, { mayExist: true } ) ).toMatchObject( { ok: true } );
		expect( api.posts ).toHaveLength( 1 );
	} );

	it( 'a retry whose check fails posts nothing and reports the network failure again', async () => {
		const api = new FakeApi( [ success ] );
		api.getFails = true;
		const outcome = await saveEntry( api, plan, { mayExist: true } );
		expect( outcome ).toMatchObject( { ok: false, mayExist: true, failure: { code: 'http' } } );
		expect( api.posts ).toHaveLength( 0 );
	} );

	it( 'a retry on a page that does not exist yet posts', async () => {
		const api = new FakeApi( [ success ] );
		expect( ( await saveEntry( api, plan, { mayExist: true } ) ).ok ).toBe( true );
		expect( api.posts ).toHaveLength( 1 );
	} );

	it( 'passes a CAPTCHA answer and reports a CAPTCHA request', async () => {
		const api = new FakeApi( [
			{ edit: { result: 'Failure', captcha: { type: 'simple', mime: 'text/plain', id: 42, question: '2 + 3 =' } } },
			success,
		] );
		const first = await saveEntry( api, plan, { mayExist: false } );
		expect( first ).toMatchObject( { ok: false, mayExist: false, failure: {
			key: 'ldwg-form-save-error-captcha', recovery: 'captcha',
			captcha: { id: '42', question: '2 + 3 =' } } } );
		await saveEntry( api, plan, { mayExist: false, captcha: { id: '42', word: '5' } } );
		expect( api.posts[ 1 ] ).toMatchObject( { captchaid: '42', captchaword: '5' } );
	} );

	it.each( [
		[ 'blocked', { error: { code: 'blocked', info: 'You have been blocked', blockinfo: { blockreason: 'Vandalism' } } },
			'ldwg-form-save-error-blocked', 'none', 'Vandalism' ],
		[ 'protectedpage', {}, 'ldwg-form-save-error-protected', 'none', undefined ],
		[ 'cascadeprotected', {}, 'ldwg-form-save-error-protected', 'none', undefined ],
		[ 'ratelimited', {}, 'ldwg-form-save-error-ratelimited', 'retry', undefined ],
		[ 'maxlag', {}, 'ldwg-form-save-error-readonly', 'retry', undefined ],
		[ 'readonly', { error: { code: 'readonly', readonlyreason: 'Database migration' } },
			'ldwg-form-save-error-readonly', 'retry', 'Database migration' ],
		[ 'abusefilter-warning', { error: { code: 'abusefilter-warning', info: 'x', abusefilter: { id: 3, description: 'Shouting' } } },
			'ldwg-form-save-error-abusefilter-warning', 'confirm', 'Shouting' ],
		[ 'abusefilter-disallowed', { error: { code: 'abusefilter-disallowed', info: 'x', abusefilter: { description: 'Spam links' } } },
			'ldwg-form-save-error-abusefilter-disallowed', 'none', 'Spam links' ],
		[ 'spamblacklist', { error: { code: 'spamblacklist', spamblacklist: { matches: [ 'evil.example', 'bad.example' ] } } },
			'ldwg-form-save-error-spam', 'none', 'evil.example, bad.example' ],
		[ 'missingtitle', {}, 'ldwg-form-save-error-moved', 'none', undefined ],
		[ 'assertuserfailed', {}, 'ldwg-form-save-error-session', 'login', undefined ],
		[ 'permissiondenied', {}, 'ldwg-form-save-error-permission', 'none', undefined ],
		[ 'contenttoobig', {}, 'ldwg-form-save-error-too-big', 'none', undefined ],
		[ 'hookaborted', { error: { code: 'hookaborted', info: 'Refused by an extension' } },
			'ldwg-form-save-error-unknown', 'retry', 'Refused by an extension' ],
	] )( 'maps %s to its message and recovery, posting once', async ( code, response, key, recovery, detail ) => {
		const api = new FakeApi( [ apiFailure( code, response ), success ] );
		const outcome = await saveEntry( api, plan, { mayExist: false } );
		expect( api.posts ).toHaveLength( 1 );
		expect( outcome ).toMatchObject( { ok: false, mayExist: false,
			failure: { code, key, recovery } } );
		if ( !outcome.ok ) {
			expect( outcome.failure.detail ).toBe( detail );
		}
	} );
} );

describe( 'temporary accounts', () => {
	it( 'sends returnto and returntoanchor when given, and nothing when not', async () => {
		const api = new FakeApi( [ success, success, success ] );
		await saveEntry( api, { ...plan, loggedIn: false,
			returnTo: { title: 'Draft/ar', anchor: 'Leader' } }, { mayExist: false } );
		await saveEntry( api, { ...plan, loggedIn: false, returnTo: { title: 'Draft/ar' } },
			{ mayExist: false } );
		await saveEntry( api, plan, { mayExist: false } );
		expect( api.posts.map( ( p ) => [ p.returnto, p.returntoanchor ] ) ).toEqual( [
			[ 'Draft/ar', 'Leader' ], [ 'Draft/ar', undefined ], [ undefined, undefined ] ] );
	} );

	it( 'reports tempusercreated and the redirect as given, and nothing on 1.39 answers', async () => {
		const url = 'https://login.example/start?x=1';
		const api = new FakeApi( [
			{ edit: { ...success.edit, tempusercreated: true, tempusercreatedredirect: url } },
			{ edit: { ...success.edit, tempusercreated: true } },
			{ warnings: { main: { warnings: 'Unrecognized parameters: returnto, returntoanchor.' } },
				edit: success.edit },
		] );
		const options = { mayExist: false };
		expect( await saveEntry( api, plan, options ) ).toEqual( { ok: true, saved: { title: TALK,
			alreadySaved: false, tempUserCreated: true, tempUserRedirect: url } } );
		expect( await saveEntry( api, plan, options ) ).toEqual( { ok: true, saved: { title: TALK,
			alreadySaved: false, tempUserCreated: true } } );
		expect( await saveEntry( api, plan, options ) ).toEqual( { ok: true, saved: { title: TALK,
			alreadySaved: false } } );
	} );

	it( 'follows only http(s) URLs', () => {
		const base = 'https://meta.wikimedia.org/wiki/Draft';
		expect( followableUrl( 'https://login.wikimedia.org/wiki/Special:CentralLogin/start?a=1', base ) )
			.toBe( 'https://login.wikimedia.org/wiki/Special:CentralLogin/start?a=1' );
		expect( followableUrl( '//login.wikimedia.org/x', base ) ).toBe( 'https://login.wikimedia.org/x' );
		expect( followableUrl( '/wiki/Draft#Leader', base ) ).toBe( 'https://meta.wikimedia.org/wiki/Draft#Leader' );
		expect( followableUrl( 'http://127.0.0.1:8080/index.php', base ) ).toBe( 'http://127.0.0.1:8080/index.php' );
		// The refused values are the point of the test.
		/* eslint-disable no-script-url */
		const refused: unknown[] = [ 'javascript:alert(1)', ' javascript:alert(1)',
			'java\tscript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x',
			'blob:https://x/y', 'file:///etc/passwd', '', '   ', undefined, null, 42,
			{ href: 'https://x' } ];
		/* eslint-enable no-script-url */
		for ( const bad of refused ) {
			expect( followableUrl( bad, base ), String( bad ) ).toBeNull();
		}
	} );
} );

describe( 'describeFailure', () => {
	it( 'names the unknown code in the generic message', () => {
		expect( describeFailure( 'weird-thing' ) ).toMatchObject( {
			key: 'ldwg-form-save-error-unknown', params: [ 'weird-thing' ], recovery: 'retry' } );
	} );
} );

describe( 'findEntry and previewEntry', () => {
	it( 'finds the entry by id only', async () => {
		const api = new FakeApi( [] );
		api.page = '{{LDWG feedback entry|id=20261129-142233-other1}}';
		expect( await findEntry( api, TALK, ID ) ).toBeNull();
		api.page += `\n{{LDWG feedback entry|id=${ ID }}}`;
		expect( await findEntry( api, TALK, ID ) ).toEqual( { title: TALK, alreadySaved: true } );
		expect( api.gets[ 0 ] ).toMatchObject( { action: 'query', titles: TALK, redirects: true, formatversion: 2 } );
	} );

	it( 'asks the wiki to render the entry with pre-save transform on the talk page', async () => {
		const api = new FakeApi( [ { parse: { text: '<div class="mw-parser-output"><p>x</p></div>' } } ] );
		expect( await previewEntry( api, TALK, plan.text ) ).toContain( 'mw-parser-output' );
		expect( api.posts[ 0 ] ).toMatchObject( { action: 'parse', title: TALK, text: plan.text, pst: true,
			disablelimitreport: true, contentmodel: 'wikitext', formatversion: 2 } );
	} );
} );
