/**
 * Visual accessibility of everything the gadget adds, in real Chromium on the local wiki: night
 * mode as Meta has it (Vector 2022 and Minerva, chosen by the reader or following the OS; the
 * local MediaWiki 1.39 has none, so test/helpers/night-mode.ts reproduces it with Codex's own
 * night token values), forced colours (Windows high contrast) and reduced motion.
 *
 * Checked: axe-core's color-contrast rule on the feedback buttons and counts, the saved notice,
 * the marked terms, the popup, the translators' panel and the form, and on our status colours
 * (errors, warnings, hints) put where they appear; computed styles where axe cannot judge: the
 * terms' dotted underline and focus ring against the page (3:1, WCAG 1.4.11), that the night
 * tokens really reach our elements (no light fallback on a dark page), what forced colours leave
 * of our boundaries and states, and that nothing of ours moves when reduced motion is asked for.
 * Screenshots go to test-output/night-mode-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { NewPageOptions, WikiPage } from '../helpers/browser.ts';
import { expectSeededGlossary } from '../helpers/glossary.ts';
import { contrastRatio, emulateNightMode, flatten } from '../helpers/night-mode.ts';
import type { NightMode } from '../helpers/night-mode.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';

/** Night value of `--background-color-base` (test/helpers/night-mode.ts), as computed. */
const NIGHT_BACKGROUND = 'rgb(16, 20, 24)';

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
	await expectSeededGlossary();
}, 300000 );

afterAll( async () => {
	await browser?.close();
} );

/**
 * Opens a page, puts it into night mode if asked, and waits for the buttons and the marked terms.
 */
async function openPage(
	options: NewPageOptions, title: string, mode?: NightMode,
): Promise<WikiPage> {
	const wiki = await newPage( browser, options );
	await wiki.open( title );
	if ( mode ) {
		await emulateNightMode( wiki.page, mode );
	}
	await expectGadgetReady( wiki );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
	await wiki.page.waitForSelector( '.ldwg-term' );
	await wiki.page.waitForSelector( '.ldwg-feedback-button' );
	await wiki.page.waitForLoadState( 'networkidle' );
	return wiki;
}

/** axe-core's color-contrast rule on the given selectors: the violations, readably. */
async function contrastViolations( page: Page, selectors: string[] ): Promise<string[]> {
	let builder = new AxeBuilder( { page } ).withRules( [ 'color-contrast' ] );
	for ( const selector of selectors ) {
		builder = builder.include( selector );
	}
	const results = await builder.analyze();
	return results.violations.flatMap( ( v ) => v.nodes.map( ( n ) => `${ n.target.join( ' ' ) }: ${ n.failureSummary ?? '' }` ) );
}

/**
 * The colours of an element that axe does not judge, with the opaque background it sits on (the
 * nearest ancestor's, itself excluded unless `own`).
 */
async function colours( page: Page, selector: string, own = false ): Promise<{
	border: string; borderStyle: string; borderWidth: number; outline: string;
	outlineStyle: string; outlineWidth: number; background: string; behind: string;
}> {
	return page.locator( selector ).first().evaluate( ( el, withOwn ) => {
		const style = getComputedStyle( el );
		let node: Element | null = withOwn ? el : el.parentElement;
		let behind = 'rgb(255, 255, 255)';
		while ( node ) {
			const bg = getComputedStyle( node ).backgroundColor;
			if ( bg !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test( bg ) ) {
				behind = bg;
				break;
			}
			node = node.parentElement;
		}
		return {
			border: style.borderBottomColor,
			borderStyle: style.borderBottomStyle,
			borderWidth: parseFloat( style.borderBottomWidth ),
			outline: style.outlineColor,
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat( style.outlineWidth ),
			background: style.backgroundColor,
			behind,
		};
	}, own );
}

/**
 * Puts our status colours where they appear, with what they say there replaced by a sample:
 * the feedback status as the saved notice fills it, an error in it, and the popup's warning
 * and error lines. They only show after a failure or on some glossary entries; axe then judges
 * them on the real backgrounds. Returns the selector that matches them all.
 */
async function addStatusSamples( page: Page ): Promise<string> {
	await page.evaluate( () => {
		const [ saved, error ] = document.querySelectorAll( '.ldwg-feedback-status' );
		if ( !saved || !error ) {
			throw new Error( 'Fewer than two feedback widgets' );
		}
		const thanks = document.createElement( 'span' );
		thanks.textContent = 'Thank you, your feedback was published. ';
		const link = document.createElement( 'a' );
		link.href = '#';
		link.textContent = 'See it on the talk page';
		saved.append( thanks, link );
		error.classList.add( 'ldwg-feedback-error' );
		error.textContent = 'The counts could not be loaded.';
		const popup = document.querySelector( '.ldwg-popup' );
		if ( popup ) {
			for ( const cls of [ 'ldwg-popup-outdated', 'ldwg-popup-discuss-status ldwg-popup-discuss-status--error' ] ) {
				const line = document.createElement( 'p' );
				line.className = cls;
				line.textContent = 'A status line of the popup.';
				popup.append( line );
			}
		}
		for ( const el of document.querySelectorAll( '.ldwg-feedback-status, .ldwg-popup-outdated, .ldwg-popup-discuss-status' ) ) {
			el.setAttribute( 'data-ldwg-sample', '' );
		}
	} );
	return '[data-ldwg-sample]';
}

