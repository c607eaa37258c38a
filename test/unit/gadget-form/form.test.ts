// @vitest-environment jsdom
/**
 * The form end to end in jsdom with a fake `mw` and a scripted API: keyboard behaviour (focus in
 * on open, Escape closes, focus returns, Tab stays inside), validation shown next to fields and
 * announced, local draft across re-opening, and what each save outcome shows while keeping the
 * reader's text; the notice for logged-out readers and temporary accounts (which the local 1.39
 * wiki cannot create, so they are checked here with fakes of current MediaWiki's answers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { english, installFakeMw, type FakeMw } from './fake-mw.ts';
import type { FormApi, FormRequest, FormSaveResult } from '../../../gadget/form/api.ts';
import { apiFailure, type ApiParams, type ApiTransport } from '../../../gadget/form/save.ts';
import { parseEntries } from '../../../shared/entry/parse.ts';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../../..' );
const site: unknown = JSON.parse( readFileSync(
	path.join( root, 'test/fixtures/contracts/config-site.valid.json' ), 'utf8' ) );

const SOURCE = 'Leadership Development Working Group/Shared definition of leadership';
const TALK = `Talk:${ SOURCE }`;

/**
 * The local 1.39 wiki's real `action=parse` output for the notice's wikitext (both messages:
 * 1.39 already ships `autocreate-edit-warning`, though its API cannot report temporary accounts).
 */
const NOTICE_HTML = readFileSync( path.join( root, 'test/unit/gadget-form/fixtures/notice-1.39.html' ),
	'utf8' );

/** The local 1.39 wiki's real answer to `siprop=autocreatetempuser`: a warning, no `query`. */
const SITEINFO_139 = { batchcomplete: true, warnings: { siteinfo: {
	warnings: 'Unrecognized value for parameter "siprop": autocreatetempuser' } } };

/** What current MediaWiki answers on a wiki that creates temporary accounts (Meta). */
const SITEINFO_TEMP = { batchcomplete: true, query: { autocreatetempuser: {
	enabled: true, matchPatterns: [ '~$1' ] } } };

vi.stubGlobal( 'LDWG_VERSION', '0.0.0-test' );

/** Scripted API: POST edit replies in order, the talk page text for reads. */
class ScriptedApi implements ApiTransport {
	public posts: ApiParams[] = [];

	public gets: ApiParams[] = [];

	public page: string | null = null;

	public replies: unknown[] = [];

	/** Answer to the siteinfo request (an ApiFailure is thrown). */
	public siteinfo: unknown = SITEINFO_139;

	/** Answer to the notice's parse request (an ApiFailure is thrown). */
	public notice: unknown = { parse: { text: NOTICE_HTML } };

	public async get( params: ApiParams ): Promise<unknown> {
		this.gets.push( params );
		if ( params.action === 'parse' || params.meta === 'siteinfo' ) {
			const reply = params.action === 'parse' ? this.notice : this.siteinfo;
			if ( typeof reply === 'object' && reply !== null && 'apiFailure' in reply ) {
				throw reply;
			}
			return reply;
		}
		return { query: { pages: [ this.page === null ? { title: TALK, missing: true } :
			{ title: TALK, revisions: [ { slots: { main: { content: this.page } } } ] } ] } };
	}

	public async post( params: ApiParams ): Promise<unknown> {
		this.posts.push( params );
		if ( params.action === 'parse' ) {
			return { parse: { text: '<div class="mw-parser-output"><p>rendered <script>window.hacked = 1</script></p></div>' } };
		}
		const reply = this.replies.shift() ?? { edit: { result: 'Success', title: TALK, newrevid: 5 } };
		if ( typeof reply === 'object' && reply !== null && 'apiFailure' in reply ) {
			throw reply;
		}
		return reply;
	}

	public async getToken(): Promise<string> {
		return '+\\';
	}

	public badToken(): void {
		// Nothing cached.
	}
}

let fake: FakeMw;
let api: ScriptedApi;
let formApi: FormApi;
let button: HTMLButtonElement;
let saved: FormSaveResult[];
let temp: boolean;
let navigated: { url: string; draftsLeft: number; saved: number }[];

/** Local drafts in the fake storage. */
function drafts(): number {
	return [ ...fake.storage.keys() ].filter( ( k ) => k.startsWith( 'ldwg-form-draft:' ) ).length;
}

async function flush(): Promise<void> {
	for ( let i = 0; i < 10; i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
	}
}

function request( overrides: Partial<FormRequest> = {} ): FormRequest {
	return {
		sectionId: 'leader',
		draftId: 'definition',
		sectionLabel: 'القائد',
		viewedTitle: `${ SOURCE }/ar`,
		sourceTitle: SOURCE,
		revisionId: 77,
		pageLanguage: 'ar',
		pageDir: 'rtl',
		returnFocus: button,
		config: site,
		onSaved: ( result ) => {
			saved.push( result );
		},
		...overrides,
	};
}

function dialog(): HTMLElement {
	return document.querySelector( '[role="dialog"]' ) as HTMLElement;
}

function field<T extends HTMLElement>( selector: string ): T {
	return dialog().querySelector( selector ) as T;
}

function choose( value: string ): void {
	const input = field<HTMLInputElement>( `input[type="radio"][value="${ value }"]` );
	input.checked = true;
	input.dispatchEvent( new Event( 'change', { bubbles: true } ) );
}

function type( name: 'comment' | 'wording', text: string ): void {
	const area = field<HTMLTextAreaElement>( `textarea[name="${ name }"]` );
	area.value = text;
	area.dispatchEvent( new Event( 'input', { bubbles: true } ) );
}

