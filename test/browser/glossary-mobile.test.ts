/**
 * The glossary popup as readers on phones, with a keyboard only, with a screen reader and in
 * right-to-left text meet it, in real Chromium on the local wiki: on a touch phone (Minerva,
 * 360×640) every popup stays inside the viewport without covering the term it was opened from,
 * also after turning the phone; "Discuss this term" offline says that the form could not be
 * loaded and tries again on the next press; the accessibility tree of the popup and its terms.
 *
 * Setup as in glossary.test.ts: the seeded wiki with the compiled glossary.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import { expectSeededGlossary } from '../helpers/glossary.ts';
import { testWiki } from '../helpers/wiki.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
	await expectSeededGlossary();
}, 300000 );

afterAll( async () => {
	await browser?.close();
} );

/** A page on a touch phone (the helper's pages have no touch), with its errors recorded. */
interface Phone {
	context: BrowserContext;
	page: Page;
	errors: string[];
}

/** Opens `title` in Minerva on a 360×640 touch phone and waits until its terms are marked. */
async function openOnPhone( title: string, uselang?: string ): Promise<Phone> {
	const context = await browser.newContext( {
		viewport: { width: 360, height: 640 },
		hasTouch: true,
		isMobile: true,
	} );
	const page = await context.newPage();
	const errors: string[] = [];
	page.on( 'pageerror', ( e ) => errors.push( e.message ) );
	page.on( 'console', ( m ) => {
		if ( m.type() === 'error' && !/favicon/.test( m.location().url ) ) {
			errors.push( m.text() );
		}
	} );
	const query = new URLSearchParams( { title, useskin: 'minerva' } );
	if ( uselang ) {
		query.set( 'uselang', uselang );
	}
	await page.goto( `${ testWiki().url }/index.php?${ query.toString() }` );
	await page.waitForSelector( '.ldwg-term' );
	await page.waitForLoadState( 'networkidle' );
	return { context, page, errors };
}

/** Where the open popup and its term are (viewport pixels), and what the viewport is. */
async function layout( page: Page ): Promise<{
	popup: { top: number; bottom: number; left: number; right: number };
	term: { top: number; bottom: number; left: number; right: number };
	width: number;
	height: number;
	scrollable: boolean;
}> {
	return page.evaluate( () => {
		const popup = document.querySelector( '.ldwg-popup' ) as HTMLElement;
		const term = document.querySelector( '.ldwg-term[aria-expanded="true"]' ) as HTMLElement;
		type Edges = { top: number; bottom: number; left: number; right: number };
		const edges = ( r: DOMRect ): Edges => ( {
			top: r.top, bottom: r.bottom, left: r.left, right: r.right,
		} );
		return {
			popup: edges( popup.getBoundingClientRect() ),
			term: edges( term.getBoundingClientRect() ),
			width: document.documentElement.clientWidth,
			height: window.innerHeight,
			scrollable: popup.scrollHeight > popup.clientHeight,
		};
	} );
}

/** Checks the popup is inside the viewport and covers no part of its term. */
async function expectBesideItsTerm( page: Page, what: string ): Promise<void> {
	const at = await layout( page );
	const overlaps = at.popup.top < at.term.bottom && at.popup.bottom > at.term.top &&
		at.popup.left < at.term.right && at.popup.right > at.term.left;
	expect( { what, overlaps }, JSON.stringify( at ) ).toEqual( { what, overlaps: false } );
	expect( at.popup.left, what ).toBeGreaterThanOrEqual( 0 );
	expect( at.popup.right, what ).toBeLessThanOrEqual( at.width );
	expect( at.popup.top, what ).toBeGreaterThanOrEqual( 0 );
	expect( at.popup.bottom, what ).toBeLessThanOrEqual( at.height );
}

/** Taps `term` (scrolled into view) and waits for its popup; a popup open before is closed. */
async function tapOpen( page: Page, term: Locator ): Promise<Locator> {
	if ( await page.locator( '.ldwg-popup' ).count() ) {
		// It may lie over the next term, as it would for a reader, who closes it first.
		await page.locator( '.ldwg-popup-close' ).tap();
		await page.locator( '.ldwg-popup' ).waitFor( { state: 'detached' } );
	}
	await term.scrollIntoViewIfNeeded();
	await term.tap();
	const popup = page.locator( '.ldwg-popup' );
	await popup.waitFor( { state: 'visible' } );
	await expect.poll( () => term.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
	return popup;
}

describe( 'the popup on a phone (Minerva, 360×640, touch)', () => {
	it( 'stays inside the screen without covering the tapped term, on the Arabic page too', async () => {
		for ( const [ title, uselang ] of [ [ `${ DRAFT }/ar`, 'ar' ], [ DRAFT, undefined ] ] ) {
			const phone = await openOnPhone( title as string, uselang );
			const terms = phone.page.locator( '.ldwg-term' );
			const count = await terms.count();
			expect( count ).toBeGreaterThan( 5 );
			let cut = 0;
			for ( let i = 0; i < count; i++ ) {
				await tapOpen( phone.page, terms.nth( i ) );
				await expectBesideItsTerm( phone.page, `${ title } term ${ i }` );
				if ( ( await layout( phone.page ) ).scrollable ) {
					cut++;
				}
			}
			if ( uselang === 'ar' ) {
				// Arabic popups are the tallest: some are cut to the room and scroll inside.
				expect( cut ).toBeGreaterThan( 0 );
			}
			expect( phone.errors ).toEqual( [] );
			await phone.context.close();
		}
	} );

	it( 'scrolls inside a popup cut to the room, down to its last button', async () => {
		const phone = await openOnPhone( `${ DRAFT }/ar`, 'ar' );
		const terms = phone.page.locator( '.ldwg-term' );
		const count = await terms.count();
		let popup: Locator | null = null;
		for ( let i = 0; i < count && !popup; i++ ) {
			const open = await tapOpen( phone.page, terms.nth( i ) );
			if ( ( await layout( phone.page ) ).scrollable ) {
				popup = open;
			}
		}
		expect( popup ).not.toBeNull();
		const last = phone.page.locator( '.ldwg-popup-switch-off' );
		await last.scrollIntoViewIfNeeded();
		await expectBesideItsTerm( phone.page, 'scrolled' );
		const button = await last.boundingBox();
		const box = await ( popup as Locator ).boundingBox();
		expect( button && box && button.y + button.height <= box.y + box.height + 1 ).toBe( true );
		await phone.page.screenshot( { path: 'test-output/glossary-popup-cut-ar-minerva.png' } );
		expect( phone.errors ).toEqual( [] );
		await phone.context.close();
	} );

	it( 'is placed again inside the screen when the phone is turned', async () => {
		const phone = await openOnPhone( `${ DRAFT }/ar`, 'ar' );
		const term = phone.page.locator( '.ldwg-term' ).nth( 3 );
		await tapOpen( phone.page, term );
		await expectBesideItsTerm( phone.page, 'portrait' );
		await phone.page.setViewportSize( { width: 640, height: 360 } );
		await term.scrollIntoViewIfNeeded();
		await phone.page.evaluate( () => window.dispatchEvent( new Event( 'resize' ) ) );
		await expectBesideItsTerm( phone.page, 'landscape' );
		await phone.page.setViewportSize( { width: 360, height: 640 } );
		await phone.page.evaluate( () => window.dispatchEvent( new Event( 'resize' ) ) );
		await expectBesideItsTerm( phone.page, 'portrait again' );
		expect( phone.errors ).toEqual( [] );
		await phone.context.close();
	} );

	it( 'says so when "Discuss this term" cannot load the form offline, and tries again on the next tap', async () => {
		const phone = await openOnPhone( DRAFT );
		const popup = await tapOpen( phone.page, phone.page.locator( '.ldwg-term' ).first() );
		await phone.context.setOffline( true );
		const discuss = popup.locator( '.ldwg-popup-discuss' );
		await discuss.tap();
		const status = popup.locator( '[role="status"]' );
		await expect.poll( () => status.textContent(), { timeout: 20000 } )
			.toBe( 'The feedback form could not be loaded. Check your connection, then press “Discuss this term” again.' );
		expect( await popup.isVisible() ).toBe( true );
		await expectBesideItsTerm( phone.page, 'with the error line' );
		await phone.page.screenshot( { path: 'test-output/glossary-discuss-offline-minerva.png' } );
		await phone.context.setOffline( false );
		await discuss.tap();
		await phone.page.locator( '.ldwg-form[role="dialog"]' ).waitFor( { timeout: 30000 } );
		expect( await phone.page.locator( '.ldwg-popup' ).count() ).toBe( 0 );
		expect( phone.errors.filter( ( e ) => !/ERR_INTERNET_DISCONNECTED/.test( e ) ) ).toEqual( [] );
		await phone.context.close();
	} );

	it( 'shows the error line of "Discuss this term" in a popup cut to the room, scrolled to its buttons', async () => {
		const phone = await openOnPhone( `${ DRAFT }/ar`, 'ar' );
		const terms = phone.page.locator( '.ldwg-term' );
		const count = await terms.count();
		let popup: Locator | null = null;
		for ( let i = 0; i < count && !popup; i++ ) {
			const open = await tapOpen( phone.page, terms.nth( i ) );
			const tall = await open.evaluate(
				( p: HTMLElement ) => p.scrollHeight > p.clientHeight + 20 );
			if ( tall ) {
				popup = open;
			}
		}
		expect( popup ).not.toBeNull();
		const cut = popup as Locator;
		const discuss = cut.locator( '.ldwg-popup-discuss' );
		await discuss.scrollIntoViewIfNeeded();
		await phone.context.setOffline( true );
		await discuss.tap();
		const status = cut.locator( '[role="status"]' );
		await expect.poll( () => status.textContent(), { timeout: 20000 } ).toMatch( /تعذّر/ );
		// The line under the buttons is in view inside the popup, not scrolled away below it.
		const line = await status.boundingBox();
		const box = await cut.boundingBox();
		expect( line && box && line.y >= box.y && line.y + line.height <= box.y + box.height + 1,
			JSON.stringify( { line, box } ) ).toBe( true );
		await phone.context.setOffline( false );
		expect( phone.errors.filter( ( e ) => !/ERR_INTERNET_DISCONNECTED/.test( e ) ) ).toEqual( [] );
		await phone.context.close();
	} );
} );

describe( 'mixed directions', () => {
	/**
	 * How far the title's text starts from the start edge of the popup's content (the
	 * definition's box), in the popup's direction: 0 when it starts where the text below does.
	 */
	async function titleIndent( popup: Locator ): Promise<number> {
		return popup.evaluate( ( root: HTMLElement ) => {
			const title = root.querySelector( '.ldwg-popup-title' ) as HTMLElement;
			const range = document.createRange();
			range.selectNodeContents( title );
			const text = range.getBoundingClientRect();
			const content = ( root.querySelector( '.ldwg-popup-definition' ) as HTMLElement )
				.getBoundingClientRect();
			return Math.round( root.dir === 'rtl' ? content.right - text.right : text.left - content.left );
		} );
	}

	it( 'starts a title in the other direction where the popup\'s text starts, not by the close button', async () => {
		// An English term on the Arabic page, for a reader with the Arabic interface.
		const phone = await openOnPhone( `${ DRAFT }/ar`, 'ar' );
		const popup = await tapOpen( phone.page, phone.page.locator( '.ldwg-term[data-ldwg-lang="en"]' ).first() );
		expect( await popup.getAttribute( 'dir' ) ).toBe( 'rtl' );
		expect( await popup.locator( '.ldwg-popup-title' ).getAttribute( 'dir' ) ).toBe( 'ltr' );
		expect( Math.abs( await titleIndent( popup ) ) ).toBeLessThanOrEqual( 1 );
		await popup.screenshot( { path: 'test-output/glossary-popup-ltr-title-in-rtl.png' } );
		expect( phone.errors ).toEqual( [] );
		await phone.context.close();
		// An Arabic term for a reader with the English interface: the mirror image.
		const wiki = await newPage( browser );
		await wiki.open( `${ DRAFT }/ar` );
		await wiki.page.waitForSelector( '.ldwg-term[data-ldwg-lang="ar"]' );
		await wiki.page.waitForLoadState( 'networkidle' );
		await wiki.page.locator( '.ldwg-term[data-ldwg-lang="ar"]' ).first().click();
		const ltr = wiki.page.locator( '.ldwg-popup' );
		await ltr.waitFor( { state: 'visible' } );
		expect( await ltr.getAttribute( 'dir' ) ).toBe( 'ltr' );
		expect( await ltr.locator( '.ldwg-popup-title' ).getAttribute( 'dir' ) ).toBe( 'rtl' );
		expect( Math.abs( await titleIndent( ltr ) ) ).toBeLessThanOrEqual( 1 );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'keyboard only', () => {
	it( 'does not pull focus into a popup that arrives after the reader tabbed on (slow connection)', async () => {
		const wiki = await newPage( browser );
		await wiki.open( DRAFT );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		await wiki.page.waitForSelector( '.ldwg-term' );
		await wiki.page.waitForLoadState( 'networkidle' );
		// The popup's code arrives only when the test lets it.
		let release: () => void = () => undefined;
		const held = new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		await wiki.page.route( /load\.php.*ldwg-popup/, async ( route ) => {
			await held;
			await route.continue();
		} );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		// Focusing the term already asks for the code (its popup shows on focus).
		const asked = wiki.page.waitForRequest( /load\.php.*ldwg-popup/ );
		await term.focus();
		await wiki.page.keyboard.press( 'Enter' );
		await asked;
		await wiki.page.keyboard.press( 'Tab' );
		const focused = (): Promise<string | undefined> => wiki.page.evaluate(
			() => document.activeElement?.outerHTML.slice( 0, 80 ) );
		const went = await focused();
		release();
		await wiki.page.locator( '.ldwg-popup' ).waitFor( { state: 'visible' } );
		await wiki.page.waitForTimeout( 300 );
		expect( await focused() ).toBe( went );
		// Enter on a term with the code there moves focus in, as before.
		await wiki.page.keyboard.press( 'Escape' );
		await term.focus();
		await wiki.page.keyboard.press( 'Enter' );
		await expect.poll( () => wiki.page.evaluate(
			() => !!document.activeElement?.closest( '.ldwg-popup' ) ) ).toBe( true );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'the popup in the accessibility tree', () => {
	it( 'is a dialog named by its term, with its type and status as two labelled items', async () => {
		const wiki = await newPage( browser );
		await wiki.open( DRAFT );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		const term = wiki.page.locator( '.ldwg-term[data-ldwg-concept="leadership"]' ).first();
		await term.waitFor();
		await wiki.page.waitForLoadState( 'networkidle' );
		expect( await term.ariaSnapshot() ).toBe( '- button "leadership"' );
		await term.focus();
		await wiki.page.keyboard.press( 'Enter' );
		const popup = wiki.page.locator( '.ldwg-popup' );
		await popup.waitFor( { state: 'visible' } );
		expect( await term.ariaSnapshot() ).toBe( '- button "leadership" [expanded]' );
		expect( await term.getAttribute( 'aria-controls' ) ).toBe( await popup.getAttribute( 'id' ) );
		const tree = await popup.ariaSnapshot();
		expect( tree ).toContain( '- dialog "Leadership":' );
		expect( tree ).toMatch( /- list:\n\s+- listitem: "Type: Type of leadership"\n\s+- listitem: "Status: Agreed"/ );
		await screenshot( wiki, 'glossary-popup-chips-en' );
		wiki.assertClean();
		await wiki.close();
	} );
} );