describe.each( [
	{ mode: 'night' as const, skin: 'vector-2022' as const, viewport: undefined },
	{ mode: 'os' as const, skin: 'minerva' as const, viewport: { width: 390, height: 844 } },
] )( 'in night mode ($mode, $skin)', ( { mode, skin, viewport } ) => {
	it( 'keeps buttons, counts, statuses, terms and the popup readable, in night colours', async () => {
		const wiki = await openPage( { skin, viewport }, DRAFT, mode );
		const { page } = wiki;
		// The night tokens reach the page: the test would otherwise pass on a light page.
		const pageBackground = await page.evaluate(
			() => getComputedStyle( document.body ).backgroundColor );
		expect( pageBackground ).toBe( NIGHT_BACKGROUND );
		expect( await contrastViolations( page, [ '.ldwg-feedback', '.ldwg-term' ] ) ).toEqual( [] );

		const term = page.locator( '.ldwg-term' ).first();
		await term.click();
		const popup = page.locator( '.ldwg-popup[role="dialog"]' );
		await popup.waitFor( { state: 'visible' } );
		await expect.poll( () => term.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		const box = await colours( page, '.ldwg-popup', true );
		expect( box.background ).toBe( NIGHT_BACKGROUND );
		// The popup's edge on the page (its shadow does not show on a dark page).
		expect( contrastRatio( box.border, box.behind ) ).toBeGreaterThanOrEqual( 3 );
		expect( await contrastViolations( page, [ '.ldwg-popup', '.ldwg-term[aria-expanded="true"]' ] ) ).toEqual( [] );

		// The open term's underline on its highlight, and a closed term's on the page.
		const open = await colours( page, '.ldwg-term[aria-expanded="true"]', true );
		expect( contrastRatio( open.border, open.behind ) ).toBeGreaterThanOrEqual( 3 );
		const closed = await colours( page, '.ldwg-term:not([aria-expanded="true"])' );
		expect( closed.borderStyle ).toBe( 'dotted' );
		expect( contrastRatio( closed.border, closed.behind ) ).toBeGreaterThanOrEqual( 3 );

		const samples = await addStatusSamples( page );
		expect( await contrastViolations( page, [ samples ] ) ).toEqual( [] );
		await screenshot( wiki, `night-mode-${ mode }-${ skin }-popup` );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'shows the keyboard focus on a term and on a button against the night page', async () => {
		const wiki = await openPage( { skin, viewport }, DRAFT, mode );
		const { page } = wiki;
		await page.locator( '.ldwg-term' ).first().focus();
		// Focus by keyboard, so that :focus-visible applies as for a reader tabbing.
		await page.keyboard.press( 'Tab' );
		await page.keyboard.press( 'Shift+Tab' );
		expect( await page.evaluate( () => document.activeElement?.matches( '.ldwg-term:focus-visible' ) ) ).toBe( true );
		const ring = await colours( page, '.ldwg-term:focus' );
		expect( ring.outlineStyle ).toBe( 'solid' );
		expect( ring.outlineWidth ).toBeGreaterThanOrEqual( 2 );
		expect( contrastRatio( ring.outline, ring.behind ) ).toBeGreaterThanOrEqual( 3 );
		await page.keyboard.press( 'Escape' );

		const button = page.locator( '.ldwg-feedback-button' ).first();
		const idle = await colours( page, '.ldwg-feedback-button' );
		await button.focus();
		await page.keyboard.press( 'Shift+Tab' );
		await page.keyboard.press( 'Tab' );
		expect( await button.evaluate( ( el ) => el === document.activeElement ) ).toBe( true );
		const focused = await colours( page, '.ldwg-feedback-button:focus' );
		// Codex marks a focused button with its border (and an inset shadow of the same colour).
		expect( focused.border ).not.toBe( idle.border );
		expect( contrastRatio( focused.border, focused.behind ) ).toBeGreaterThanOrEqual( 3 );
		wiki.assertClean();
		await wiki.close();
	} );
} );

/**
 * The colour an SVG data URL in a computed `background-image` is drawn in (its first `fill`), as
 * `rgb()`: Codex draws some of its CSS-only components' icons this way.
 */
function svgFill( backgroundImage: string ): string {
	const hex = /fill=\\?["']?(?:%23|#)([0-9a-f]{6}|[0-9a-f]{3})\b/i.exec( backgroundImage )?.[ 1 ];
	if ( !hex ) {
		throw new Error( `No SVG fill colour in ${ backgroundImage }` );
	}
	const full = hex.length === 3 ? hex.replace( /./g, '$&$&' ) : hex;
	const [ r, g, b ] = [ 0, 2, 4 ].map( ( i ) => parseInt( full.slice( i, i + 2 ), 16 ) );
	return `rgb(${ r }, ${ g }, ${ b })`;
}

describe.each( [ 'night', 'os' ] as const )( 'night mode (%s): the form', ( mode ) => {
	it( 'keeps the feedback form readable in night colours, its notices, select and focus ring too', async () => {
		// Logged out: the form then also shows the notice about the IP address.
		const wiki = await openPage( {}, DRAFT, mode );
		const { page } = wiki;
		const button = page.locator( '.ldwg-feedback[data-ldwg-section="leader"] button.ldwg-feedback-button' );
		await button.evaluate( ( b ) => ( b as HTMLButtonElement ).click() );
		const form = page.locator( '.ldwg-form[role="dialog"]' );
		await form.waitFor( { timeout: 30000 } );
		// Preview without a stance: the error summary and the fields' errors.
		await page.locator( '.ldwg-form footer button' ).nth( 1 ).click();
		await page.locator( '.ldwg-form-summary:not([hidden])' ).waitFor();
		await page.locator( '.ldwg-form-anon' ).waitFor();
		expect( await contrastViolations( page, [ '.ldwg-form' ] ) ).toEqual( [] );
		// The region select's arrow, which tells it from a text field (WCAG 1.4.11), is an image
		// Codex draws in a fixed colour: it must still show on the select's night background.
		const select = await page.locator( '.ldwg-form select[name="region"]' ).evaluate( ( el ) => {
			const style = getComputedStyle( el );
			return { image: style.backgroundImage, background: style.backgroundColor };
		} );
		expect( select.background ).toBe( 'rgb(32, 33, 34)' );
		const arrow = svgFill( select.image );
		expect( contrastRatio( arrow, select.background ) ).toBeGreaterThanOrEqual( 3 );
		// Focus went to the error summary: its ring shows on the dark dialog.
		expect( await page.evaluate( () => document.activeElement?.className ) ).toContain( 'ldwg-form-summary' );
		const ring = await colours( page, '.ldwg-form-summary' );
		expect( ring.outlineStyle ).toBe( 'solid' );
		expect( contrastRatio( ring.outline, ring.behind ) ).toBeGreaterThanOrEqual( 3 );
		await screenshot( wiki, `night-mode-${ mode }-vector-2022-form-errors` );
		await page.locator( '.ldwg-form input[type="radio"][value="support-with-changes"]' ).check();
		await page.locator( '.ldwg-form textarea[name="comment"]' ).fill( 'Night mode check' );
		await page.locator( '.ldwg-form textarea[name="wording"]' ).fill( 'A leader is someone who…' );
		await page.locator( '.ldwg-form footer button' ).nth( 1 ).click();
		await page.locator( '.ldwg-form-preview-content .mw-parser-output' ).waitFor( { timeout: 30000 } );
		const dialog = await colours( page, '.ldwg-form.cdx-dialog', true );
		expect( dialog.background ).toBe( NIGHT_BACKGROUND );
		expect( await page.locator( '.ldwg-form-backdrop' ).evaluate( ( el ) => getComputedStyle( el ).backgroundColor ) )
			.toBe( 'rgba(0, 0, 0, 0.65)' );
		expect( await contrastViolations( page, [ '.ldwg-form' ] ) ).toEqual( [] );
		await screenshot( wiki, `night-mode-${ mode }-vector-2022-form` );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'night mode: the translators\' panel', () => {

	it( 'keeps the translators\' panel on a translation readable in night colours', async () => {
		const wiki = await openPage( { account: 'alice' }, `${ DRAFT }/fr`, 'night' );
		const { page } = wiki;
		const panel = page.locator( '.ldwg-glossary-panel' );
		await panel.waitFor();
		await panel.locator( 'summary' ).click();
		expect( await colours( page, '.ldwg-glossary-panel', true ) ).toMatchObject( { background: 'rgb(32, 33, 34)' } );
		// Its warning hint and a term's "not settled" label, in a row of the table as
		// translator.ts puts them (whether the seeded page has them is not the point here).
		await panel.locator( 'tbody tr' ).first().evaluate( ( row: HTMLTableRowElement ) => {
			const hint = document.createElement( 'td' );
			hint.className = 'ldwg-glossary-hint';
			hint.textContent = 'Not used in your translation';
			const label = document.createElement( 'span' );
			label.className = 'ldwg-glossary-uses-status ldwg-glossary-uses-status-contested';
			label.textContent = 'contested';
			row.append( hint );
			row.cells[ 1 ]?.append( ' ', label );
		} );
		expect( await contrastViolations( page, [ '.ldwg-glossary-panel' ] ) ).toEqual( [] );
		await panel.screenshot( { path: 'test-output/night-mode-night-vector-2022-panel-fr.png' } );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe.each( [ 'light', 'dark' ] as const )( 'in forced colours (%s system theme)', ( scheme ) => {
	it( 'keeps the terms\' underline, our boxes\' edges and the open term visible', async () => {
		const wiki = await newPage( browser );
		await wiki.page.emulateMedia( { forcedColors: 'active', colorScheme: scheme } );
		await wiki.open( DRAFT );
		if ( scheme === 'dark' ) {
			// A reader in night mode who turns high contrast on: forced colours win.
			await emulateNightMode( wiki.page, 'night' );
		}
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		const { page } = wiki;
		await page.waitForSelector( '.ldwg-term' );
		await page.waitForLoadState( 'networkidle' );

		const term = await colours( page, '.ldwg-term' );
		expect( term.borderStyle ).toBe( 'dotted' );
		expect( term.borderWidth ).toBeGreaterThanOrEqual( 1 );
		expect( contrastRatio( term.border, term.behind ) ).toBeGreaterThanOrEqual( 3 );
		const button = await colours( page, '.ldwg-feedback-button' );
		expect( button.borderStyle ).toBe( 'solid' );
		expect( contrastRatio( button.border, button.behind ) ).toBeGreaterThanOrEqual( 3 );

		await page.locator( '.ldwg-term' ).first().click();
		await page.locator( '.ldwg-popup[role="dialog"]' ).waitFor( { state: 'visible' } );
		await page.mouse.move( 0, 0 );
		// Forced colours drop backgrounds: the popup's edge is its border.
		const popup = await colours( page, '.ldwg-popup', true );
		expect( popup.borderStyle ).toBe( 'solid' );
		expect( contrastRatio( popup.border, popup.behind ) ).toBeGreaterThanOrEqual( 3 );
		// Which term the popup belongs to: the open term stands out from the page around it.
		const open = await colours( page, '.ldwg-term[aria-expanded="true"]' );
		const marked = flatten( open.background, open.behind );
		expect( contrastRatio( marked, open.behind ) ).toBeGreaterThanOrEqual( 3 );
		await screenshot( wiki, `night-mode-forced-colors-${ scheme }-popup` );

		await page.keyboard.press( 'Escape' );
		const feedback = page.locator( '.ldwg-feedback[data-ldwg-section="leader"] button.ldwg-feedback-button' );
		await feedback.evaluate( ( b ) => ( b as HTMLButtonElement ).click() );
		await page.locator( '.ldwg-form[role="dialog"]' ).waitFor( { timeout: 30000 } );
		const dialog = await colours( page, '.ldwg-form.cdx-dialog', true );
		expect( dialog.borderStyle ).toBe( 'solid' );
		// The region select's arrow: the browser's own (drawn in system colours), or Codex's
		// image, whose fixed colour must then still show on the forced background.
		const select = await page.locator( '.ldwg-form select[name="region"]' ).evaluate( ( el ) => {
			const style = getComputedStyle( el );
			return {
				appearance: style.appearance,
				image: style.backgroundImage,
				background: style.backgroundColor,
			};
		} );
		if ( select.appearance === 'none' ) {
			const arrow = svgFill( select.image );
			expect( contrastRatio( arrow, select.background ) ).toBeGreaterThanOrEqual( 3 );
		} else {
			expect( select.image ).toBe( 'none' );
		}
		await screenshot( wiki, `night-mode-forced-colors-${ scheme }-form` );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'with reduced motion', () => {
	it( 'moves nothing of ours: no animation, no transition of position or size', async () => {
		const wiki = await newPage( browser );
		await wiki.page.emulateMedia( { reducedMotion: 'reduce' } );
		await wiki.open( DRAFT );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		const { page } = wiki;
		await page.waitForSelector( '.ldwg-term' );
		await page.waitForLoadState( 'networkidle' );
		await page.locator( '.ldwg-term' ).first().hover();
		await page.locator( '.ldwg-popup[role="dialog"]' ).waitFor( { state: 'visible' } );
		const moving = (): Promise<string[]> => page.evaluate( () => {
			const ours = '.ldwg-feedback, .ldwg-feedback *, .ldwg-term, .ldwg-popup, .ldwg-popup *, ' +
				'.ldwg-form-backdrop, .ldwg-form-backdrop *';
			const found: string[] = [];
			for ( const el of document.querySelectorAll( ours ) ) {
				const style = getComputedStyle( el );
				const durations = style.transitionDuration.split( ',' ).map( ( d ) => parseFloat( d ) );
				const moves = /transform|translate|scale|rotate|inset|left|right|top|bottom|width|height|margin|\ball\b/;
				if ( style.animationName !== 'none' ||
					( moves.test( style.transitionProperty ) &&
						durations.some( ( d ) => d > 0 ) ) ) {
					found.push( `${ el.className }: ${ style.animationName } / ${ style.transitionProperty }` );
				}
			}
			for ( const animation of document.getAnimations() ) {
				const target = ( animation.effect as KeyframeEffect | null )?.target;
				if ( target && target.matches( ours ) ) {
					found.push( `running on ${ target.className }` );
				}
			}
			return found;
		} );
		expect( await moving() ).toEqual( [] );
		await page.keyboard.press( 'Escape' );
		await page.mouse.move( 0, 0 );
		const feedback = page.locator( '.ldwg-feedback[data-ldwg-section="leader"] button.ldwg-feedback-button' );
		await feedback.evaluate( ( b ) => ( b as HTMLButtonElement ).click() );
		await page.locator( '.ldwg-form[role="dialog"]' ).waitFor( { timeout: 30000 } );
		expect( await moving() ).toEqual( [] );
		wiki.assertClean();
		await wiki.close();
	} );
} );