async function save(): Promise<void> {
	field<HTMLFormElement>( 'form' ).dispatchEvent( new Event( 'submit', { bubbles: true, cancelable: true } ) );
	await flush();
}

/** Makes the wiki hold the next POST until the returned function is called. */
function holdPosts(): () => void {
	let release: () => void = () => undefined;
	const post = api.post.bind( api );
	api.post = async ( params: ApiParams ) => {
		await new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		return post( params );
	};
	return () => release();
}

function key( name: string, shiftKey = false ): void {
	( document.activeElement ?? document.body ).dispatchEvent(
		new KeyboardEvent( 'keydown', { key: name, shiftKey, bubbles: true, cancelable: true } ) );
}

beforeEach( async () => {
	vi.resetModules();
	document.body.textContent = '';
	button = document.createElement( 'button' );
	button.textContent = 'Give feedback';
	document.body.appendChild( button );
	fake = installFakeMw();
	api = new ScriptedApi();
	saved = [];
	temp = false;
	navigated = [];
	const { createFormApi } = await import( '../../../gadget/form/controller.ts' );
	formApi = createFormApi( {
		transport: api,
		loadConfig: () => null,
		now: () => new Date( Date.UTC( 2026, 10, 29, 14, 22, 33 ) ),
		random: () => 0.5,
		isAnon: () => fake.anon,
		isTemp: () => temp,
		// What is stored at the moment the page would be left.
		navigate: ( url ) => navigated.push( { url, draftsLeft: drafts(), saved: saved.length } ),
	} );
} );

afterEach( () => {
	formApi.close();
} );

describe( 'keyboard and focus', () => {
	it( 'moves focus into the form on open, keeps Tab inside, closes on Escape and returns focus', () => {
		button.focus();
		formApi.open( request() );
		expect( dialog().getAttribute( 'aria-modal' ) ).toBe( 'true' );
		expect( document.getElementById( dialog().getAttribute( 'aria-labelledby' ) ?? '' )?.textContent )
			.toBe( 'Feedback on “القائد”' );
		// Focus is on the first stance.
		expect( ( document.activeElement as HTMLInputElement ).value ).toBe( 'support' );
		// Tab on the last button wraps to the first control (the close button), and back.
		const buttons = Array.from( dialog().querySelectorAll( 'footer button' ) );
		// Buttons in visual order: Cancel, Show preview, Publish (the primary action last).
		expect( buttons.map( ( b ) => b.textContent ) ).toEqual( [ 'Cancel', 'Show preview', 'Publish feedback' ] );
		const last = buttons.pop() as HTMLButtonElement;
		last.focus();
		key( 'Tab' );
		expect( document.activeElement?.getAttribute( 'aria-label' ) ).toBe( 'Close' );
		key( 'Tab', true );
		expect( document.activeElement ).toBe( last );
		key( 'Escape' );
		expect( dialog() ).toBeNull();
		expect( document.activeElement ).toBe( button );
	} );

	it( 'hides the page behind it from screen readers while open, and gives it back before focus returns', () => {
		// The page: the button inside the content, an element the page itself hides, a script.
		const page = document.createElement( 'div' );
		const hiddenByPage = document.createElement( 'div' );
		hiddenByPage.setAttribute( 'aria-hidden', 'true' );
		document.body.append( page, hiddenByPage, document.createElement( 'script' ) );
		page.appendChild( button );
		button.focus();
		formApi.open( request() );
		const backdrop = dialog().closest( 'body > *' ) as Element;
		const outside = Array.from( document.body.children ).filter( ( c ) => c !== backdrop && c.tagName !== 'SCRIPT' );
		expect( outside.length ).toBe( 2 );
		for ( const element of outside ) {
			expect( [ element.getAttribute( 'aria-hidden' ), element.hasAttribute( 'inert' ) ] ).toEqual( [ 'true', true ] );
		}
		expect( backdrop.hasAttribute( 'aria-hidden' ) || backdrop.hasAttribute( 'inert' ) ).toBe( false );
		let inertWhenFocused: boolean | null = null;
		button.addEventListener( 'focus', () => {
			inertWhenFocused = !!button.closest( '[inert]' );
		} );
		key( 'Escape' );
		expect( inertWhenFocused ).toBe( false );
		expect( document.activeElement ).toBe( button );
		expect( [ page.hasAttribute( 'aria-hidden' ), page.hasAttribute( 'inert' ) ] ).toEqual( [ false, false ] );
		// What the page had hidden itself stays hidden.
		expect( [ hiddenByPage.getAttribute( 'aria-hidden' ), hiddenByPage.hasAttribute( 'inert' ) ] ).toEqual( [ 'true', false ] );
		expect( document.body.querySelector( 'script' )?.hasAttribute( 'inert' ) ).toBe( false );
	} );

	it( 'groups choices in fieldsets with legends and labels every control', () => {
		formApi.open( request() );
		const legends = Array.from( dialog().querySelectorAll( 'fieldset > legend' ) ).map( ( l ) => l.textContent );
		expect( legends[ 0 ] ).toBe( 'What do you think of this section? (required)' );
		expect( legends.some( ( l ) => l?.startsWith( 'Rate this section' ) ) ).toBe( true );
		for ( const control of Array.from( dialog().querySelectorAll( 'input, select, textarea' ) ) ) {
			expect( dialog().querySelector( `label[for="${ control.id }"]` ), control.id ).not.toBeNull();
		}
		// The section label is page text in Arabic; typed text follows the chosen language.
		const label = dialog().querySelector( 'h2 bdi' ) as HTMLElement;
		expect( [ label.lang, label.dir ] ).toEqual( [ 'ar', 'rtl' ] );
		// The talk page title inside the subtitle is isolated in the wiki's language.
		const talk = dialog().querySelector( '.cdx-dialog__header__subtitle bdi' ) as HTMLElement;
		expect( [ talk.textContent, talk.lang, talk.dir ] ).toEqual( [ TALK, 'en', 'ltr' ] );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).lang ).toBe( 'ar' );
		expect( field<HTMLSelectElement>( 'select[name="language"]' ).value ).toBe( 'ar' );
	} );

	it( 'marks its texts with the language they are in: English where the reader\'s has no translation', () => {
		document.documentElement.dir = 'rtl';
		try {
			// A Hebrew reader: no Hebrew file, so the bundled English texts.
			formApi.open( request() );
			expect( [ dialog().closest( '[lang]' )?.getAttribute( 'lang' ), dialog().closest( '[dir]' )?.getAttribute( 'dir' ) ] )
				.toEqual( [ 'en', 'ltr' ] );
			formApi.close();
			fake = installFakeMw( { ...english, 'ldwg-language': 'ar' } );
			formApi.open( request() );
			expect( [ dialog().closest( '[lang]' )?.getAttribute( 'lang' ), dialog().closest( '[dir]' )?.getAttribute( 'dir' ) ] )
				.toEqual( [ 'ar', 'rtl' ] );
		} finally {
			document.documentElement.dir = '';
		}
	} );

	it( 'offers the suggested wording only when the stance asks for changes', () => {
		formApi.open( request() );
		const wordingField = field<HTMLElement>( '.ldwg-form-field-wording' );
		expect( wordingField.hidden ).toBe( true );
		choose( 'support-with-changes' );
		expect( wordingField.hidden ).toBe( false );
		choose( 'oppose' );
		expect( wordingField.hidden ).toBe( true );
	} );
} );

describe( 'validation', () => {
	it( 'shows errors next to the fields, marks them invalid, lists and announces them, and posts nothing', async () => {
		vi.useFakeTimers( { toFake: [ 'setTimeout' ] } );
		formApi.open( request() );
		choose( 'support-with-changes' );
		field<HTMLFormElement>( 'form' ).dispatchEvent( new Event( 'submit', { bubbles: true, cancelable: true } ) );
		vi.runAllTimers();
		vi.useRealTimers();
		expect( api.posts ).toHaveLength( 0 );
		const comment = field<HTMLTextAreaElement>( 'textarea[name="comment"]' );
		expect( comment.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		const describedBy = ( comment.getAttribute( 'aria-describedby' ) ?? '' ).split( ' ' );
		const texts = describedBy.map( ( id ) => document.getElementById( id )?.textContent );
		expect( texts ).toContain( 'Say what should change: write a comment or suggest a wording.' );
		const summary = field<HTMLElement>( '.ldwg-form-summary' );
		expect( summary.hidden ).toBe( false );
		expect( document.activeElement ).toBe( summary );
		expect( field<HTMLElement>( '.ldwg-form-live' ).textContent ).toContain( 'Please correct this problem:' );
		// Fixing it clears the error.
		type( 'comment', 'Please mention volunteers.' );
		expect( comment.hasAttribute( 'aria-invalid' ) ).toBe( false );
	} );
} );

describe( 'local draft', () => {
	it( 'survives closing and re-opening (as after a reload) and is cleared after saving', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		type( 'comment', 'Not yet — الجملة الثانية غامضة.' );
		formApi.close();
		expect( [ ...fake.storage.keys() ].some( ( k ) => k.startsWith( 'ldwg-form-draft:' ) ) ).toBe( true );
		formApi.open( request() );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( 'Not yet — الجملة الثانية غامضة.' );
		expect( field<HTMLInputElement>( 'input[value="oppose"]' ).checked ).toBe( true );
		// Another section has its own (empty) draft.
		formApi.open( request( { sectionId: 'good-leadership', sectionLabel: 'Good leadership' } ) );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( '' );
		// What the reader deletes stays deleted after a reload.
		type( 'comment', 'Something I regret writing' );
		type( 'comment', '' );
		formApi.close();
		formApi.open( request( { sectionId: 'good-leadership', sectionLabel: 'Good leadership' } ) );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( '' );
		formApi.open( request() );
		await save();
		expect( [ ...fake.storage.keys() ].some( ( k ) => k.startsWith( 'ldwg-form-draft:' ) ) ).toBe( false );
	} );

	it( 'remembers region and language for the next section', async () => {
		formApi.open( request() );
		const region = field<HTMLSelectElement>( 'select[name="region"]' );
		region.value = region.options[ 2 ]?.value ?? '';
		region.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		const language = field<HTMLSelectElement>( 'select[name="language"]' );
		language.value = 'fr';
		language.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		formApi.open( request( { sectionId: 'good-leadership' } ) );
		expect( field<HTMLSelectElement>( 'select[name="region"]' ).value ).toBe( region.options[ 2 ]?.value );
		expect( field<HTMLSelectElement>( 'select[name="language"]' ).value ).toBe( 'fr' );
	} );
} );

describe( 'saving', () => {
	it( 'saves one entry with the right fields to the source talk page, links to it and calls onSaved', async () => {
		formApi.open( request() );
		choose( 'support' );
		const hostile = '{{subst:X}} <script>alert(1)</script> ~~~~ [[Category:Y]] |}} ==h==';
		type( 'comment', hostile );
		await save();
		expect( api.posts ).toHaveLength( 1 );
		const post = api.posts[ 0 ] as ApiParams;
		expect( post ).toMatchObject( { action: 'edit', title: TALK, section: 'new', assert: 'user' } );
		expect( String( post.sectiontitle ) ).toBe( 'Feedback on “القائد” (ar)' );
		const text = String( post.text );
		expect( text ).toMatch( /\}\} ~~~~$/ );
		const entries = parseEntries( text ).entries;
		expect( entries ).toHaveLength( 1 );
		expect( entries[ 0 ]?.entry ).toMatchObject( {
			id: '20261129-142233-iiiiii', page: `${ SOURCE }/ar`, source: SOURCE, section: 'leader',
			rev: 77, stance: 'support', lang: 'ar', comment: hostile,
		} );
		const link = dialog().querySelector( '.cdx-message--success a' ) as HTMLAnchorElement;
		expect( link.getAttribute( 'href' ) ).toContain( '#ldwg-entry-20261129-142233-iiiiii' );
		expect( saved ).toEqual( [ { entryId: '20261129-142233-iiiiii', talkTitle: TALK,
			anchor: 'ldwg-entry-20261129-142233-iiiiii', sectionId: 'leader', stance: 'support' } ] );
	} );

	it( 'shows the preview from the wiki parser in a region of its own', async () => {
		formApi.open( request() );
		choose( 'neutral' );
		field<HTMLButtonElement>( 'footer button:nth-child(2)' ).click();
		await flush();
		expect( api.posts[ 0 ] ).toMatchObject( { action: 'parse', title: TALK, pst: true } );
		expect( field<HTMLElement>( '.ldwg-form-preview' ).hidden ).toBe( false );
		const content = field<HTMLElement>( '.ldwg-form-preview-content' );
		expect( content.textContent ).toBe( 'rendered ' );
		expect( content.querySelector( '.mw-parser-output > p' ) ).not.toBeNull();
		// The parser output's script is not carried over, so it cannot run. Code run by jsdom
		// sets properties on jsdom's own window (vitest exposes it as `jsdom`).
		expect( content.querySelector( 'script' ) ).toBeNull();
		expect( ( globalThis as unknown as { jsdom: { window: { hacked?: number } } } )
			.jsdom.window.hacked ).toBeUndefined();
		// In the talk page's language and direction, as published, not the Arabic dialog's.
		expect( [ content.lang, content.dir ] ).toEqual( [ 'en', 'ltr' ] );
	} );

	it( 'moves focus to the preview when it was on the button, which is disabled meanwhile', async () => {
		formApi.open( request() );
		choose( 'neutral' );
		const previewButton = field<HTMLButtonElement>( 'footer button:nth-child(2)' );
		previewButton.focus();
		previewButton.click();
		await flush();
		expect( document.activeElement ).toBe( field<HTMLElement>( '.ldwg-form-preview' ) );
	} );

	it( 'publishes nothing more once published, whatever is still clicked or submitted', async () => {
		formApi.open( request() );
		choose( 'support' );
		await save();
		expect( saved ).toHaveLength( 1 );
		// A second submit (Enter, or a button a stylesheet kept on screen) and a preview.
		await save();
		field<HTMLButtonElement>( 'footer button:nth-child(2)' ).click();
		await flush();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
		expect( api.posts.filter( ( p ) => p.action === 'parse' ) ).toHaveLength( 0 );
		expect( saved ).toHaveLength( 1 );
	} );

	it.each( [
		[ apiFailure( 'http', { textStatus: 'error' } ), 'The connection to the wiki failed', 'Try again' ],
		[ apiFailure( 'blocked', { error: { code: 'blocked', blockinfo: { blockreason: 'Spamming' } } } ), 'You are blocked', null ],
		[ apiFailure( 'protectedpage' ), 'The talk page is protected', null ],
		[ apiFailure( 'ratelimited' ), 'You have published a lot', 'Try again' ],
		[ apiFailure( 'readonly' ), 'The wiki is busy or in maintenance', 'Try again' ],
		[ apiFailure( 'abusefilter-disallowed', { error: { abusefilter: { description: 'No shouting' } } } ), 'An automatic filter did not allow', null ],
		[ apiFailure( 'spamblacklist', { error: { spamblacklist: { matches: [ 'evil.example' ] } } } ), 'web address', null ],
		[ apiFailure( 'missingtitle' ), 'may have been moved', null ],
		[ apiFailure( 'assertuserfailed' ), 'Your login session has ended', null ],
	] )( 'on %o shows a message the reader understands and keeps the text', async ( failure, message, action ) => {
		formApi.open( request() );
		choose( 'oppose' );
		type( 'comment', 'Keep me.' );
		api.replies = [ failure ];
		await save();
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( status.textContent ).toContain( message );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( 'Keep me.' );
		const stored = [ ...fake.storage.values() ].find( ( v ) => typeof v === 'object' && v !== null && 'values' in v ) as
			{ values: { comment: string } } | undefined;
		expect( stored?.values.comment ).toBe( 'Keep me.' );
		expect( status.querySelector( 'button' )?.textContent ?? null ).toBe( action );
		expect( saved ).toEqual( [] );
	} );

	it( 'a network failure, then "Try again" after the post had landed: checked first, saved once', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		api.replies = [ apiFailure( 'http', { textStatus: 'timeout' } ) ];
		await save();
		const id = String( api.posts[ 0 ]?.text ).match( /id=([0-9a-z-]+)/ )?.[ 1 ] ?? '';
		api.page = `== Feedback ==\n{{LDWG feedback entry|v=1|id=${ id }}} ~~~~`;
		( field<HTMLElement>( '.ldwg-form-status button' ) ).click();
		await flush();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
		expect( saved ).toHaveLength( 1 );
		expect( saved[ 0 ]?.entryId ).toBe( id );
	} );

	it( 'after a reload during an uncertain save, the same entry id is checked before posting', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		api.replies = [ apiFailure( 'http', { textStatus: 'error' } ) ];
		await save();
		const id = String( api.posts[ 0 ]?.text ).match( /id=([0-9a-z-]+)/ )?.[ 1 ] ?? '';
		formApi.close();
		api.page = `{{LDWG feedback entry|v=1|id=${ id }}}`;
		formApi.open( request() );
		await save();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
		expect( saved[ 0 ]?.entryId ).toBe( id );
	} );

	it( 'publishes with a new entry id when storage holds a malformed one (an old version, another script)', async () => {
		// localStorage is not the gadget's alone: a stored id that is not an entry id made
		// formatEntry throw on every preview and publish of this section until the draft expired.
		fake.storage.set( `ldwg-form-draft:${ SOURCE }/ar#leader`,
			{ values: { stance: 'oppose', comment: 'Kept.' }, entryId: 'x}}[[Category:Spam]]{{', mayExist: false } );
		formApi.open( request() );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( 'Kept.' );
		await save();
		const edits = api.posts.filter( ( p ) => p.action === 'edit' );
		expect( edits ).toHaveLength( 1 );
		expect( String( edits[ 0 ]?.text ) ).not.toContain( 'Spam' );
		expect( saved ).toHaveLength( 1 );
	} );

	it( 'keeps the text as sent while it is not known whether it was published, and counts what was', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		type( 'comment', 'First version.' );
		// The post lands, but its answer is lost.
		api.replies = [ apiFailure( 'http', { textStatus: 'timeout' } ) ];
		await save();
		api.page = `== Feedback ==\n${ String( api.posts[ 0 ]?.text ) }`;
		// Nothing can be changed before "Try again" has checked: a correction would otherwise
		// be reported as published while the talk page has the first version.
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).readOnly ).toBe( true );
		expect( field<HTMLInputElement>( 'input[value="support"]' ).disabled ).toBe( true );
		expect( field<HTMLSelectElement>( 'select[name="region"]' ).disabled ).toBe( true );
		( field<HTMLElement>( '.ldwg-form-status button' ) ).click();
		await flush();
		const onWiki = parseEntries( api.page ).entries.map( ( e ) => e.entry );
		expect( onWiki ).toHaveLength( 1 );
		expect( saved.map( ( s ) => s.stance ) ).toEqual( [ onWiki[ 0 ]?.stance ] );
		expect( onWiki[ 0 ]?.comment ).toBe( 'First version.' );
	} );

	it( 'gives the text back once a retry is refused for certain (checked, not there, then refused)', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		type( 'comment', 'SHOUTING' );
		api.replies = [ apiFailure( 'http', { textStatus: 'timeout' } ),
			apiFailure( 'abusefilter-disallowed', { error: { abusefilter: { description: 'No shouting' } } } ) ];
		await save();
		( field<HTMLElement>( '.ldwg-form-status button' ) ).click();
		await flush();
		// The talk page was read (no entry), then the post was refused: the reader must be
		// able to change what the filter refused.
		expect( api.gets.some( ( g ) => g.prop === 'revisions' ) ).toBe( true );
		expect( field<HTMLElement>( '.ldwg-form-status' ).textContent ).toContain( 'An automatic filter did not allow' );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).readOnly ).toBe( false );
		expect( field<HTMLInputElement>( 'input[value="support"]' ).disabled ).toBe( false );
	} );

	it( 'locks the fields while publishing, so nothing typed meanwhile is lost', async () => {
		const release = holdPosts();
		formApi.open( request() );
		choose( 'support' );
		type( 'comment', 'Short.' );
		field<HTMLFormElement>( 'form' ).dispatchEvent( new Event( 'submit', { bubbles: true, cancelable: true } ) );
		await flush();
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).readOnly ).toBe( true );
		expect( field<HTMLInputElement>( 'input[value="oppose"]' ).disabled ).toBe( true );
		release();
		await flush();
		expect( saved ).toHaveLength( 1 );
	} );

	it( 'reopened after an uncertain attempt: says so, keeps the text as sent, focus on the notice', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		api.replies = [ apiFailure( 'ok-but-empty', 'OK response but empty result' ) ];
		await save();
		formApi.close();
		formApi.open( request() );
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( status.textContent ).toContain( 'An earlier attempt to publish this feedback may have gone through' );
		expect( document.activeElement ).toBe( status );
		expect( field<HTMLInputElement>( 'input[value="oppose"]' ).disabled ).toBe( true );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).readOnly ).toBe( true );
		await save();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 2 );
		expect( saved ).toHaveLength( 1 );
	} );

	it( 'tells the section when the reader closed the form while it was publishing', async () => {
		formApi.open( request() );
		choose( 'support' );
		field<HTMLFormElement>( 'form' ).dispatchEvent( new Event( 'submit', { bubbles: true, cancelable: true } ) );
		formApi.close();
		await flush();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
		expect( drafts() ).toBe( 0 );
		expect( saved.map( ( s ) => s.stance ) ).toEqual( [ 'support' ] );
	} );

	it( 'keeps focus in the dialog when "Try again" is replaced by the next outcome', async () => {
		formApi.open( request() );
		choose( 'oppose' );
		api.replies = [ apiFailure( 'ratelimited' ), apiFailure( 'ratelimited' ) ];
		await save();
		const again = field<HTMLButtonElement>( '.ldwg-form-status button' );
		again.focus();
		again.click();
		await flush();
		expect( field<HTMLElement>( '.ldwg-form-status' ).textContent ).toContain( 'You have published a lot' );
		expect( dialog().contains( document.activeElement ) ).toBe( true );
		key( 'Escape' );
		expect( dialog() ).toBeNull();
		expect( document.activeElement ).toBe( button );
	} );

	it( 'keeps focus in the dialog when the focused button is disabled while publishing', async () => {
		const release = holdPosts();
		formApi.open( request() );
		choose( 'support' );
		const publish = field<HTMLButtonElement>( 'button[type="submit"]' );
		publish.focus();
		publish.click();
		await flush();
		// Chromium moves focus off a disabled element to the body, out of the dialog.
		expect( publish.disabled ).toBe( true );
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( document.activeElement ).toBe( status );
		// The answer is lost: the message replaces "Publishing…" where focus already is, so the
		// form scrolls it into view itself (jsdom has no scrolling: a spy stands in).
		const scrolled = vi.fn();
		status.scrollIntoView = scrolled;
		api.replies = [ apiFailure( 'http', { textStatus: 'timeout' } ) ];
		release();
		await flush();
		expect( status.textContent ).toContain( 'cannot tell' );
		expect( document.activeElement ).toBe( status );
		expect( scrolled ).toHaveBeenCalledWith( { block: 'nearest' } );
	} );

	it( 'drops a preview that arrives after the reader changed the text', async () => {
		let answer: ( v: unknown ) => void = () => undefined;
		const post = api.post.bind( api );
		api.post = ( params: ApiParams ) => params.action === 'parse' ?
			new Promise( ( resolve ) => {
				answer = resolve;
			} ) : post( params );
		formApi.open( request() );
		choose( 'support' );
		type( 'comment', 'Old text' );
		field<HTMLButtonElement>( 'footer button:nth-child(2)' ).click();
		await flush();
		type( 'comment', 'New text' );
		answer( { parse: { text: '<div class="mw-parser-output"><p>Old text</p></div>' } } );
		await flush();
		expect( field<HTMLElement>( '.ldwg-form-preview' ).hidden ).toBe( true );
	} );

	it( 'asks a CAPTCHA question and sends the answer with the next save', async () => {
		formApi.open( request() );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Failure', captcha: { id: '7', question: 'What is 2 + 3?' } } } ];
		await save();
		expect( field<HTMLElement>( '.ldwg-form-status' ).textContent ).toContain( 'What is 2 + 3?' );
		const input = field<HTMLInputElement>( '.ldwg-form-status input' );
		expect( dialog().querySelector( `label[for="${ input.id }"]` ) ).not.toBeNull();
		expect( document.activeElement ).toBe( input );
		input.value = '5';
		await save();
		expect( api.posts[ 1 ] ).toMatchObject( { captchaid: '7', captchaword: '5' } );
		expect( saved ).toHaveLength( 1 );
	} );

	it( 'shows an HTML CAPTCHA question (QuestyCaptcha) through the allowlist, not as markup', async () => {
		formApi.open( request() );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Failure', captcha: { id: '8', type: 'question', mime: 'text/html',
			question: 'Type the <b>last</b> word of <a href="/wiki/Help:Captcha" onclick="window.hacked=1">this page</a><script>window.hacked=1</script>' } } } ];
		await save();
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( status.textContent ).toContain( 'Type the last word of this page' );
		expect( status.textContent ).not.toContain( '<b>' );
		expect( status.querySelector( 'b' )?.textContent ).toBe( 'last' );
		const link = status.querySelector( 'a' );
		expect( link?.getAttribute( 'href' ) ).toBe( '/wiki/Help:Captcha' );
		expect( link?.hasAttribute( 'onclick' ) ).toBe( false );
		expect( status.querySelector( 'script' ) ).toBeNull();
	} );

	it.each( [
		// eslint-disable-next-line no-script-url -- what the test feeds in
		[ 'javascript:window.hacked=1' ],
		[ 'https://tracker.example/pixel.png' ],
		[ 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>' ],
	] )( 'shows no CAPTCHA image from %s (only from the wiki\'s own or upload host)', async ( url ) => {
		formApi.open( request() );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Failure', captcha: { id: '9', type: 'image', url } } } ];
		await save();
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( status.querySelector( 'input' ) ).not.toBeNull();
		expect( status.querySelector( 'img' ) ).toBeNull();
	} );

	it( 'shows a CAPTCHA image from the wiki itself', async () => {
		formApi.open( request() );
		choose( 'support' );
		const url = '/w/index.php?title=Special:Captcha/image&wpCaptchaId=9';
		api.replies = [ { edit: { result: 'Failure', captcha: { id: '9', type: 'image', url } } } ];
		await save();
		expect( field<HTMLElement>( '.ldwg-form-status img' )?.getAttribute( 'src' ) ).toBe( url );
	} );

	it( 'tells readers who are not logged in, before saving, that their IP address will be published (1.39: no temporary accounts)', async () => {
		fake.anon = true;
		formApi.open( request() );
		const notice = field<HTMLElement>( '.ldwg-form-anon' );
		expect( notice.textContent ).toContain( 'your IP address will be visible to everyone' );
		await flush();
		// Replaced by MediaWiki's own words, rendered by the wiki, with its login links.
		const parse = api.gets.find( ( g ) => g.action === 'parse' );
		expect( parse ).toMatchObject( { action: 'parse', uselang: 'en', title: TALK } );
		expect( String( parse?.text ) ).toContain( '{{int:anoneditwarning|' );
		expect( notice.textContent ).toContain( 'Your IP address will be publicly visible' );
		expect( notice.textContent ).not.toContain( 'auto-generated name' );
		expect( notice.querySelector( 'a' )?.getAttribute( 'href' ) )
			.toContain( 'Special:UserLogin&returnto=Leadership%20Development' );
		choose( 'support' );
		await save();
		expect( api.posts[ 0 ]?.assert ).toBeUndefined();
	} );

	it( 'says so when the configuration is broken, and closes back to the button', () => {
		button.focus();
		formApi.open( request( { config: { version: 1 } } ) );
		expect( document.querySelector( '[role="alertdialog"]' )?.textContent ).toContain( 'configuration is missing or broken' );
		key( 'Escape' );
		expect( document.querySelector( '[role="alertdialog"]' ) ).toBeNull();
		expect( document.activeElement ).toBe( button );
	} );
} );

