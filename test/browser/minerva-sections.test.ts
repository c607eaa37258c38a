/**
 * Minerva with collapsed sections, as Meta serves phones. The local wiki has no MobileFrontend
 * (it is not packaged for Debian), so Minerva never collapses sections here. This test rebuilds
 * the page the way MobileFrontend's server-side formatter does before any of our code runs —
 * each `h2` becomes a `section-heading collapsible-heading` followed by a
 * `<section class="mf-section-N collapsible-block" hidden="until-found">` with the section's
 * content — and toggles a section the way MobileFrontend's toggler does (click, Enter or Space
 * on the heading, which is a button with `aria-expanded`). It then checks what a reader on a
 * phone meets: buttons and counts inside the collapsed sections, out of the tab order while
 * collapsed, reachable by keyboard and usable as soon as the section opens, and nothing
 * duplicated when `wikipage.content` fires again. What it cannot show: MobileFrontend's own
 * scripts (lazy images, its toggler's state kept across visits) — those need checking on Meta.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { WikiPage } from '../helpers/browser.ts';
import { apiClient } from '../helpers/wiki.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const SUMMARY_JSON = 'User:LDWG-bot/summary.json';
const summary = readFileSync( path.resolve( __dirname, '../fixtures/contracts/summary.valid.json' ), 'utf8' );
const PHONE = { width: 390, height: 844 };

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
	// Written by an interface administrator: the fixture stands in for the bot's output.
	const admin = await apiClient( 'admin' );
	await admin.save( SUMMARY_JSON, summary, 'Summary fixture for the gadget tests' );
}, 120000 );

afterAll( async () => {
	await browser?.close();
} );

/**
 * Installs, before the page's own scripts, the collapsed-section markup of MobileFrontend and a
 * toggler that behaves like its own (the heading is a button; opening removes `hidden`).
 */
async function collapseLikeMobileFrontend( wiki: WikiPage ): Promise<void> {
	await wiki.page.addInitScript( () => {
		document.addEventListener( 'DOMContentLoaded', () => {
			const output = document.querySelector( '#mw-content-text .mw-parser-output' );
			if ( !output ) {
				return;
			}
			const children = Array.from( output.children );
			let index = 0;
			let section = document.createElement( 'section' );
			section.className = 'mf-section-0';
			output.appendChild( section );
			for ( const child of children ) {
				if ( child.tagName === 'H2' ) {
					index++;
					const heading = child as HTMLElement;
					heading.classList.add( 'section-heading', 'collapsible-heading' );
					heading.setAttribute( 'role', 'button' );
					heading.tabIndex = 0;
					heading.setAttribute( 'aria-expanded', 'false' );
					heading.setAttribute( 'aria-controls', `mf-section-${ index }` );
					const icon = document.createElement( 'span' );
					icon.className = 'mf-icon mf-icon-expand';
					heading.prepend( icon );
					output.appendChild( heading );
					section = document.createElement( 'section' );
					section.className = `mf-section-${ index } collapsible-block`;
					section.id = `mf-section-${ index }`;
					section.setAttribute( 'hidden', 'until-found' );
					output.appendChild( section );
					const block = section;
					const toggle = (): void => {
						const open = block.hasAttribute( 'hidden' );
						if ( open ) {
							block.removeAttribute( 'hidden' );
						} else {
							block.setAttribute( 'hidden', 'until-found' );
						}
						heading.setAttribute( 'aria-expanded', String( open ) );
					};
					heading.addEventListener( 'click', toggle );
					heading.addEventListener( 'keydown', ( event ) => {
						if ( event.key === 'Enter' || event.key === ' ' ) {
							event.preventDefault();
							toggle();
						}
					} );
				} else {
					section.appendChild( child );
				}
			}
		} );
	} );
}

/** Opens the draft and waits until the buttons are there and the summary was answered. */
async function openDraft( wiki: WikiPage ): Promise<void> {
	const answered = wiki.page.waitForResponse(
		( r ) => /(?:api|index)\.php\?.*summary\.json/.test( decodeURIComponent( r.url() ) ),
		{ timeout: 60000 },
	);
	await wiki.open( DRAFT );
	await expectGadgetReady( wiki );
	await answered;
	await wiki.page.waitForFunction(
		() => document.querySelectorAll( '.ldwg-feedback' ).length === 4,
		undefined,
		{ timeout: 30000 },
	);
	await wiki.page.evaluate( () => new Promise( ( resolve ) => {
		window.mw.hook( 'wikipage.content' ).add( () => setTimeout( resolve, 0 ) );
	} ) );
}

/** Accessible name of the focused element, or its class when it has none. */
function focused( wiki: WikiPage ): Promise<string> {
	return wiki.page.evaluate( () => {
		const el = document.activeElement;
		return el ? el.getAttribute( 'aria-label' ) || el.className || el.tagName : '';
	} );
}

describe( 'in Minerva with sections collapsed as MobileFrontend does', () => {
	it( 'keeps each section\'s button in its collapsed block and makes it usable once opened', async () => {
		const wiki = await newPage( browser, { skin: 'minerva', viewport: PHONE } );
		try {
			await collapseLikeMobileFrontend( wiki );
			await openDraft( wiki );
			expect( await wiki.page.locator( 'section.collapsible-block' ).count() ).toBeGreaterThanOrEqual( 4 );

			// Every widget sits inside its own section's collapsed block, named after its heading.
			const placement = await wiki.page.$$eval( '.ldwg-feedback', ( widgets ) => widgets.map( ( w ) => {
				const block = w.closest( 'section.collapsible-block' );
				const heading = block && block.previousElementSibling;
				return {
					hidden: !!block && block.hasAttribute( 'hidden' ),
					heading: heading ? ( heading.querySelector( '.mw-headline' )?.textContent || '' ) : '',
					name: w.querySelector( 'button' )?.getAttribute( 'aria-label' ) || '',
				};
			} ) );
			expect( placement ).toEqual( [ 'Leader', 'Good leadership', 'Leadership skills', 'Leadership pathways' ]
				.map( ( h ) => ( { hidden: true, heading: h, name: `Give feedback on the section "${ h }"` } ) ) );
			expect( await wiki.page.locator( 'button.ldwg-feedback-button:visible' ).count() ).toBe( 0 );

			// While collapsed, Tab walks past the sections: no hidden button takes the focus.
			await wiki.page.locator( 'body' ).focus();
			for ( let i = 0; i < 40; i++ ) {
				await wiki.page.keyboard.press( 'Tab' );
				expect( await focused( wiki ) ).not.toMatch( /^Give feedback/ );
			}

			// Open "Leader" from the keyboard: the next Tab reaches its feedback button.
			const heading = wiki.page.locator( 'h2.collapsible-heading', { hasText: 'Leader' } ).first();
			await heading.focus();
			await wiki.page.keyboard.press( 'Enter' );
			expect( await heading.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
			await wiki.page.keyboard.press( 'Tab' );
			expect( await focused( wiki ) ).toBe( 'Give feedback on the section "Leader"' );
			const leader = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"]' );
			expect( await leader.locator( 'button' ).isVisible() ).toBe( true );
			expect( await leader.locator( '.ldwg-feedback-counts a' ).textContent() ).toBe( 'Feedback so far: 3' );
			// The other sections stay collapsed.
			expect( await wiki.page.locator( 'button.ldwg-feedback-button:visible' ).count() ).toBe( 1 );

			// The button fits the phone's width.
			const box = await leader.locator( 'button' ).boundingBox();
			expect( box ).not.toBeNull();
			expect( ( box as { x: number; width: number } ).x ).toBeGreaterThanOrEqual( 0 );
			expect( ( box as { x: number; width: number } ).x + ( box as { width: number } ).width )
				.toBeLessThanOrEqual( PHONE.width );

			// Enter opens the form; Escape closes it and gives the focus back to the button.
			await wiki.page.keyboard.press( 'Enter' );
			await wiki.page.waitForFunction( () => window.mw.loader.getState( 'ext.gadget.ldwg-form' ) === 'ready', undefined, { timeout: 30000 } );
			const dialog = wiki.page.locator( '[role="dialog"]' );
			await dialog.waitFor( { state: 'visible', timeout: 30000 } );
			await screenshot( wiki, 'gadget-core-minerva-collapsed-form' );
			await wiki.page.keyboard.press( 'Escape' );
			await dialog.waitFor( { state: 'hidden', timeout: 10000 } );
			expect( await focused( wiki ) ).toBe( 'Give feedback on the section "Leader"' );

			// MobileFrontend and other gadgets fire wikipage.content again: nothing is duplicated.
			await wiki.page.evaluate( () => {
				window.mw.hook( 'wikipage.content' ).fire( $( '#mw-content-text' ) );
			} );
			await wiki.page.evaluate( () => new Promise( ( resolve ) => {
				setTimeout( resolve, 200 );
			} ) );
			expect( await wiki.page.locator( '.ldwg-feedback' ).count() ).toBe( 4 );
			await screenshot( wiki, 'gadget-core-minerva-collapsed' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'reveals a collapsed section\'s button with tap (click) on the heading', async () => {
		const wiki = await newPage( browser, { skin: 'minerva', viewport: PHONE, uselang: 'ar' } );
		try {
			await collapseLikeMobileFrontend( wiki );
			const answered = wiki.page.waitForResponse(
				( r ) => /(?:api|index)\.php\?.*summary\.json/.test( decodeURIComponent( r.url() ) ),
				{ timeout: 60000 },
			);
			await wiki.open( `${ DRAFT }/ar` );
			await expectGadgetReady( wiki );
			await answered;
			await wiki.page.waitForFunction( () => document.querySelectorAll( '.ldwg-feedback' ).length === 4,
				undefined, { timeout: 30000 } );
			const second = wiki.page.locator( 'h2.collapsible-heading' ).nth( 1 );
			await second.click();
			const visible = wiki.page.locator( 'button.ldwg-feedback-button:visible' );
			expect( await visible.count() ).toBe( 1 );
			const name = await visible.first().getAttribute( 'aria-label' );
			// Named after the Arabic heading of that section, in the reader's language.
			const headingText = ( await second.locator( '.mw-headline' ).textContent() || '' ).trim();
			expect( name ).toContain( headingText );
			expect( await visible.first().textContent() ).toBe( 'أبدِ رأيك' );
			await visible.first().click();
			await wiki.page.locator( '[role="dialog"]' ).waitFor( { state: 'visible', timeout: 30000 } );
			await screenshot( wiki, 'gadget-core-minerva-collapsed-ar' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );
