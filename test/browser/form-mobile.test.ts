/**
 * The feedback form as readers on phones meet it: Minerva on a 360 × 640 touch screen (isMobile,
 * hasTouch, device scale 2), in English and in Arabic, driven with taps; the on-screen keyboard
 * (the viewport shrinking to 360 × 300 while a field has focus), turning the phone, 200 % text
 * size, long URLs in a comment, a double tap on "Give feedback", a network failure while
 * publishing, closing and reopening; and Vector 2022 at 320 px. What a screen reader gets is
 * checked on Chromium's accessibility tree (aria snapshot).
 *
 * What it cannot show: a real phone's keyboard (Chrome on Android resizes only the visual
 * viewport by default; this shrinks the layout viewport, as `interactive-widget=resizes-content`
 * and older Chrome do) and its browser toolbar; MobileFrontend itself (see
 * minerva-sections.test.ts for its collapsed sections).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { Skin, WikiPage } from '../helpers/browser.ts';
import { apiClient } from '../helpers/wiki.ts';
import type { AccountKey } from '../helpers/wiki.ts';
import { parseEntries } from '../../shared/entry/parse.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const TALK = `Talk:${ DRAFT }`;
const SUMMARY_JSON = 'User:LDWG-bot/summary.json';
const summary = readFileSync( path.resolve( __dirname, '../fixtures/contracts/summary.valid.json' ), 'utf8' );
const LONG_URL = 'https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group/' +
	'Shared_definition_of_leadership/A_very_long_path_without_any_break_abcdefghijklmnopqrstuvwxyz';

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
	// Written by an interface administrator: the fixture stands in for the bot's output, so that
	// sections have counts to update.
	const admin = await apiClient( 'admin' );
	await admin.save( SUMMARY_JSON, summary, 'Summary fixture for the gadget tests' );
}, 120000 );

afterAll( async () => {
	await browser?.close();
} );

/** Options of {@link phonePage}. */
interface PhoneOptions {
	account?: AccountKey;
	uselang?: string;
	skin?: Skin;
	/** A desktop browser window of this width instead of a touch phone. */
	desktopWidth?: number;
}

/**
 * A page on a touch phone (newPage's `phone`), or a desktop window of `desktopWidth`; Minerva
 * unless told.
 */
function phonePage( options: PhoneOptions = {} ): Promise<WikiPage> {
	const where = options.desktopWidth ?
		{ viewport: { width: options.desktopWidth, height: 640 } } :
		{ phone: true };
	return newPage( browser, Object.assign( where, {
		account: options.account, uselang: options.uselang, skin: options.skin ?? 'minerva',
	} ) );
}

/** Opens a draft and waits for its buttons and counts. */
async function openDraft( wiki: WikiPage, title: string ): Promise<void> {
	const answered = wiki.page.waitForResponse(
		( r ) => /(?:api|index)\.php\?.*summary\.json/.test( decodeURIComponent( r.url() ) ),
		{ timeout: 60000 },
	);
	await wiki.open( title );
	await expectGadgetReady( wiki );
	await answered;
	await wiki.page.locator( '.ldwg-feedback button' ).first().waitFor( { timeout: 30000 } );
}

/** A section's feedback button. */
function feedbackButton( wiki: WikiPage, section: string ): Locator {
	return wiki.page.locator( `.ldwg-feedback[data-ldwg-section="${ section }"] button.ldwg-feedback-button` );
}

/** Scrolls into view and taps (touch) or clicks (desktop). */
async function tap( wiki: WikiPage, target: Locator ): Promise<void> {
	await target.scrollIntoViewIfNeeded();
	if ( await wiki.page.evaluate( () => 'ontouchstart' in window ) ) {
		await target.tap();
	} else {
		await target.click();
	}
}