describe( 'temporary accounts', () => {
	it( 'asks whether the wiki creates them, cacheably and together with the notice', () => {
		fake.anon = true;
		formApi.open( request() );
		// Both requests are out before either has answered: no extra wait.
		expect( api.gets.map( ( g ) => g.action ) ).toEqual( [ 'query', 'parse' ] );
		const siteinfo = api.gets[ 0 ] as ApiParams;
		expect( siteinfo ).toMatchObject( { meta: 'siteinfo', siprop: 'autocreatetempuser' } );
		expect( Number( siteinfo.maxage ) ).toBeGreaterThan( 0 );
		expect( Number( siteinfo.smaxage ) ).toBeGreaterThan( 0 );
		expect( String( api.gets[ 1 ]?.text ) ).toContain( '{{int:autocreate-edit-warning|' );
	} );

	it( 'on a wiki that creates them, shows MediaWiki\'s autocreate-edit-warning instead of the IP notice', async () => {
		fake.anon = true;
		api.siteinfo = SITEINFO_TEMP;
		formApi.open( request() );
		await flush();
		const notice = field<HTMLElement>( '.ldwg-form-anon' );
		expect( notice.textContent ).toContain( 'attributed to an auto-generated name' );
		expect( notice.textContent ).not.toContain( 'Your IP address will be publicly visible' );
		expect( notice.querySelector( 'a' )?.getAttribute( 'href' ) ).toContain( 'Special:UserLogin' );
	} );

	it.each( [
		[ 'siteinfo fails', apiFailure( 'http' ), { parse: { text: NOTICE_HTML } }, 'Your IP address will be publicly visible' ],
		[ 'the parse fails (no temporary accounts)', SITEINFO_139, apiFailure( 'http' ), 'your IP address will be visible to everyone' ],
		[ 'the parse fails (temporary accounts)', SITEINFO_TEMP, apiFailure( 'http' ), 'a temporary account will be created for you' ],
		[ 'the parse lacks the message', SITEINFO_TEMP, { parse: { text: '<p>⧼autocreate-edit-warning⧽</p>' } }, 'a temporary account will be created for you' ],
	] )( 'when %s, shows the right words all the same', async ( _case, siteinfo, notice, expected ) => {
		fake.anon = true;
		api.siteinfo = siteinfo;
		api.notice = notice;
		formApi.open( request() );
		await flush();
		expect( field<HTMLElement>( '.ldwg-form-anon' ).textContent ).toContain( expected );
	} );

	it( 'a reader who has one gets no notice and saves with assert=user', async () => {
		temp = true;
		formApi.open( request( { sectionAnchor: 'Leader' } ) );
		await flush();
		expect( field<HTMLElement>( '.ldwg-form-anon' ).textContent ).toBe( '' );
		expect( api.gets ).toEqual( [] );
		choose( 'support' );
		await save();
		expect( api.posts[ 0 ] ).toMatchObject( { action: 'edit', assert: 'user',
			returnto: `${ SOURCE }/ar`, returntoanchor: 'Leader' } );
	} );

	it( 'sends where to come back to, and says when saving created one', async () => {
		fake.anon = true;
		api.siteinfo = SITEINFO_TEMP;
		formApi.open( request( { sectionAnchor: 'Leader' } ) );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Success', title: TALK, newrevid: 9, tempusercreated: true } } ];
		await save();
		expect( api.posts[ 0 ] ).toMatchObject( { returnto: `${ SOURCE }/ar`, returntoanchor: 'Leader' } );
		expect( api.posts[ 0 ]?.assert ).toBeUndefined();
		const success = field<HTMLElement>( '.cdx-message--success' );
		expect( success.textContent ).toContain( 'Your feedback has been published' );
		expect( success.textContent ).toContain( 'A temporary account was created for you' );
		// The live region is filled 50 ms after being emptied (see announce()).
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 80 );
		} );
		expect( field<HTMLElement>( '.ldwg-form-live' ).textContent ).toContain( 'A temporary account was created for you' );
		// No redirect was asked for: the reader stays.
		expect( navigated ).toEqual( [] );
	} );

	it( 'sends no anchor when the caller does not know it', async () => {
		fake.anon = true;
		formApi.open( request() );
		choose( 'support' );
		await save();
		expect( api.posts[ 0 ]?.returnto ).toBe( `${ SOURCE }/ar` );
		expect( api.posts[ 0 ]?.returntoanchor ).toBeUndefined();
	} );

	it( 'follows MediaWiki\'s redirect after the success is stored', async () => {
		fake.anon = true;
		formApi.open( request() );
		choose( 'support' );
		const url = 'https://login.wikimedia.org/wiki/Special:CentralLogin/start?token=abc&returnto=X';
		api.replies = [ { edit: { result: 'Success', title: TALK, newrevid: 9, tempusercreated: true,
			tempusercreatedredirect: url } } ];
		await save();
		// Draft cleared and onSaved called before leaving the page.
		expect( navigated ).toEqual( [ { url, draftsLeft: 0, saved: 1 } ] );
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
	} );

	it( 'follows the redirect also when the form was closed while saving, once the draft is cleared and the section told', async () => {
		fake.anon = true;
		formApi.open( request() );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Success', title: TALK, newrevid: 9, tempusercreated: true,
			tempusercreatedredirect: 'https://meta.example/wiki/X' } } ];
		field<HTMLFormElement>( 'form' ).dispatchEvent( new Event( 'submit', { bubbles: true, cancelable: true } ) );
		formApi.close();
		await flush();
		expect( api.posts.filter( ( p ) => p.action === 'edit' ) ).toHaveLength( 1 );
		expect( navigated ).toEqual( [ { url: 'https://meta.example/wiki/X', draftsLeft: 0, saved: 1 } ] );
	} );

	it.each( [
		// The refused value is the point of the test.
		// eslint-disable-next-line no-script-url
		'javascript:alert(document.cookie)',
		' JaVaScRiPt:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'',
	] )( 'does not follow a redirect to %j', async ( url ) => {
		fake.anon = true;
		formApi.open( request() );
		choose( 'support' );
		api.replies = [ { edit: { result: 'Success', title: TALK, newrevid: 9, tempusercreated: true,
			tempusercreatedredirect: url } } ];
		await save();
		expect( field<HTMLElement>( '.cdx-message--success' ).textContent ).toContain( 'A temporary account was created for you' );
		expect( navigated ).toEqual( [] );
	} );

	it( 'a conflict on the attempt that created the account: one entry, one account, the retry in its session', async () => {
		fake.anon = true;
		// A wiki that knows its session: the first post creates the account (its cookies now
		// make every request the temporary user's), then reports a conflict; the anonymous
		// token no longer fits the session.
		let session: 'anon' | 'temp' = 'anon';
		let accounts = 0;
		let token = '+\\';
		const entries: string[] = [];
		api.getToken = async () => token;
		api.badToken = () => {
			token = session === 'temp' ? 'temp-token+\\' : '+\\';
		};
		api.post = async ( params: ApiParams ) => {
			api.posts.push( params );
			if ( params.token !== ( session === 'temp' ? 'temp-token+\\' : '+\\' ) ) {
				throw apiFailure( 'badtoken' );
			}
			if ( session === 'anon' ) {
				accounts++;
				session = 'temp';
				throw apiFailure( 'editconflict' );
			}
			entries.push( String( params.text ) );
			api.page = entries.join( '\n' );
			// ApiEditPage: a temporary user with no edits yet gets tempusercreated too.
			return { edit: { result: 'Success', title: TALK, newrevid: 10, tempusercreated: true,
				tempusercreatedredirect: 'https://meta.example/wiki/X' } };
		};
		api.page = '== Other ==';
		formApi.open( request() );
		choose( 'support' );
		await save();
		expect( accounts ).toBe( 1 );
		expect( entries ).toHaveLength( 1 );
		// Every attempt carries no assert (an assert=anon retry would fail in the new session).
		expect( api.posts.map( ( p ) => p.assert ) ).toEqual( [ undefined, undefined, undefined ] );
		expect( saved ).toHaveLength( 1 );
		expect( navigated.map( ( n ) => n.url ) ).toEqual( [ 'https://meta.example/wiki/X' ] );
	} );

	it( 'tells a reader whose temporary account\'s session ended that a reload publishes it, not "log in again"', async () => {
		temp = true;
		formApi.open( request() );
		choose( 'oppose' );
		type( 'comment', 'Keep me.' );
		api.replies = [ apiFailure( 'assertuserfailed' ) ];
		await save();
		const status = field<HTMLElement>( '.ldwg-form-status' );
		expect( status.textContent ).toContain( 'Your temporary account’s session has ended' );
		expect( status.textContent ).not.toContain( 'Log in again' );
		expect( status.querySelector( 'a' )?.textContent ).toBe( 'Log in (your text is kept)' );
		expect( field<HTMLTextAreaElement>( 'textarea[name="comment"]' ).value ).toBe( 'Keep me.' );
	} );

	it( 'changes nothing for named users: no notice, no extra request, no return parameters', async () => {
		// The session message of a named user is unchanged too.
		formApi.open( request() );
		choose( 'oppose' );
		api.replies = [ apiFailure( 'assertuserfailed' ) ];
		await save();
		expect( field<HTMLElement>( '.ldwg-form-status' ).textContent ).toContain( 'Your login session has ended' );
		formApi.close();
		api.posts = [];
		api.gets = [];

		formApi.open( request( { sectionAnchor: 'Leader' } ) );
		await flush();
		expect( api.gets ).toEqual( [] );
		expect( field<HTMLElement>( '.ldwg-form-anon' ).textContent ).toBe( '' );
		choose( 'support' );
		await save();
		const post = api.posts[ 0 ] as ApiParams;
		expect( post.assert ).toBe( 'user' );
		// What the transport sends: undefined parameters are dropped (transport.test.ts).
		expect( Object.keys( post ).filter( ( k ) => k.startsWith( 'returnto' ) &&
			post[ k ] !== undefined ) ).toEqual( [] );
		expect( field<HTMLElement>( '.cdx-message--success' ).textContent ).not.toContain( 'temporary' );
		expect( navigated ).toEqual( [] );
	} );
} );
