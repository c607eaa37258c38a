// @vitest-environment jsdom
/**
 * The eager module end to end in jsdom with a fake `mw`: nothing at all on other pages; on a
 * draft, one request, a button per marker however often `wikipage.content` fires, counts from
 * the summary (or none, silently), the form hand-off, and translations in one request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { start as startWith, FORM_LOAD_LIMIT_MS, MOUNTED_ATTRIBUTE } from '../../../gadget/core/main.ts';
import { loadModule } from '../../../gadget/base/module-load.ts';
import type { FormApi, FormRequest } from '../../../gadget/form/api.ts';
import { savedNotice } from '../../../gadget/form/saved-notice.ts';
import { SAVED_NOTICE_HOOK } from '../../../gadget/core/widget.ts';
import { fireContent, installFakeMw, type FakeMw } from './fake-mw.ts';
import { createI18n, type I18n } from '../../../gadget/i18n/load.ts';

/** The module as its entry starts it: with the shared base module's loader. */
function start( loadConfig: () => unknown ): ReturnType<typeof startWith> {
	return startWith( loadConfig, loadModule );
}

// ResourceLoader's `require( 'ext.gadget.ldwg-i18n' )` (gadget/i18n/require.ts): the module's
// real exports, once `mw.loader.using` has "loaded" it (the fake resolves every load); a new
// instance for each test, as for each page view.
const i18nLoader = vi.hoisted( () => ( { loaded: false, instance: null as I18n | null } ) );
vi.mock( '../../../gadget/i18n/require.ts', () => ( {
	I18N_MODULE: 'ext.gadget.ldwg-i18n',
	loadI18n: () => i18nLoader.loaded ? i18nLoader.instance : null,
} ) );

const root = path.resolve( __dirname, '../../..' );
const site: unknown = JSON.parse( readFileSync( path.join( root, 'wiki-content/config/site.json' ), 'utf8' ) );
const summaryText = readFileSync( path.join( root, 'test/fixtures/contracts/summary.valid.json' ), 'utf8' );
const DEFINITION = 'Leadership_Development_Working_Group/Shared_definition_of_leadership';
const LOAD_ERROR = 'The feedback form could not be loaded. Check your connection, then try again.';

const PAGE_HTML = '<div id="mw-content-text" class="mw-body-content mw-content-ltr" lang="en" dir="ltr"><div class="mw-parser-output">' +
	'<p>Lead text.</p>' +
	'<h2><span class="mw-headline" id="Leader">Leader</span><span class="mw-editsection">[edit]</span></h2>' +
	'<p><span class="ldwg-section" data-ldwg-section="leader"></span><span class="ldwg-section-nojs">[<a href="/nojs">give feedback</a>]</span></p>' +
	'<p>Text about leaders.</p>' +
	'<h2><span class="mw-headline" id="Good">Good leadership</span></h2>' +
	'<p><span class="ldwg-section" data-ldwg-section="good-leadership"></span><span class="ldwg-section-nojs">[<a href="/nojs">give feedback</a>]</span></p>' +
	'<h2><span class="mw-headline" id="Skills">Leadership skills</span></h2>' +
	'<p><span class="ldwg-section" data-ldwg-section="leadership-skills"></span></p>' +
	'<h2><span class="mw-headline" id="Unknown">Unknown</span></h2>' +
	'<p><span class="ldwg-section" data-ldwg-section="not-configured"></span></p>' +
	'</div></div>' +
	'<div id="elsewhere"><span class="ldwg-section" data-ldwg-section="leader"></span></div>';

interface Answer {
	ok: boolean;
	json(): Promise<unknown>;
	text?(): Promise<string>;
}

/**
 * The wiki's answer for `pages`: the Action API's JSON for several pages, and, for the one page
 * of an `action=raw` request, its text (a missing page is an HTTP 404 there: a failed body).
 */
function apiAnswer( pages: Record<string, string | null> ): Answer {
	const texts = Object.values( pages );
	const only = texts.length === 1 ? texts[ 0 ] : undefined;
	return {
		ok: true,
		json: () => Promise.resolve( {
			query: {
				pages: Object.entries( pages ).map( ( [ title, text ] ) => text === null ?
					{ title, missing: true } :
					{ title, revisions: [ { slots: { main: { content: text } } } ] } ),
			},
		} ),
		text: () => typeof only === 'string' ? Promise.resolve( only ) : Promise.reject( new Error( '404' ) ),
	};
}

/** The page a request asks for: `titles` of an API query, the path of an `action=raw` load. */
function requested( url: string ): { raw: boolean; titles: string | null } {
	const parsed = new URL( url, 'https://meta.example' );
	const raw = parsed.searchParams.get( 'action' ) === 'raw';
	return {
		raw,
		titles: raw ? decodeURI( parsed.pathname.replace( /^\/wiki\//, '' ) ).replace( /_/g, ' ' ) :
			parsed.searchParams.get( 'titles' ),
	};
}

let fake: FakeMw;
let fetchSpy: ReturnType<typeof vi.fn>;

function pageConfig( extra: Record<string, unknown> = {} ): Record<string, unknown> {
	return {
		wgPageName: DEFINITION,
		wgNamespaceNumber: 0,
		wgAction: 'view',
		wgRevisionId: 1234,
		wgIsArticle: true,
		wgPageContentLanguage: 'en',
		wgUserLanguage: 'en',
		...extra,
	};
}

function setUp( config: Record<string, unknown>, answer: () => Promise<Answer> ): void {
	document.body.innerHTML = PAGE_HTML;
	fake = installFakeMw( config );
	fetchSpy = vi.fn( answer );
	window.fetch = fetchSpy as unknown as typeof window.fetch;
}

const flush = (): Promise<void> => new Promise( ( resolve ) => {
	setTimeout( resolve, 0 );
} );

function content(): Element {
	return document.getElementById( 'mw-content-text' ) as Element;
}

function buttons(): HTMLButtonElement[] {
	return Array.from( document.querySelectorAll<HTMLButtonElement>( '.ldwg-feedback-button' ) );
}

function widgetOf( sectionId: string ): HTMLElement {
	return document.querySelector( `.ldwg-feedback[data-ldwg-section="${ sectionId }"]` ) as HTMLElement;
}

beforeEach( () => {
	delete ( globalThis as Record<string, unknown> ).LDWG_MESSAGE_LANGUAGES;
	i18nLoader.instance = createI18n();
} );

afterEach( () => {
	vi.restoreAllMocks();
	i18nLoader.loaded = false;
} );

describe( 'on pages that are not drafts', () => {
	it.each( [
		[ 'another page', { wgPageName: 'Main_Page' } ],
		[ 'the draft\'s talk page', { wgPageName: `Talk:${ DEFINITION }`, wgNamespaceNumber: 1 } ],
		[ 'a translation in a language not configured', { wgPageName: `${ DEFINITION }/de` } ],
		[ 'the edit form', { wgAction: 'edit', wgIsArticle: false } ],
		[ 'a preview', { wgAction: 'submit', wgIsArticle: false } ],
		[ 'the history', { wgAction: 'history', wgIsArticle: false } ],
		[ 'a diff', { wgDiffNewId: 1234, wgDiffOldId: 1200 } ],
		[ 'a page that does not exist', { wgRevisionId: 0 } ],
		[ 'a special page', { wgPageName: 'Special:Search', wgNamespaceNumber: -1, wgRevisionId: 0, wgIsArticle: false } ],
	] )( 'does nothing on %s: no request, no change, no listener', async ( _name, extra ) => {
		setUp( pageConfig( extra ), () => Promise.resolve( apiAnswer( {} ) ) );
		const before = document.documentElement.outerHTML;
		const loadConfig = vi.fn( () => site );
		expect( start( loadConfig ) ).toBeNull();
		fireContent( fake, content() );
		await flush();
		expect( fetchSpy ).not.toHaveBeenCalled();
		expect( fake.loader.using ).not.toHaveBeenCalled();
		expect( fake.handlers.get( 'wikipage.content' ) ?? [] ).toHaveLength( 0 );
		expect( document.documentElement.outerHTML ).toBe( before );
	} );

	it( 'does not even read the configuration on other actions', () => {
		setUp( pageConfig( { wgAction: 'edit', wgIsArticle: false } ), () => Promise.resolve( apiAnswer( {} ) ) );
		const loadConfig = vi.fn( () => site );
		start( loadConfig );
		expect( loadConfig ).not.toHaveBeenCalled();
	} );

	it( 'does nothing with an invalid configuration, and says so in the console as a warning', () => {
		setUp( pageConfig(), () => Promise.resolve( apiAnswer( {} ) ) );
		expect( start( () => ( { version: 1 } ) ) ).toBeNull();
		expect( start( () => null ) ).toBeNull();
		expect( fetchSpy ).not.toHaveBeenCalled();
	} );
} );

describe( 'on a draft page', () => {
	beforeEach( () => {
		setUp( pageConfig(), () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) ) );
	} );

	it( 'adds one real button per configured marker of the article, named after its section', async () => {
		const started = start( () => site );
		expect( started ).not.toBeNull();
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		expect( buttons() ).toHaveLength( 3 );
		const [ first ] = buttons();
		expect( first?.tagName ).toBe( 'BUTTON' );
		expect( first?.type ).toBe( 'button' );
		expect( first?.textContent ).toBe( 'Give feedback' );
		expect( first?.getAttribute( 'aria-label' ) ).toBe( 'Give feedback on the section "Leader"' );
		expect( first?.classList.contains( 'cdx-button' ) ).toBe( true );
		// The marker outside the content and the unconfigured section get nothing.
		expect( document.querySelector( '#elsewhere .ldwg-feedback' ) ).toBeNull();
		expect( widgetOf( 'not-configured' ) ).toBeNull();
		// The no-JavaScript links are replaced.
		const nojs = Array.from( document.querySelectorAll( '.ldwg-section-nojs' ) );
		expect( nojs.every( ( el ) => el.classList.contains( 'ldwg-section-nojs-replaced' ) ) ).toBe( true );
	} );

	it( 'never duplicates anything when wikipage.content fires again', async () => {
		const started = start( () => site );
		fireContent( fake, content() );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		const once = document.body.innerHTML;
		fireContent( fake, content() );
		fireContent( fake, content().querySelector( '.mw-parser-output' ) as Element );
		fireContent( fake, content().querySelector( '.ldwg-section' ) as Element );
		await flush();
		expect( document.body.innerHTML ).toBe( once );
		expect( buttons() ).toHaveLength( 3 );
		expect( document.querySelectorAll( `[${ MOUNTED_ATTRIBUTE }]` ) ).toHaveLength( 3 );
		expect( fetchSpy ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'mounts new markers in content that replaced the old (live preview, other gadgets)', async () => {
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		const output = content().querySelector( '.mw-parser-output' ) as Element;
		const fresh = output.cloneNode( false ) as Element;
		// Fixture markup written here.
		fresh.innerHTML = '<h2>Leader</h2><p><span class="ldwg-section" data-ldwg-section="leader"></span></p>';
		output.replaceWith( fresh );
		fireContent( fake, fresh );
		await flush();
		expect( buttons() ).toHaveLength( 1 );
		expect( fetchSpy ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'makes one cacheable request for the summary JSON', async () => {
		const started = start( () => site );
		await started?.loaded;
		expect( fetchSpy ).toHaveBeenCalledTimes( 1 );
		const [ url, init ] = fetchSpy.mock.calls[ 0 ] as [ string, RequestInit ];
		const params = new URL( url, 'https://meta.example' ).searchParams;
		// One page: its JSON as stored (action=raw), not escaped inside an API answer; and no
		// translation code loaded for a reader of English.
		expect( requested( url ) ).toEqual( { raw: true, titles: 'User:LDWG-bot/summary.json' } );
		expect( fake.loader.using ).not.toHaveBeenCalled();
		expect( params.get( 'ctype' ) ).toBe( 'application/json' );
		expect( Number( params.get( 'maxage' ) ) ).toBeGreaterThan( 0 );
		expect( Number( params.get( 'smaxage' ) ) ).toBeGreaterThan( 0 );
		expect( ( init.headers as Record<string, string> )[ 'Api-User-Agent' ] )
			.toMatch( /^ldwg-tools\/\S+ \(https:\/\/meta\.wikimedia\.org\/wiki\/User_talk:LDWG-bot\)/ );
	} );

	it( 'shows the counts of a section whose id is a name Object.prototype has (`constructor`)', async () => {
		// Section ids are plain words: the per-section record of entries saved on this page
		// view found Object's `constructor` for such an id, counted its `length` and threw.
		const renamed = JSON.parse( JSON.stringify( site ).replace( /"leader"/g, '"constructor"' ) ) as unknown;
		const summary = summaryText.replace( /"leader"/g, '"constructor"' );
		document.body.innerHTML = PAGE_HTML.replace( /data-ldwg-section="leader"/g, 'data-ldwg-section="constructor"' );
		fetchSpy.mockImplementation( () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summary } ) ) );
		const started = start( () => renamed );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		const link = widgetOf( 'constructor' ).querySelector( '.ldwg-feedback-counts a' );
		expect( link?.textContent ).toBe( 'Feedback so far: 3' );
		expect( widgetOf( 'good-leadership' ).querySelector( 'li' )?.textContent ).toBe( 'Neutral or unsure: 1' );
	} );

	it( 'shows each section\'s counts from the summary, linking to its entries', async () => {
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		const counts = widgetOf( 'leader' ).querySelector( '.ldwg-feedback-counts' ) as HTMLElement;
		expect( counts.hidden ).toBe( false );
		const link = counts.querySelector( 'a' ) as HTMLAnchorElement;
		expect( link.textContent ).toBe( 'Feedback so far: 3' );
		expect( link.getAttribute( 'href' ) )
			.toBe( '/wiki/Leadership_Development_Working_Group/Feedback_summary#definition-leader' );
		expect( Array.from( counts.querySelectorAll( 'li' ) ).map( ( li ) => li.textContent ) )
			.toEqual( [ 'Support: 1', 'Support with changes: 1', 'Oppose: 1' ] );
		expect( widgetOf( 'good-leadership' ).querySelector( 'li' )?.textContent ).toBe( 'Neutral or unsure: 1' );
		// No figures for this section yet: no counts.
		expect( ( widgetOf( 'leadership-skills' ).querySelector( '.ldwg-feedback-counts' ) as HTMLElement ).hidden ).toBe( true );
	} );

	it( 'shows counts that arrive after the buttons', async () => {
		let answer: ( a: Answer ) => void = () => undefined;
		fetchSpy.mockImplementation( () => new Promise<Answer>( ( resolve ) => {
			answer = resolve;
		} ) );
		const started = start( () => site );
		fireContent( fake, content() );
		await flush();
		expect( buttons() ).toHaveLength( 3 );
		expect( widgetOf( 'leader' ).querySelector( 'a' ) ).toBeNull();
		answer( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) );
		await started?.loaded;
		expect( widgetOf( 'leader' ).querySelector( 'a' )?.textContent ).toBe( 'Feedback so far: 3' );
	} );
} );

describe( 'without a usable summary', () => {
	it.each( [
		[ 'a missing summary page', () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': null } ) ), false ],
		[ 'invalid JSON', () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': '{ not json' } ) ), true ],
		[ 'a summary of another version', () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': '{"version":2,"drafts":{}}' } ) ), true ],
		[ 'a network error', () => Promise.reject( new TypeError( 'Failed to fetch' ) ), false ],
		[ 'an HTTP error', () => Promise.resolve( { ok: false, json: () => Promise.reject( new Error( 'no' ) ) } ), false ],
		[ 'an answer that is not JSON', () => Promise.resolve( { ok: true, json: () => Promise.reject( new SyntaxError( 'bad' ) ) } ), false ],
	] )( 'shows buttons without counts and no error after %s', async ( _name, answer, warns ) => {
		setUp( pageConfig(), answer as () => Promise<Answer> );
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		expect( buttons() ).toHaveLength( 3 );
		expect( document.querySelectorAll( '.ldwg-feedback-counts:not([hidden])' ) ).toHaveLength( 0 );
		expect( document.querySelectorAll( '.ldwg-feedback-error' ) ).toHaveLength( 0 );
		expect( fake.log.warn ).toHaveBeenCalledTimes( warns ? 1 : 0 );
	} );
} );

describe( 'the feedback form hand-off', () => {
	let open: ReturnType<typeof vi.fn<( request: FormRequest ) => void>>;

	beforeEach( () => {
		setUp( pageConfig( {
			wgPageName: `${ DEFINITION }/ar`,
			wgPageContentLanguage: 'ar',
			wgRevisionId: 77,
		} ), () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) ) );
		content().setAttribute( 'dir', 'rtl' );
		open = vi.fn<( request: FormRequest ) => void>();
	} );

	async function ready(): Promise<void> {
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
	}

	it( 'loads the form module on click and opens it with the section and page', async () => {
		let loaded: () => void = () => undefined;
		fake.loader.using.mockImplementation( () => new Promise<void>( ( resolve ) => {
			loaded = resolve;
		} ) );
		await ready();
		const button = widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement;
		button.click();
		expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.gadget.ldwg-form' );
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'true' );
		expect( widgetOf( 'leader' ).querySelector( '[role="status"]' )?.textContent ).toBe( 'Loading the feedback form…' );
		button.click();
		// The form module fires its hook when it runs; mw.hook remembers it.
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		loaded();
		await flush();
		expect( open ).toHaveBeenCalledTimes( 1 );
		const request = open.mock.calls[ 0 ]?.[ 0 ] as FormRequest;
		expect( request ).toMatchObject( {
			sectionId: 'leader',
			draftId: 'definition',
			sectionLabel: 'Leader',
			sectionAnchor: 'Leader',
			viewedTitle: 'Leadership Development Working Group/Shared definition of leadership/ar',
			sourceTitle: 'Leadership Development Working Group/Shared definition of leadership',
			revisionId: 77,
			pageLanguage: 'ar',
			pageDir: 'rtl',
			config: site,
		} );
		expect( request.returnFocus ).toBe( button );
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'false' );
		expect( widgetOf( 'leader' ).querySelector( '[role="status"]' )?.textContent ).toBe( '' );
	} );

	it.each( [
		[ 'current MediaWiki marks the parser output of a translation', 'ar', 'rtl' ],
		[ 'an English draft quotes Arabic text', 'en', 'ltr' ],
	] )( 'gives the form the page\'s direction when %s', async ( _case, lang, dir ) => {
		content().removeAttribute( 'dir' );
		const output = content().querySelector( '.mw-parser-output' ) as HTMLElement;
		if ( lang === 'ar' ) {
			output.classList.add( 'mw-content-rtl' );
			output.dir = 'rtl';
		} else {
			output.insertAdjacentHTML( 'beforeend', '<div class="mw-content-rtl" lang="ar" dir="rtl">نص</div>' );
		}
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		await ready();
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		expect( ( open.mock.calls[ 0 ]?.[ 0 ] as FormRequest ).pageDir ).toBe( dir );
	} );

	it( 'updates the counts in place after a save and links to the new entry', async () => {
		// What the form module hands out when it loads: its API and the saved notice.
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		fake.hook( SAVED_NOTICE_HOOK ).fire( savedNotice );
		await ready();
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		const request = open.mock.calls[ 0 ]?.[ 0 ] as FormRequest;
		request.onSaved( {
			entryId: 'e1', talkTitle: 'Talk:Leadership Development Working Group/Shared definition of leadership',
			anchor: 'Feedback_on_leader', sectionId: 'leader', stance: 'oppose',
		} );
		const counts = widgetOf( 'leader' ).querySelector( '.ldwg-feedback-counts' ) as HTMLElement;
		expect( counts.querySelector( 'a' )?.textContent ).toBe( 'Feedback so far: 4' );
		expect( Array.from( counts.querySelectorAll( 'li' ) ).map( ( li ) => li.textContent ) )
			.toEqual( [ 'Support: 1', 'Support with changes: 1', 'Oppose: 2' ] );
		const status = widgetOf( 'leader' ).querySelector( '[role="status"]' ) as HTMLElement;
		expect( status.textContent ).toBe( 'Thank you, your feedback was saved. See it on the talk page' );
		expect( status.querySelector( 'a' )?.getAttribute( 'href' ) ).toBe(
			'/wiki/Talk:Leadership_Development_Working_Group/Shared_definition_of_leadership#Feedback_on_leader',
		);
	} );

	it( 'shows an error, and stays usable, when the form cannot be loaded', async () => {
		fake.loader.using.mockImplementation( () => Promise.reject( new Error( 'network' ) ) );
		await ready();
		const button = widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement;
		button.click();
		await flush();
		const status = widgetOf( 'leader' ).querySelector( '[role="status"]' ) as HTMLElement;
		expect( status.textContent ).toBe( LOAD_ERROR );
		expect( status.classList.contains( 'ldwg-feedback-error' ) ).toBe( true );
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'false' );
		expect( open ).not.toHaveBeenCalled();
	} );

	/**
	 * What ResourceLoader does when load.php cannot be reached: it adds the script, ignores its
	 * `error` event and leaves the modules `loading`, so `using()` never settles.
	 */
	function failingLoadPhp( modules: string ): Promise<void> {
		const script = document.createElement( 'script' );
		script.src = `/w/load.php?modules=${ encodeURIComponent( modules ) }&skin=vector-2022`;
		document.head.append( script );
		setTimeout( () => script.dispatchEvent( new Event( 'error' ) ), 1 );
		return new Promise<void>( () => {
			// Never settles.
		} );
	}

	it( 'tells the reader when the form\'s request fails offline, and loads it again on the next click', async () => {
		const states: Record<string, string> = { 'ext.gadget.ldwg-form': 'loading', 'mediawiki.api': 'ready' };
		fake.loader.getModuleNames.mockImplementation( () => Object.keys( states ) );
		fake.loader.getState.mockImplementation( ( name: string ) => states[ name ] );
		fake.loader.using.mockImplementation( failingLoadPhp );
		await ready();
		const button = widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement;
		const status = widgetOf( 'leader' ).querySelector( '[role="status"]' ) as HTMLElement;
		button.click();
		await flush();
		await flush();
		expect( status.textContent ).toBe( LOAD_ERROR );
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'false' );
		expect( fake.loader.load ).not.toHaveBeenCalled();

		// Back online: the next click asks load.php again for the modules left `loading`.
		let implemented: () => void = () => undefined;
		fake.loader.using.mockImplementation( () => new Promise<void>( ( resolve ) => {
			implemented = resolve;
		} ) );
		button.click();
		expect( fake.loader.load ).toHaveBeenCalledTimes( 1 );
		const url = new URL( fake.loader.load.mock.calls[ 0 ]?.[ 0 ] as string, 'https://meta.example' );
		expect( url.pathname ).toBe( '/w/load.php' );
		expect( url.searchParams.get( 'modules' ) ).toBe( 'ext.gadget.ldwg-form' );
		expect( status.textContent ).toBe( 'Loading the feedback form…' );
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		implemented();
		await flush();
		expect( open ).toHaveBeenCalledTimes( 1 );
		expect( status.textContent ).toBe( '' );
	} );

	it( 'tells the reader when the form\'s request stalls, and opens it if it arrives later', async () => {
		vi.useFakeTimers();
		try {
			let arrived: () => void = () => undefined;
			const loading = new Promise<void>( ( resolve ) => {
				arrived = resolve;
			} );
			fake.loader.using.mockImplementation( () => loading );
			const started = start( () => site );
			fireContent( fake, content() );
			await vi.advanceTimersByTimeAsync( 0 );
			await started?.loaded;
			const button = widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement;
			const status = widgetOf( 'leader' ).querySelector( '[role="status"]' ) as HTMLElement;
			button.click();
			await vi.advanceTimersByTimeAsync( FORM_LOAD_LIMIT_MS - 1 );
			expect( status.textContent ).toBe( 'Loading the feedback form…' );
			await vi.advanceTimersByTimeAsync( 1 );
			expect( status.textContent ).toBe( LOAD_ERROR );
			expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'false' );
			// The late answer does not open the form by itself; the next click does, at once.
			fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
			arrived();
			await vi.advanceTimersByTimeAsync( 0 );
			expect( open ).not.toHaveBeenCalled();
			button.click();
			await vi.advanceTimersByTimeAsync( 0 );
			expect( open ).toHaveBeenCalledTimes( 1 );
			expect( fake.loader.load ).not.toHaveBeenCalled();
		} finally {
			vi.useRealTimers();
		}
	} );

	it( 'puts headings and messages into the page as text, never as markup', async () => {
		const headline = content().querySelector( '#Leader' ) as HTMLElement;
		headline.textContent = '<img src=x onerror=alert(1)>';
		fake.messages.set( 'ldwg-gadget-feedback-button', '<b>bold</b>' );
		await ready();
		const button = widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement;
		expect( button.textContent ).toBe( '<b>bold</b>' );
		expect( button.querySelector( 'b' ) ).toBeNull();
		expect( button.getAttribute( 'aria-label' ) ).toBe( 'Give feedback on the section "<img src=x onerror=alert(1)>"' );
		expect( document.querySelector( 'img' ) ).toBeNull();
	} );
} );

/**
 * What loading the translation loader does here: `mediawiki.language`, its dependency, brings
 * the fallback chain.
 */
function i18nLoads( chain: string[] ): Promise<void> {
	fake.language = { getFallbackLanguageChain: () => chain, convertNumber: String };
	i18nLoader.loaded = true;
	return Promise.resolve();
}

describe( 'readers of other languages', () => {
	const frMessages = JSON.stringify( {
		'ldwg-language': 'fr',
		'ldwg-gadget-feedback-button': 'Donner votre avis',
		'ldwg-gadget-feedback-button-label': 'Donner votre avis sur la section « $1 »',
		'ldwg-gadget-counts-entries': 'Avis reçus : $1',
		'ldwg-stance-support': 'Pour',
	} );

	beforeEach( () => {
		( globalThis as Record<string, unknown> ).LDWG_MESSAGE_LANGUAGES = [ 'ar', 'es', 'fr' ];
	} );

	it( 'get their translations and the summary in one request, and no English flash', async () => {
		let answer: ( a: Answer ) => void = () => undefined;
		setUp( pageConfig( { wgUserLanguage: 'fr' } ), () => new Promise<Answer>( ( resolve ) => {
			answer = resolve;
		} ) );
		fake.loader.using.mockImplementation( ( modules: string ) => {
			// The translation loader, with mediawiki.language as its dependency.
			expect( modules ).toBe( 'ext.gadget.ldwg-i18n' );
			fake.language = { getFallbackLanguageChain: () => [ 'fr', 'en' ], convertNumber: ( n ) => `#${ n }` };
			i18nLoader.loaded = true;
			return Promise.resolve();
		} );
		const started = start( () => site );
		fireContent( fake, content() );
		await flush();
		expect( buttons() ).toHaveLength( 0 );
		expect( fetchSpy ).toHaveBeenCalledTimes( 1 );
		expect( requested( fetchSpy.mock.calls[ 0 ]?.[ 0 ] as string ) ).toEqual( {
			raw: false, titles: 'MediaWiki:Gadget-ldwg-messages-fr.json|User:LDWG-bot/summary.json',
		} );
		answer( apiAnswer( {
			'User:LDWG-bot/summary.json': summaryText,
			'MediaWiki:Gadget-ldwg-messages-fr.json': frMessages,
		} ) );
		await started?.loaded;
		await flush();
		expect( buttons() ).toHaveLength( 3 );
		expect( buttons()[ 0 ]?.textContent ).toBe( 'Donner votre avis' );
		expect( buttons()[ 0 ]?.getAttribute( 'aria-label' ) ).toBe( 'Donner votre avis sur la section « Leader »' );
		const counts = widgetOf( 'leader' ).querySelector( '.ldwg-feedback-counts' ) as HTMLElement;
		expect( counts.querySelector( 'a' )?.textContent ).toBe( 'Avis reçus : #3' );
		expect( counts.querySelector( 'li' )?.textContent ).toBe( 'Pour: #1' );
		expect( widgetOf( 'leader' ).lang ).toBe( 'fr' );
	} );

	it( 'share the translations with the popup instead of fetching them twice', async () => {
		setUp( pageConfig( { wgUserLanguage: 'fr' } ), () => Promise.resolve( apiAnswer( {
			'User:LDWG-bot/summary.json': summaryText,
			'MediaWiki:Gadget-ldwg-messages-fr.json': frMessages,
		} ) ) );
		fake.loader.using.mockImplementation( () => i18nLoads( [ 'fr', 'en' ] ) );
		// The popup's module (on a glossary page) asked first; the same loader instance serves
		// the feedback module.
		let answerPopup: ( a: Answer ) => void = () => undefined;
		fetchSpy.mockImplementationOnce( () => new Promise<Answer>( ( resolve ) => {
			answerPopup = resolve;
		} ) );
		const popupTexts = i18nLoader.instance?.load( [], 'ua', [ 'ar', 'es', 'fr' ], [ 'page', 'dialogs' ] );
		const started = start( () => site );
		await flush();
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
		expect( requested( fetchSpy.mock.calls[ 0 ]?.[ 0 ] as string ).titles ).toBe(
			'MediaWiki:Gadget-ldwg-dialog-messages-fr.json|MediaWiki:Gadget-ldwg-messages-fr.json' );
		// Only the summary: the translations are on their way.
		expect( requested( fetchSpy.mock.calls[ 1 ]?.[ 0 ] as string ).titles ).toBe( 'User:LDWG-bot/summary.json' );
		fireContent( fake, content() );
		await flush();
		// The buttons wait for the translations.
		expect( buttons() ).toHaveLength( 0 );
		answerPopup( apiAnswer( { 'MediaWiki:Gadget-ldwg-messages-fr.json': frMessages } ) );
		await popupTexts;
		await started?.loaded;
		await flush();
		expect( buttons()[ 0 ]?.textContent ).toBe( 'Donner votre avis' );
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'get the form\'s translations when they first open it, in parallel with the form', async () => {
		setUp( pageConfig( { wgUserLanguage: 'fr' } ), () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) ) );
		let formLoaded: () => void = () => undefined;
		const formModule = new Promise<void>( ( resolve ) => {
			formLoaded = resolve;
		} );
		const loads = ( modules: string ): Promise<void> => modules === 'ext.gadget.ldwg-form' ?
			formModule : i18nLoads( [ 'fr', 'en' ] );
		fake.loader.using.mockImplementation( loads );
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		// The page view asked for the page-view translations only.
		expect( fetchSpy ).toHaveBeenCalledTimes( 1 );
		let answerDialogs: ( a: Answer ) => void = () => undefined;
		fetchSpy.mockImplementation( () => new Promise<Answer>( ( resolve ) => {
			answerDialogs = resolve;
		} ) );
		const open = vi.fn<( request: FormRequest ) => void>();
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		expect( fake.loader.using ).toHaveBeenCalledWith( 'ext.gadget.ldwg-form' );
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
		expect( requested( fetchSpy.mock.calls[ 1 ]?.[ 0 ] as string ) ).toEqual( {
			raw: false, titles: 'MediaWiki:Gadget-ldwg-dialog-messages-fr.json',
		} );
		formLoaded();
		await flush();
		// Not before its texts are there: no English flash in the form either.
		expect( open ).not.toHaveBeenCalled();
		answerDialogs( apiAnswer( {
			'MediaWiki:Gadget-ldwg-dialog-messages-fr.json': JSON.stringify( { 'ldwg-form-title': 'Votre avis sur « $1 »' } ),
		} ) );
		await flush();
		expect( open ).toHaveBeenCalledTimes( 1 );
		expect( fake.messages.get( 'ldwg-form-title' ) ).toBe( 'Votre avis sur « $1 »' );
		// A second opening fetches nothing more.
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
		expect( open ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'get their translations with the form after the page view\'s request failed', async () => {
		setUp( pageConfig( { wgUserLanguage: 'fr' } ), () => Promise.reject( new TypeError( 'Failed to fetch' ) ) );
		fake.loader.using.mockImplementation( ( modules: string ) => modules === 'ext.gadget.ldwg-form' ?
			Promise.resolve() : i18nLoads( [ 'fr', 'en' ] ) );
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		// The page view goes on in English, without counts.
		expect( buttons()[ 0 ]?.textContent ).toBe( 'Give feedback' );
		expect( document.querySelectorAll( '.ldwg-feedback-counts:not([hidden])' ) ).toHaveLength( 0 );
		// The connection is back when the reader opens the form: both parts, in one request.
		fetchSpy.mockImplementation( () => Promise.resolve( apiAnswer( {
			'MediaWiki:Gadget-ldwg-messages-fr.json': frMessages,
			'MediaWiki:Gadget-ldwg-dialog-messages-fr.json': JSON.stringify( { 'ldwg-form-title': 'Votre avis sur « $1 »' } ),
		} ) ) );
		const open = vi.fn<( request: FormRequest ) => void>();
		fake.hook( 'ldwg.form.api' ).fire( { open, close: vi.fn() } satisfies FormApi );
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		await flush();
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
		expect( requested( fetchSpy.mock.calls[ 1 ]?.[ 0 ] as string ).titles ).toBe(
			'MediaWiki:Gadget-ldwg-dialog-messages-fr.json|MediaWiki:Gadget-ldwg-messages-fr.json' );
		expect( open ).toHaveBeenCalledTimes( 1 );
		// The stance labels of the form come from the page view's part.
		expect( fake.messages.get( 'ldwg-stance-support' ) ).toBe( 'Pour' );
		expect( fake.messages.get( 'ldwg-form-title' ) ).toBe( 'Votre avis sur « $1 »' );
		// Loaded now: a second opening fetches nothing more.
		( widgetOf( 'leader' ).querySelector( 'button' ) as HTMLButtonElement ).click();
		await flush();
		expect( fetchSpy ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'fall back to English when their language has no file', async () => {
		setUp( pageConfig( { wgUserLanguage: 'de' } ), () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) ) );
		fake.loader.using.mockImplementation( () => i18nLoads( [ 'de', 'en' ] ) );
		const started = start( () => site );
		fireContent( fake, content() );
		await started?.loaded;
		await flush();
		expect( requested( fetchSpy.mock.calls[ 0 ]?.[ 0 ] as string ).titles ).toBe( 'User:LDWG-bot/summary.json' );
		expect( buttons()[ 0 ]?.textContent ).toBe( 'Give feedback' );
		// English texts say they are English, not German.
		expect( widgetOf( 'leader' ).lang ).toBe( 'en' );
	} );

	it( 'mark English texts as English and left to right when a right-to-left language has no file', async () => {
		document.documentElement.dir = 'rtl';
		try {
			setUp( pageConfig( { wgUserLanguage: 'he' } ), () => Promise.resolve( apiAnswer( { 'User:LDWG-bot/summary.json': summaryText } ) ) );
			fake.loader.using.mockImplementation( () => i18nLoads( [ 'he', 'en' ] ) );
			const started = start( () => site );
			fireContent( fake, content() );
			await started?.loaded;
			await flush();
			expect( buttons()[ 0 ]?.textContent ).toBe( 'Give feedback' );
			expect( widgetOf( 'leader' ).lang ).toBe( 'en' );
			expect( widgetOf( 'leader' ).dir ).toBe( 'ltr' );
		} finally {
			document.documentElement.dir = '';
		}
	} );

	it( 'mark their texts with the language of the file that won (Egyptian Arabic reads Arabic)', async () => {
		document.documentElement.dir = 'rtl';
		try {
			setUp( pageConfig( { wgUserLanguage: 'arz' } ), () => Promise.resolve( apiAnswer( {
				'User:LDWG-bot/summary.json': summaryText,
				'MediaWiki:Gadget-ldwg-messages-ar.json': JSON.stringify( { 'ldwg-language': 'ar', 'ldwg-gadget-feedback-button': 'شارك برأيك' } ),
			} ) ) );
			fake.loader.using.mockImplementation( () => i18nLoads( [ 'arz', 'ar', 'en' ] ) );
			const started = start( () => site );
			fireContent( fake, content() );
			await started?.loaded;
			await flush();
			expect( buttons()[ 0 ]?.textContent ).toBe( 'شارك برأيك' );
			expect( widgetOf( 'leader' ).lang ).toBe( 'ar' );
			expect( widgetOf( 'leader' ).dir ).toBe( 'rtl' );
		} finally {
			document.documentElement.dir = '';
		}
	} );
} );