/** Taps a section's button and waits for the form. */
async function openForm( wiki: WikiPage, section: string ): Promise<void> {
	await tap( wiki, feedbackButton( wiki, section ) );
	await wiki.page.locator( '.ldwg-form[role="dialog"]' ).waitFor( { timeout: 30000 } );
}

/** The label of a radio, which is what a finger hits. */
function radioLabel( wiki: WikiPage, value: string, nth = 0 ): Locator {
	return wiki.page.locator( `.ldwg-form .cdx-radio__wrapper:has(input[value="${ value }"]) label` ).nth( nth );
}

/**
 * Whether a reader can get to an element: scrolled into view the way the browser does for a
 * focused field (block "nearest"), its centre and its top and bottom edges are on the screen and
 * not covered by anything else (another part of the dialog, the page).
 */
async function reachable( target: Locator ): Promise<{ ok: boolean; why: string }> {
	return target.evaluate( ( element ) => {
		element.scrollIntoView( { block: 'nearest', inline: 'nearest' } );
		const box = element.getBoundingClientRect();
		const x = box.left + Math.min( box.width / 2, 20 );
		const points = [ box.top + 2, box.top + box.height / 2, box.bottom - 2 ];
		for ( const y of points ) {
			const hit = document.elementFromPoint( x, y );
			const mine = !!hit && ( hit === element || element.contains( hit ) );
			if ( y < 0 || y > window.innerHeight || !mine ) {
				return { ok: false, why: `at ${ Math.round( x ) },${ Math.round( y ) } of ` +
					`${ Math.round( box.top ) }–${ Math.round( box.bottom ) } (viewport ${ window.innerHeight }): ` +
					`${ hit ? `${ hit.tagName }.${ hit.className }` : 'nothing' }` };
			}
		}
		return { ok: true, why: '' };
	} );
}

/** Parts of the dialog wider than it, or sticking out of it (left or right). */
function overflowing( wiki: WikiPage ): Promise<string[]> {
	return wiki.page.evaluate( () => {
		const dialog = document.querySelector( '.ldwg-form' ) as HTMLElement;
		const frame = dialog.getBoundingClientRect();
		const out: string[] = [];
		if ( dialog.scrollWidth > dialog.clientWidth + 1 ) {
			out.push( `dialog scrolls sideways: ${ dialog.scrollWidth } > ${ dialog.clientWidth }` );
		}
		// Text rectangles, not elements: a long word sticks out of a box of the right width.
		const walker = document.createTreeWalker( dialog, NodeFilter.SHOW_TEXT );
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			const range = document.createRange();
			range.selectNodeContents( node );
			for ( const r of Array.from( range.getClientRects() ) ) {
				if ( r.width && ( r.left < frame.left - 1 || r.right > frame.right + 1 ) ) {
					out.push( `"${ ( node.textContent || '' ).slice( 0, 30 ) }" ${ Math.round( r.left ) }–${ Math.round( r.right ) }` );
				}
			}
		}
		return out;
	} );
}

/** Entries on the talk page whose comment contains `marker`. */
async function entriesWith( marker: string ): Promise<number> {
	const admin = await apiClient( 'admin' );
	const response = await admin.query( { prop: 'revisions', rvprop: 'content', rvslots: 'main',
		titles: TALK, formatversion: '2' } ) as {
		query: { pages: { revisions?: { slots: { main: { content: string } } }[] }[] };
	};
	const text = response.query.pages[ 0 ]?.revisions?.[ 0 ]?.slots.main.content ?? '';
	return parseEntries( text ).entries.filter( ( e ) => ( e.entry.comment ?? '' ).includes( marker ) ).length;
}

describe( 'on a phone in Minerva, with taps', () => {
	it.each( [ 'en', 'ar' ] )( 'gives feedback with every field and sees it counted (%s)', async ( lang ) => {
		const wiki = await phonePage( { account: 'alice', uselang: lang } );
		try {
			await openDraft( wiki, lang === 'ar' ? `${ DRAFT }/ar` : DRAFT );
			const counts = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"] .ldwg-feedback-counts a' );
			const before = await counts.textContent();
			await openForm( wiki, 'leader' );
			const dialog = wiki.page.locator( '.ldwg-form' );
			expect( await dialog.boundingBox() ).toEqual( { x: 0, y: 0, width: 360, height: 640 } );
			await tap( wiki, radioLabel( wiki, 'support-with-changes' ) );
			await tap( wiki, radioLabel( wiki, '4', 0 ) );
			const marker = `mobile-${ lang }-${ Date.now() }`;
			const comment = wiki.page.locator( '.ldwg-form textarea[name="comment"]' );
			await tap( wiki, comment );
			await comment.fill( `${ lang === 'ar' ? 'انظر' : 'See' } ${ LONG_URL } ${ marker }` );
			await tap( wiki, wiki.page.locator( '.ldwg-form textarea[name="wording"]' ) );
			await wiki.page.locator( '.ldwg-form textarea[name="wording"]' ).fill( `A leader… قائد ${ LONG_URL }` );
			await wiki.page.locator( '.ldwg-form select[name="region"]' ).selectOption( { index: 2 } );
			await wiki.page.locator( '.ldwg-form select[name="language"]' ).selectOption( 'fr' );
			// Preview: the long URL wraps inside the dialog. It ran off a phone's screen; in the
			// right-to-left dialog, whose overflow on the right cannot be scrolled to, it was
			// cut off for good.
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button' ).nth( 1 ) );
			await wiki.page.locator( '.ldwg-form-preview-content .ldwg-entry-comment' ).waitFor( { timeout: 30000 } );
			expect( await overflowing( wiki ) ).toEqual( [] );
			await screenshot( wiki, `form-mobile-preview-${ lang }` );
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) );
			await wiki.page.locator( '.ldwg-form .cdx-message--success' ).waitFor( { timeout: 30000 } );
			expect( await entriesWith( marker ) ).toBe( 1 );
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button:visible' ) );
			expect( await dialog.count() ).toBe( 0 );
			expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-feedback-button' ) ) ).toBe( true );
			// The count went up by one, in the reader's digits; the notice links to the entry.
			const digits = ( s: string | null ): number => Number( ( s ?? '' ).replace( /[^\d٠-٩]/g, '' )
				.replace( /[٠-٩]/g, ( d ) => String( d.charCodeAt( 0 ) - 0x660 ) ) );
			expect( digits( await counts.textContent() ) ).toBe( digits( before ) + 1 );
			const status = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"] [role="status"] a' );
			expect( await status.getAttribute( 'href' ) ).toContain( '#ldwg-entry-' );
			await screenshot( wiki, `form-mobile-saved-${ lang }` );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'keeps the field being typed in and "Publish" reachable when the keyboard takes half the screen, and when the phone turns', async () => {
		const wiki = await phonePage( { account: 'bob' } );
		try {
			await openDraft( wiki, DRAFT );
			await openForm( wiki, 'good-leadership' );
			await tap( wiki, radioLabel( wiki, 'oppose' ) );
			const comment = wiki.page.locator( '.ldwg-form textarea[name="comment"]' );
			await tap( wiki, comment );
			await wiki.page.keyboard.type( 'Typed on a phone' );
			// The keyboard comes up.
			await wiki.page.setViewportSize( { width: 360, height: 300 } );
			// The body scrolled between a fixed header and footer: 16 px of it were left, and the
			// comment could not be seen whatever the scrolling.
			expect( await reachable( comment ) ).toEqual( { ok: true, why: '' } );
			await screenshot( wiki, 'form-mobile-keyboard' );
			expect( await wiki.page.evaluate( () => ( document.activeElement as HTMLTextAreaElement ).name ) ).toBe( 'comment' );
			expect( await reachable( wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) ) ).toEqual( { ok: true, why: '' } );
			// Turned sideways (keyboard gone): still one scroll away, focus and text kept.
			await wiki.page.setViewportSize( { width: 640, height: 360 } );
			expect( await reachable( comment ) ).toEqual( { ok: true, why: '' } );
			expect( await reachable( wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) ) ).toEqual( { ok: true, why: '' } );
			expect( await comment.inputValue() ).toBe( 'Typed on a phone' );
			expect( await wiki.page.evaluate( () => ( document.activeElement as HTMLTextAreaElement ).name ) ).toBe( 'comment' );
			expect( await overflowing( wiki ) ).toEqual( [] );
			// And back upright.
			await wiki.page.setViewportSize( { width: 360, height: 640 } );
			expect( await wiki.page.locator( '.ldwg-form' ).boundingBox() ).toEqual( { x: 0, y: 0, width: 360, height: 640 } );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'can reach every field and button at 200 % text size', async () => {
		const wiki = await phonePage( { account: 'bob', uselang: 'ar' } );
		try {
			await openDraft( wiki, `${ DRAFT }/ar` );
			await openForm( wiki, 'leader' );
			// Enlarged once the form is open: at 200 % Minerva's own "Last edited" bar widens the
			// page, and in Arabic the page then scrolls sideways under the button.
			await wiki.page.addStyleTag( { content: 'html { font-size: 200% !important; }' } );
			// The header alone filled the screen, the body was 16 px high and "Publish" was
			// below the bottom of the screen, out of reach.
			for ( const selector of [ 'input[name$="stance"]', 'textarea[name="comment"]', 'select[name="language"]',
				'footer button[type="submit"]' ] ) {
				expect( { selector, ...await reachable( wiki.page.locator( `.ldwg-form ${ selector }` ).first() ) } )
					.toEqual( { selector, ok: true, why: '' } );
			}
			expect( await overflowing( wiki ) ).toEqual( [] );
			// Publishing without a stance: the message is next to the field, the summary has focus.
			// (Activated from the page: with the page wider than the phone at this size, because of
			// Minerva's "Last edited" bar, Playwright's tap scrolls the visual viewport sideways.)
			await wiki.page.locator( '.ldwg-form footer button[type="submit"]' )
				.evaluate( ( button ) => ( button as HTMLButtonElement ).click() );
			await wiki.page.locator( '.ldwg-form-summary:not([hidden])' ).waitFor();
			expect( await wiki.page.evaluate( () => document.activeElement?.className ) ).toBe( 'ldwg-form-summary' );
			expect( await reachable( wiki.page.locator( '.ldwg-form-field-stance .cdx-field__validation-message' ) ) )
				.toEqual( { ok: true, why: '' } );
			await screenshot( wiki, 'form-mobile-200-percent-ar' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'answers nothing in the dialog when "Give feedback" is tapped twice', async () => {
		const wiki = await phonePage( { account: 'chandra' } );
		try {
			await openDraft( wiki, DRAFT );
			const button = feedbackButton( wiki, 'leader' );
			// The first opening loads the form; from then on it opens at the first tap.
			await openForm( wiki, 'leader' );
			const target = await radioLabel( wiki, 'support-with-changes' ).boundingBox();
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button' ).first() );
			expect( target ).not.toBeNull();
			// Scroll the page so that the button is where that stance will be.
			const box = await button.boundingBox();
			const targetY = ( target?.y ?? 0 ) + ( target?.height ?? 0 ) / 2;
			await wiki.page.evaluate( ( dy ) => window.scrollBy( 0, dy ),
				( box?.y ?? 0 ) + ( box?.height ?? 0 ) / 2 - targetY );
			const now = await button.boundingBox();
			const x = Math.max( now?.x ?? 0, target?.x ?? 0 ) + 5;
			const y = ( now?.y ?? 0 ) + ( now?.height ?? 0 ) / 2;
			expect( Math.abs( y - targetY ) ).toBeLessThan( 5 );
			await wiki.page.touchscreen.tap( x, y );
			await wiki.page.waitForTimeout( 150 );
			await wiki.page.touchscreen.tap( x, y );
			await wiki.page.locator( '.ldwg-form[role="dialog"]' ).waitFor();
			expect( await wiki.page.locator( '.ldwg-form input[name$="stance"]:checked' ).count() ).toBe( 0 );
			// Focus stays on the first stance, where opening put it.
			expect( await wiki.page.evaluate( () => ( document.activeElement as HTMLInputElement ).value ) ).toBe( 'support' );
			// A moment later, a tap there chooses as it should.
			await wiki.page.waitForTimeout( 700 );
			await wiki.page.touchscreen.tap( x, y );
			expect( await wiki.page.locator( '.ldwg-form input[name$="stance"]:checked' ).getAttribute( 'value' ) )
				.toBe( 'support-with-changes' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'publishes once, and keeps the buttons under the finger, when "Publish" is tapped twice', async () => {
		const wiki = await phonePage( { account: 'chandra' } );
		try {
			await openDraft( wiki, DRAFT );
			await openForm( wiki, 'leadership-pathways' );
			await tap( wiki, radioLabel( wiki, 'support' ) );
			const marker = `mobile-double-${ Date.now() }`;
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( marker );
			// A slow wiki: the second tap comes while the first is being published.
			await wiki.page.route( '**/api.php', async ( route ) => {
				if ( route.request().method() === 'POST' ) {
					await new Promise( ( resolve ) => {
						setTimeout( resolve, 1500 );
					} );
				}
				await route.continue();
			} );
			const publish = wiki.page.locator( '.ldwg-form footer button[type="submit"]' );
			await publish.scrollIntoViewIfNeeded();
			const box = await publish.boundingBox();
			const x = ( box?.x ?? 0 ) + ( box?.width ?? 0 ) / 2;
			const y = ( box?.y ?? 0 ) + ( box?.height ?? 0 ) / 2;
			await wiki.page.touchscreen.tap( x, y );
			await wiki.page.locator( '.ldwg-form-status .cdx-message' ).waitFor();
			// The "Publishing…" message above the buttons pushed them down, and the finger's
			// next tap met "Show preview" (or "Cancel", with a longer message).
			const under = await wiki.page.evaluate(
				( [ px, py ] ) => document.elementFromPoint( px ?? 0, py ?? 0 )?.textContent,
				[ x, y ] );
			expect( under ).toBe( 'Publish feedback' );
			await wiki.page.touchscreen.tap( x, y );
			await wiki.page.locator( '.ldwg-form .cdx-message--success' ).waitFor( { timeout: 30000 } );
			expect( await entriesWith( marker ) ).toBe( 1 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'shows errors next to the fields, survives a network failure, and keeps the draft when closed', async () => {
		const wiki = await phonePage( { account: 'dana', uselang: 'ar' } );
		try {
			await openDraft( wiki, `${ DRAFT }/ar` );
			await openForm( wiki, 'leadership-skills' );
			// "Support with changes" and nothing else: the comment is asked for, next to it.
			await tap( wiki, radioLabel( wiki, 'support-with-changes' ) );
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) );
			const commentError = wiki.page.locator( '.ldwg-form-field-comment .cdx-field__validation-message' );
			await commentError.waitFor();
			expect( await reachable( commentError ) ).toEqual( { ok: true, why: '' } );
			expect( await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).getAttribute( 'aria-invalid' ) ).toBe( 'true' );
			// The summary's link takes the reader to the field.
			await tap( wiki, wiki.page.locator( '.ldwg-form-summary a' ).first() );
			expect( await wiki.page.evaluate( () => ( document.activeElement as HTMLTextAreaElement ).name ) ).toBe( 'comment' );
			const marker = `mobile-offline-${ Date.now() }`;
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( `تعليق ${ marker }` );
			// The connection drops while publishing.
			await wiki.page.route( '**/api.php', ( route ) => route.request().method() === 'POST' ?
				route.abort( 'internetdisconnected' ) : route.continue() );
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) );
			const retry = wiki.page.locator( '.ldwg-form-status .cdx-message--error button' );
			await retry.waitFor( { timeout: 30000 } );
			expect( await reachable( retry ) ).toEqual( { ok: true, why: '' } );
			expect( await wiki.page.evaluate( () => document.querySelector( '.ldwg-form' )?.contains( document.activeElement ) ) ).toBe( true );
			await wiki.page.unroute( '**/api.php' );
			// Chromium logs the aborted request as a console error: that one was wanted.
			wiki.problems.splice( 0, wiki.problems.length, ...wiki.problems
				.filter( ( p ) => !p.text.includes( 'ERR_INTERNET_DISCONNECTED' ) ) );
			// Closed with ×, then opened again: the text is there, and publishing checks first.
			await tap( wiki, wiki.page.locator( '.ldwg-form .cdx-dialog__header__close-button' ) );
			await openForm( wiki, 'leadership-skills' );
			expect( await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).inputValue() ).toBe( `تعليق ${ marker }` );
			await tap( wiki, wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) );
			await wiki.page.locator( '.ldwg-form .cdx-message--success' ).waitFor( { timeout: 30000 } );
			expect( await entriesWith( marker ) ).toBe( 1 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'gives a screen reader a named dialog, named groups, fields and buttons (ar)', async () => {
		const wiki = await phonePage( { account: 'chandra', uselang: 'ar' } );
		try {
			await openDraft( wiki, `${ DRAFT }/ar` );
			await openForm( wiki, 'leader' );
			const tree = await wiki.page.locator( '.ldwg-form' ).ariaSnapshot();
			expect( tree ).toMatch( /^- dialog "رأيك في «.+»"/ );
			expect( tree ).toContain( 'button "إغلاق"' );
			expect( tree ).toMatch( /- group "ما رأيك في هذا القسم؟ \(مطلوب\)"/ );
			expect( tree ).toMatch( /- radio "أؤيد مع تعديلات"/ );
			expect( tree ).toMatch( /- textbox "تعليق"/ );
			expect( tree ).toMatch( /- combobox "منطقتك"/ );
			expect( tree ).toMatch( /- button "نشر الرأي"/ );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'in Vector 2022 at 320 px', () => {
	it.each( [ 'en', 'ar' ] )( 'fits the dialog to the window and keeps focus in it after a click on its text (%s)', async ( lang ) => {
		const wiki = await phonePage( { account: 'chandra', uselang: lang, skin: 'vector-2022', desktopWidth: 320 } );
		try {
			await openDraft( wiki, lang === 'ar' ? `${ DRAFT }/ar` : DRAFT );
			await openForm( wiki, 'good-leadership' );
			expect( await wiki.page.locator( '.ldwg-form' ).boundingBox() ).toEqual( { x: 0, y: 0, width: 320, height: 640 } );
			expect( await overflowing( wiki ) ).toEqual( [] );
			expect( await reachable( wiki.page.locator( '.ldwg-form footer button[type="submit"]' ) ) ).toEqual( { ok: true, why: '' } );
			// A click on the subtitle (not a control) left focus on the page's body, from where
			// Escape no longer closed the dialog.
			await wiki.page.locator( '.ldwg-form .cdx-dialog__header__subtitle' ).click();
			expect( await wiki.page.evaluate( () => document.querySelector( '.ldwg-form' )?.contains( document.activeElement ) ) ).toBe( true );
			await wiki.page.keyboard.press( 'Escape' );
			expect( await wiki.page.locator( '.ldwg-form' ).count() ).toBe( 0 );
			expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-feedback-button' ) ) ).toBe( true );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );
