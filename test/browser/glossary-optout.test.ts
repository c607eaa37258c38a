/**
 * Switching glossary highlighting off and back on, in real Chromium on the local wiki, for a
 * reader who is not logged in (the opt-out is kept in this browser):
 *
 * - Minerva on a phone, as Wikimedia wikis serve it to logged-out readers: without a tools menu.
 *   Locally Minerva runs without MobileFrontend and always renders its "More" menu (`#p-tb`);
 *   on Meta a logged-out reader gets none (MinervaOverflowInPageActions is off for them), so the
 *   test removes that menu from the served page, checks `#p-tb` is really gone, and expects the
 *   way back after the page content;
 * - Vector 2022, where the way back is in the tools menu (in 1.39, inside the main menu).
 *
 * Each: switch off from the popup, the notice names the place of the way back, reload, nothing of
 * the glossary is fetched and nothing is marked, the way back is reached with Tab alone and used
 * with Enter, terms are marked again (and stay so after a reload). Then, more briefly, the way
 * back in the tools menu of Vector legacy, MonoBook and Timeless, and in logged-out Minerva as
 * served locally (with its "More" menu). Console errors fail the test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { NewPageOptions, Skin, WikiPage } from '../helpers/browser.ts';
import { expectSeededGlossary, TERMS_PREFIX, trackGlossaryRequests } from '../helpers/glossary.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const SWITCH_ON = 'Highlight glossary terms';
/** Upper bound of Tab presses from the top of the page to the way back. */
const MAX_TABS = 400;

let browser: Browser;

/**
 * The page without Minerva's "More" menu of page actions (`<li id="page-actions-overflow">`,
 * holding `#p-tb`), as Minerva renders it for logged-out readers on Wikimedia wikis.
 */
function withoutOverflowMenu( html: string ): string {
	const start = html.indexOf( '<li id="page-actions-overflow"' );
	if ( start < 0 ) {
		throw new Error( 'Minerva\'s overflow menu was not found: the reproduction needs updating' );
	}
	// Skip to the item's matching end tag (it holds a list of its own).
	const tags = /<li\b|<\/li>/g;
	tags.lastIndex = start;
	let depth = 0;
	for ( let match = tags.exec( html ); match; match = tags.exec( html ) ) {
		depth += match[ 0 ] === '</li>' ? -1 : 1;
		if ( depth === 0 ) {
			return html.slice( 0, start ) + html.slice( match.index + match[ 0 ].length );
		}
	}
	throw new Error( 'Minerva\'s overflow menu has no end tag' );
}

/** Opens the draft with highlighting switched off in this browser, as the popup leaves it. */
async function openSwitchedOff( wiki: WikiPage ): Promise<void> {
	await wiki.open( DRAFT );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
	await wiki.page.evaluate( () => window.mw.storage.set( 'ldwg-glossary-off', '1' ) );
	await wiki.open( DRAFT );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
}

/** Opens a page and waits until marking has finished. */
async function openMarked( wiki: WikiPage ): Promise<void> {
	await wiki.open( DRAFT );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
	await wiki.page.waitForLoadState( 'networkidle' );
	await wiki.page.waitForSelector( '.ldwg-term' );
}

/** Whether the focused element is inside `locator`'s element. */
function focusIsIn( locator: Locator ): Promise<boolean> {
	return locator.evaluate( ( node ) => node.contains( document.activeElement ) );
}

/**
 * Presses Tab until focus is inside `target`; fails when it is not reached within `max` presses
 * (hidden elements are not in the tab order, so reaching it also means it is shown).
 */
async function tabTo( wiki: WikiPage, target: Locator, max = MAX_TABS ): Promise<number> {
	for ( let presses = 1; presses <= max; presses++ ) {
		await wiki.page.keyboard.press( 'Tab' );
		if ( await focusIsIn( target ) ) {
			return presses;
		}
	}
	throw new Error( `Not reached with ${ max } presses of Tab` );
}

/** One skin: how the page is opened, where the way back is and how a keyboard reaches it. */
interface SkinCase {
	name: string;
	options: NewPageOptions;
	/** Text of the notice shown right after switching off (it names the place). */
	notice: RegExp;
	/** Prepares the page so that it is served as on Meta. */
	prepare?( wiki: WikiPage ): Promise<void>;
	/** The way back, by role and accessible name (also while its menu is closed). */
	wayBack( wiki: WikiPage ): Locator;
	/** Moves keyboard focus onto the way back from the top of the page, with keys only. */
	reach( wiki: WikiPage ): Promise<void>;
}

