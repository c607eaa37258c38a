/**
 * The eager module in real Chromium on the local wiki: buttons at every section marker of the
 * English draft and of the Arabic translation, in Vector 2022 and Minerva (and on the English draft
 * in Vector legacy, MonoBook and Timeless), reachable and usable
 * by keyboard, with the section's counts from the summary JSON; one request per page view; no
 * request and no change on a page that is not a draft even though it carries section markers;
 * re-firing `wikipage.content` duplicates nothing; no serious accessibility violation in our
 * elements.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { Skin, WikiPage } from '../helpers/browser.ts';
import { apiClient, testWiki } from '../helpers/wiki.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
/** Not a draft, but it carries section markers (so Meta's category condition would load us). */
const NOT_A_DRAFT = 'Leadership Development Working Group/Marker sandbox';
const SUMMARY_JSON = 'User:LDWG-bot/summary.json';
const summary = readFileSync( path.resolve( __dirname, '../fixtures/contracts/summary.valid.json' ), 'utf8' );
const HEADINGS_EN = [ 'Leader', 'Good leadership', 'Leadership skills', 'Leadership pathways' ];

let browser: Browser;

/**
 * Requests our code makes: API queries and raw page loads naming our pages (the summary JSON in
 * the bot's space, our message files). Skins make API requests of their own (Minerva does).
 */
function trackRequests( wiki: WikiPage ): string[] {
	const seen: string[] = [];
	wiki.page.on( 'request', ( request ) => {
		const url = request.url();
		if ( ( /\/api\.php\?/.test( url ) || /[?&]action=raw/.test( url ) ) &&
			/ldwg/i.test( decodeURIComponent( url ) ) ) {
			seen.push( url );
		}
	} );
	return seen;
}

/**
 * Opens a page and waits until the eager module is done: on a draft, until the summary request
 * was answered and the buttons are there; elsewhere, until the module ran and `wikipage.content`
 * was handled.
 */
async function openSettled( wiki: WikiPage, title: string, draft: boolean ): Promise<void> {
	const answered = draft ?
		wiki.page.waitForResponse(
			( r ) => /(?:api|index)\.php\?.*summary\.json/.test( decodeURIComponent( r.url() ) ),
			{ timeout: 60000 },
		) :
		null;
	await wiki.open( title );
	await expectGadgetReady( wiki );
	await answered;
	if ( draft ) {
		await wiki.page.waitForFunction(
			() => document.querySelectorAll( '.ldwg-feedback' ).length > 0,
			undefined,
			{ timeout: 30000 },
		);
	}
	// Rendering happens in promise callbacks and hook handlers, all run before this timer.
	await wiki.page.evaluate( () => new Promise( ( resolve ) => {
		window.mw.hook( 'wikipage.content' ).add( () => setTimeout( resolve, 0 ) );
	} ) );
}

async function feedbackButtons( wiki: WikiPage ): Promise<{ text: string; name: string }[]> {
	return wiki.page.$$eval( 'button.ldwg-feedback-button', ( buttons ) => buttons.map( ( b ) => ( {
		text: b.textContent || '',
		name: b.getAttribute( 'aria-label' ) || '',
	} ) ) );
}

/** Presses Tab until a feedback button has the focus; returns how many presses it took. */
async function tabToFeedbackButton( wiki: WikiPage ): Promise<number> {
	for ( let presses = 1; presses <= 400; presses++ ) {
		await wiki.page.keyboard.press( 'Tab' );
		const focused = await wiki.page.evaluate( () => !!document.activeElement &&
			document.activeElement.classList.contains( 'ldwg-feedback-button' ) );
		if ( focused ) {
			return presses;
		}
	}
	return -1;
}

/** Tabs from the top of the page to the first feedback button and opens the form with Enter. */
async function openFormByKeyboard( wiki: WikiPage ): Promise<void> {
	await wiki.page.locator( 'body' ).focus();
	expect( await tabToFeedbackButton( wiki ) ).toBeGreaterThan( 0 );
	await wiki.page.keyboard.press( 'Enter' );
	await wiki.page.waitForFunction( () => window.mw.loader.getState( 'ext.gadget.ldwg-form' ) === 'ready', undefined, { timeout: 30000 } );
}

beforeAll( async () => {
	browser = await launchBrowser();
	// Written by an interface administrator: the fixture stands in for the bot's output.
	const admin = await apiClient( 'admin' );
	await admin.save( SUMMARY_JSON, summary, 'Summary fixture for the gadget tests' );
	await admin.save( NOT_A_DRAFT, '== Leader ==\n{{LDWG section|id=leader}}\nText.\n\n== Good leadership ==\n' +
		'{{LDWG section|id=good-leadership}}\nMore text.\n', 'Marker sandbox for the gadget tests' );
	// Readers whose glossary gadget is off, so that any change to the content is ours. Set in a
	// logged-in browser session: the accounts' BotPasswords may not change preferences.
	for ( const name of [ 'chandra', 'dana' ] as const ) {
		const wiki = await newPage( browser, { account: name } );
		try {
			const { api } = testWiki();
			const tokens = await wiki.context.request.get( `${ api }?action=query&meta=tokens&format=json&formatversion=2` );
			type Tokens = { query: { tokens: { csrftoken: string } } };
			const token = ( await tokens.json() as Tokens ).query.tokens.csrftoken;
			const response = await wiki.context.request.post( api, {
				form: { action: 'options', change: 'gadget-ldwg-glossary=0', token, format: 'json', formatversion: '2' },
			} );
			expect( await response.json() ).toMatchObject( { options: 'success' } );
		} finally {
			await wiki.close();
		}
	}
}, 120000 );

afterAll( async () => {
	await browser?.close();
} );

// The other shipped skins: same markup from the marker template, different chrome around it.
// One check each that the buttons are there, named after their sections, and open the form.
describe.each( [ 'vector', 'monobook', 'timeless' ] as Skin[] )( 'in %s', ( skin ) => {
	it( 'gives every section of the English draft a working feedback button', async () => {
		const wiki = await newPage( browser, { skin } );
		try {
			await openSettled( wiki, DRAFT, true );
			const buttons = await feedbackButtons( wiki );
			expect( buttons.map( ( b ) => b.name ) ).toEqual( HEADINGS_EN.map( ( h ) => `Give feedback on the section "${ h }"` ) );
			await openFormByKeyboard( wiki );
			await screenshot( wiki, `gadget-core-${ skin }-en` );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe.each( [ 'vector-2022', 'minerva' ] as Skin[] )( 'in %s', ( skin ) => {
	it( 'gives every section of the English draft a keyboard-reachable button and its counts', async () => {
		const wiki = await newPage( browser, { skin } );
		try {
			const requests = trackRequests( wiki );
			await openSettled( wiki, DRAFT, true );
			const buttons = await feedbackButtons( wiki );
			expect( buttons.map( ( b ) => b.text ) ).toEqual( HEADINGS_EN.map( () => 'Give feedback' ) );
			expect( buttons.map( ( b ) => b.name ) ).toEqual( HEADINGS_EN.map( ( h ) => `Give feedback on the section "${ h }"` ) );
			// The template's link for readers without JavaScript is replaced by the button.
			expect( await wiki.page.locator( '.ldwg-section-nojs:visible' ).count() ).toBe( 0 );
			// Counts of the summary fixture: 3 entries on "leader", 1 on "good-leadership".
			const leader = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"] .ldwg-feedback-counts' );
			expect( await leader.locator( 'a' ).textContent() ).toBe( 'Feedback so far: 3' );
			expect( await leader.locator( 'a' ).getAttribute( 'href' ) ).toMatch( /Feedback_summary#definition-leader$/ );
			expect( await leader.locator( 'li' ).allTextContents() ).toEqual( [ 'Support: 1', 'Support with changes: 1', 'Oppose: 1' ] );
			expect( await wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leadership-skills"] .ldwg-feedback-counts' ).isHidden() ).toBe( true );
			// One request of the feedback module (the glossary module makes its own).
			const core = requests.filter( ( url ) => /summary\.json|ldwg-messages/.test( decodeURIComponent( url ) ) );
			expect( core, requests.join( '\n' ) ).toHaveLength( 1 );
			const params = new URL( core[ 0 ] as string ).searchParams;
			// One page: the JSON as stored (action=raw), cacheable.
			expect( params.get( 'action' ) ).toBe( 'raw' );
			expect( params.get( 'title' ) ).toBe( SUMMARY_JSON );
			expect( Number( params.get( 'maxage' ) ) ).toBeGreaterThan( 0 );

			// Keyboard: Tab reaches the first button; Enter loads the form module.
			await wiki.page.locator( 'body' ).focus();
			expect( await tabToFeedbackButton( wiki ) ).toBeGreaterThan( 0 );
			const focusedName = await wiki.page.evaluate( () => document.activeElement?.getAttribute( 'aria-label' ) );
			expect( focusedName ).toBe( 'Give feedback on the section "Leader"' );
			await wiki.page.keyboard.press( 'Enter' );
			await wiki.page.waitForFunction( () => window.mw.loader.getState( 'ext.gadget.ldwg-form' ) === 'ready', undefined, { timeout: 30000 } );
			await screenshot( wiki, `gadget-core-${ skin }-en` );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'gives every section of the Arabic translation a button in the reader\'s language', async () => {
		const wiki = await newPage( browser, { skin, account: 'dana', uselang: 'ar' } );
		try {
			const requests = trackRequests( wiki );
			await openSettled( wiki, `${ DRAFT }/ar`, true );
			const buttons = await feedbackButtons( wiki );
			expect( buttons ).toHaveLength( 4 );
			expect( buttons.every( ( b ) => b.text === 'أبدِ رأيك' ) ).toBe( true );
			// The accessible name carries the translated heading (not the English label).
			expect( buttons.every( ( b ) => b.name.startsWith( 'أبدِ رأيك في القسم «' ) ) ).toBe( true );
			expect( buttons.some( ( b ) => HEADINGS_EN.some( ( h ) => b.name.includes( `«${ h }»` ) ) ) ).toBe( false );
			const widget = wiki.page.locator( '.ldwg-feedback' ).first();
			expect( await widget.getAttribute( 'lang' ) ).toBe( 'ar' );
			expect( await widget.getAttribute( 'dir' ) ).toBe( 'rtl' );
			// Translations and summary came in one request.
			expect( requests ).toHaveLength( 1 );
			expect( new URL( requests[ 0 ] as string ).searchParams.get( 'titles' ) )
				.toBe( `MediaWiki:Gadget-ldwg-messages-ar.json|${ SUMMARY_JSON }` );
			expect( await tabToFeedbackButton( wiki ) ).toBeGreaterThan( 0 );
			await screenshot( wiki, `gadget-core-${ skin }-ar` );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'has no serious or critical accessibility violation in its elements', async () => {
		for ( const [ lang, title ] of [ [ 'en', DRAFT ], [ 'ar', `${ DRAFT }/ar` ] ] as const ) {
			const wiki = await newPage( browser, { skin, account: 'chandra', uselang: lang } );
			try {
				await openSettled( wiki, title, true );
				const results = await new AxeBuilder( { page: wiki.page } ).include( '.ldwg-feedback' ).analyze();
				const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
				expect( serious.map( ( v ) => `${ v.id }: ${ v.help }` ), `${ skin } ${ lang }` ).toEqual( [] );
				expect( results.passes.length ).toBeGreaterThan( 0 );
			} finally {
				await wiki.close();
			}
		}
	} );
} );

describe( 'on a page that is not a draft', () => {
	it( 'makes no request and changes nothing, even with section markers on the page', async () => {
		const wiki = await newPage( browser, { account: 'dana' } );
		try {
			await wiki.page.addInitScript( () => {
				// Every change inside the content after the HTML is parsed.
				const seen: string[] = [];
				( window as unknown as { ldwgMutations: string[] } ).ldwgMutations = seen;
				document.addEventListener( 'DOMContentLoaded', () => {
					const content = document.getElementById( 'mw-content-text' );
					if ( content ) {
						const observer = new MutationObserver( ( records ) => {
							records.forEach( ( r ) => seen.push( `${ r.type } ${ r.target.nodeName }` ) );
						} );
						observer.observe( content, {
							subtree: true, childList: true, attributes: true, characterData: true,
						} );
					}
				} );
			} );
			const requests = trackRequests( wiki );
			await openSettled( wiki, NOT_A_DRAFT, false );
			await wiki.page.waitForLoadState( 'networkidle' );
			expect( await wiki.page.locator( '.ldwg-section' ).count() ).toBe( 2 );
			expect( requests ).toEqual( [] );
			const mutations = await wiki.page.evaluate(
				() => ( window as unknown as { ldwgMutations: string[] } ).ldwgMutations,
			);
			expect( mutations ).toEqual( [] );
			expect( await wiki.page.locator( '.ldwg-feedback, [data-ldwg-mounted]' ).count() ).toBe( 0 );
			expect( await wiki.page.locator( '.ldwg-section-nojs:visible' ).count() ).toBe( 2 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'when wikipage.content fires again', () => {
	it( 'duplicates nothing and makes no new request', async () => {
		const wiki = await newPage( browser, { account: 'dana' } );
		try {
			const requests = trackRequests( wiki );
			await openSettled( wiki, DRAFT, true );
			const before = await wiki.page.locator( '#mw-content-text' ).innerHTML();
			await wiki.page.evaluate( async () => {
				const $content = $( '#mw-content-text' );
				window.mw.hook( 'wikipage.content' ).fire( $content );
				window.mw.hook( 'wikipage.content' ).fire( $content.find( '.mw-parser-output' ) );
				window.mw.hook( 'wikipage.content' ).fire( $content );
				// The module renders in promise callbacks, which all run before this timer.
				await new Promise( ( resolve ) => {
					setTimeout( resolve, 0 );
				} );
			} );
			expect( await wiki.page.locator( 'button.ldwg-feedback-button' ).count() ).toBe( 4 );
			expect( await wiki.page.locator( '#mw-content-text' ).innerHTML() ).toBe( before );
			expect( requests ).toHaveLength( 1 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'the stance spread next to the counts', () => {
	it( 'starts where the counts end in every skin, without the skins\' list indent', async () => {
		const cases: [ Skin, 'en' | 'ar' ][] = [ [ 'vector-2022', 'ar' ], [ 'vector', 'en' ],
			[ 'monobook', 'en' ], [ 'timeless', 'en' ], [ 'minerva', 'en' ], [ 'minerva', 'ar' ] ];
		for ( const [ skin, lang ] of cases ) {
			const wiki = await newPage( browser, { skin, account: 'dana', uselang: lang } );
			try {
				await openSettled( wiki, lang === 'ar' ? `${ DRAFT }/ar` : DRAFT, true );
				const spread = wiki.page
					.locator( '.ldwg-feedback[data-ldwg-section="leader"] .ldwg-feedback-stances' );
				const box = await spread.evaluate( ( list ) => {
					const style = getComputedStyle( list );
					const item = getComputedStyle( list.firstElementChild as Element );
					return [ style.marginLeft, style.marginRight, style.paddingLeft,
						style.paddingRight, item.marginLeft, item.marginRight, item.marginBottom ];
				} );
				expect( box, `${ skin } ${ lang }` ).toEqual( [ '0px', '0px', '0px', '0px', '0px', '0px', '0px' ] );
			} finally {
				await wiki.close();
			}
		}
	} );
} );

describe( 'when the form cannot be loaded', () => {
	it( 'tells the reader at once when offline, and opens the form on the next click once online', async () => {
		const wiki = await newPage( browser, { account: 'dana' } );
		try {
			await openSettled( wiki, DRAFT, true );
			const widget = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"]' );
			const button = widget.locator( 'button' );
			await wiki.context.setOffline( true );
			// ResourceLoader leaves a module whose load.php request failed `loading` for good.
			await button.click();
			await expect.poll( () => widget.locator( '[role="status"]' ).textContent(), { timeout: 10000 } )
				.toBe( 'The feedback form could not be loaded. Check your connection, then try again.' );
			expect( await button.getAttribute( 'aria-disabled' ) ).toBe( 'false' );
			expect( await wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-form' ) ) ).toBe( 'loading' );

			await wiki.context.setOffline( false );
			await button.click();
			await wiki.page.locator( '[role="dialog"]' ).waitFor( { state: 'visible', timeout: 30000 } );
			expect( await widget.locator( '[role="status"]' ).textContent() ).toBe( '' );
			// Only the failed requests were logged.
			expect( wiki.problems.filter( ( p ) => !/ERR_INTERNET_DISCONNECTED/.test( p.text ) ) ).toEqual( [] );
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'with uselang=qqx', () => {
	it( 'shows the message keys, with their parameters, as MediaWiki does for its own messages', async () => {
		const wiki = await newPage( browser, { account: 'dana', uselang: 'qqx' } );
		try {
			await openSettled( wiki, DRAFT, true );
			const buttons = await feedbackButtons( wiki );
			expect( buttons ).toHaveLength( 4 );
			expect( buttons.every( ( b ) => b.text === '(ldwg-gadget-feedback-button)' ) ).toBe( true );
			expect( buttons[ 0 ]?.name ).toBe( '(ldwg-gadget-feedback-button-label: Leader)' );
			// The keys are no language: the widget says English, as MediaWiki's qqx pages do.
			expect( await wiki.page.locator( '.ldwg-feedback' ).first().getAttribute( 'lang' ) ).toBe( 'en' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'the link for readers without the gadget (safemode)', () => {
	it( 'floats to the end of the line in the page\'s direction, apart from the text, in the page\'s language', async () => {
		for ( const [ title, end ] of [ [ DRAFT, 'right' ], [ `${ DRAFT }/ar`, 'left' ] ] as const ) {
			const wiki = await newPage( browser, { uselang: title === DRAFT ? 'en' : 'ar' } );
			try {
				await wiki.open( title, { safemode: '1' } );
				const link = wiki.page.locator( '.ldwg-section-nojs' ).first();
				await link.waitFor( { state: 'visible' } );
				const found = await link.evaluate( ( span ) => {
					const box = span.getBoundingClientRect();
					const content = ( span.closest( '.mw-parser-output' ) as Element ).getBoundingClientRect();
					const style = getComputedStyle( span );
					const text = span.querySelector( 'a' )?.firstElementChild;
					return {
						atLeft: Math.abs( box.left - content.left ) < 2,
						atRight: Math.abs( box.right - content.right ) < 2,
						gapLeft: parseFloat( style.marginLeft ),
						gapRight: parseFloat( style.marginRight ),
						lang: text?.getAttribute( 'lang' ),
						dir: text?.getAttribute( 'dir' ),
					};
				} );
				expect( found, title ).toMatchObject( end === 'right' ?
					{ atRight: true, gapRight: 0, lang: 'en', dir: 'ltr' } :
					{ atLeft: true, gapLeft: 0, lang: 'ar', dir: 'rtl' } );
				expect( end === 'right' ? found.gapLeft : found.gapRight, title ).toBeGreaterThan( 8 );
				expect( await wiki.page.locator( '.ldwg-feedback' ).count() ).toBe( 0 );
			} finally {
				await wiki.close();
			}
		}
	} );
} );

describe( 'when the draft is printed', () => {
	it( 'leaves the buttons and counts off the paper, as the skins do with edit links', async () => {
		for ( const skin of [ 'vector-2022', 'minerva' ] as Skin[] ) {
			const wiki = await newPage( browser, { skin, account: 'dana' } );
			try {
				await openSettled( wiki, DRAFT, true );
				expect( await wiki.page.locator( '.ldwg-feedback' ).first().isVisible() ).toBe( true );
				await wiki.page.emulateMedia( { media: 'print' } );
				expect( await wiki.page.locator( '.ldwg-feedback:visible' ).count(), skin ).toBe( 0 );
			} finally {
				await wiki.close();
			}
		}
	} );
} );

describe( 'the status line next to each button', () => {
	it( 'is a live region in the accessibility tree before anything is said in it, taking no room', async () => {
		const wiki = await newPage( browser, { account: 'dana' } );
		try {
			await openSettled( wiki, DRAFT, true );
			const cdp = await wiki.context.newCDPSession( wiki.page );
			const { root } = await cdp.send( 'DOM.getDocument', { depth: 0 } );
			const { nodeId } = await cdp.send( 'DOM.querySelector', { nodeId: root.nodeId, selector: '.ldwg-feedback-status' } );
			const { nodes } = await cdp.send( 'Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false } );
			// A region that is not rendered when text arrives is not announced.
			expect( nodes[ 0 ]?.ignored ).toBe( false );
			expect( nodes[ 0 ]?.role?.value ).toBe( 'status' );
			// Empty, it adds no gap: the counts follow the button as without it.
			const widths = await wiki.page.locator( '.ldwg-feedback' ).first().evaluate( ( widget ) => {
				const status = widget.querySelector( '.ldwg-feedback-status' ) as HTMLElement;
				const before = widget.getBoundingClientRect().height;
				status.remove();
				return [ before, widget.getBoundingClientRect().height ];
			} );
			expect( widths[ 0 ] ).toBe( widths[ 1 ] );
		} finally {
			await wiki.close();
		}
	} );
} );