const CASES: SkinCase[] = [ {
	name: 'Minerva on a phone, logged out (no tools menu)',
	options: { skin: 'minerva', viewport: { width: 360, height: 740 } },
	notice: /at the end of the page/,
	async prepare( wiki ) {
		await wiki.page.route( /index\.php\?title=/, async ( route ) => {
			if ( route.request().resourceType() !== 'document' ) {
				await route.continue();
				return;
			}
			const response = await route.fetch();
			await route.fulfill( { response, body: withoutOverflowMenu( await response.text() ) } );
		} );
	},
	wayBack: ( wiki ) => wiki.page.locator( '#ldwg-glossary-switch-on' )
		.getByRole( 'button', { name: SWITCH_ON, includeHidden: true } ),
	async reach( wiki ) {
		await tabTo( wiki, this.wayBack( wiki ) );
	},
}, {
	name: 'Vector 2022, logged out (tools menu)',
	options: { skin: 'vector-2022' },
	notice: /in the tools menu/,
	wayBack: ( wiki ) => wiki.page.locator( '#p-tb #ldwg-glossary-switch-on' )
		.getByRole( 'link', { name: SWITCH_ON, includeHidden: true } ),
	async reach( wiki ) {
		// In 1.39 the tools are in the main menu, which a keyboard opens with Enter.
		await tabTo( wiki, wiki.page.locator( '#mw-sidebar-button' ), 20 );
		await wiki.page.keyboard.press( 'Enter' );
		await wiki.page.locator( '#p-tb' ).waitFor( { state: 'visible' } );
		await tabTo( wiki, this.wayBack( wiki ), 100 );
	},
} ];

beforeAll( async () => {
	browser = await launchBrowser();
	await expectSeededGlossary();
}, 300000 );

afterAll( async () => {
	await browser?.close();
} );

describe.each( CASES )( 'switching highlighting off and on again: $name', ( skin ) => {
	it( 'switches off from the popup, fetches nothing after a reload, and the way back works by keyboard', async () => {
		const wiki = await newPage( browser, skin.options );
		try {
			await skin.prepare?.( wiki );
			await openMarked( wiki );
			if ( skin.prepare ) {
				// The reproduction holds: no tools menu in this page.
				expect( await wiki.page.locator( '#p-tb' ).count() ).toBe( 0 );
			}

			// Off, from the popup.
			await wiki.page.locator( '.ldwg-term' ).first().click();
			await wiki.page.locator( '.ldwg-popup-switch-off' ).click();
			await expect.poll( () => wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
			await expect.poll( () => wiki.page.locator( '.mw-notification' ).allTextContents() )
				.toEqual( [ expect.stringMatching( skin.notice ) ] );

			// Next page view: nothing of the glossary is fetched, nothing marked, a way back.
			const requests = trackGlossaryRequests( wiki );
			await wiki.open( DRAFT );
			await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
			const wayBack = skin.wayBack( wiki );
			await wayBack.waitFor( { state: 'attached', timeout: 30000 } );
			await wiki.page.waitForLoadState( 'networkidle' );
			expect( requests ).toEqual( [] );
			expect( await wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
			expect( await wiki.page.locator( '#ldwg-glossary-switch-on' ).count() ).toBe( 1 );

			// Found and used with the keyboard alone.
			await skin.reach( wiki );
			expect( await wayBack.isVisible() ).toBe( true );
			if ( skin.prepare ) {
				await screenshot( wiki, 'glossary-switch-on-minerva' );
				const results = await new AxeBuilder( { page: wiki.page } )
					.include( '#ldwg-glossary-switch-on' ).analyze();
				expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
					.map( ( v ) => `${ v.id }: ${ v.help }` ) ).toEqual( [] );
			}
			await wiki.page.keyboard.press( 'Enter' );
			await wiki.page.waitForSelector( '.ldwg-term', { timeout: 30000 } );
			expect( await wiki.page.locator( '#ldwg-glossary-switch-on' ).count() ).toBe( 0 );
			expect( requests.some( ( u ) => u.includes( `${ TERMS_PREFIX }en.json` ) ) ).toBe( true );

			// And it stays on.
			await openMarked( wiki );
			expect( await wiki.page.locator( '#ldwg-glossary-switch-on' ).count() ).toBe( 0 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

// Locally Minerva always has its "More" menu (#p-tb), as logged-in readers have on Meta.
describe.each( [ 'vector', 'monobook', 'timeless', 'minerva' ] as Skin[] )( 'the way back in %s', ( skin ) => {
	it( 'is a link in the tools menu (#p-tb) that switches highlighting on again', async () => {
		const wiki = await newPage( browser, { skin } );
		try {
			await openSwitchedOff( wiki );
			const link = wiki.page.locator( '#p-tb #ldwg-glossary-switch-on' )
				.getByRole( 'link', { name: SWITCH_ON, includeHidden: true } );
			await link.waitFor( { state: 'attached', timeout: 30000 } );
			expect( await wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
			expect( await wiki.page.locator( '#ldwg-glossary-switch-on' ).count() ).toBe( 1 );
			if ( skin === 'minerva' ) {
				// Inside the "More" menu, which a tap opens.
				await wiki.page.locator( '#page-actions-overflow-toggle' ).click();
			}
			await expect.poll( () => link.isVisible() ).toBe( true );
			await link.focus();
			await wiki.page.keyboard.press( 'Enter' );
			await wiki.page.waitForSelector( '.ldwg-term', { timeout: 30000 } );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );
