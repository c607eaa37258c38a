/**
 * The glossary gadget in real Chromium on the local wiki: terms marked on the English, French and
 * Arabic drafts in the language of the text; popups by mouse, keyboard and touch (Minerva on a
 * phone), one at a time, inside the viewport, Escape closes; only the term index loads with the
 * page and the full glossary with the first popup; the translator panel on `/fr`; the helper in
 * a reproduction of Special:Translate's editor; the reader's opt-out (nothing fetched when off);
 * no request on other pages; axe-core on our elements; screenshots in test-output/.
 *
 * The compiled glossary is what the bot will publish: compiled here from wiki-content/glossary/
 * with the shared compiler and saved by an administrator in the bot's user space.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { WikiPage, NewPageOptions } from '../helpers/browser.ts';
import { expectSeededGlossary, openTranslate, TERMS_PREFIX, trackGlossaryRequests } from '../helpers/glossary.ts';
import { testWiki } from '../helpers/wiki.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const OTHER_PAGE = 'Leadership Development Working Group';
const root = path.resolve( __dirname, '../..' );
const editorFixture = readFileSync( path.join( root, 'test/fixtures/translate-editor.html' ), 'utf8' );

let browser: Browser;

/** Opens a page and waits until marking has finished (the glossary module is ready and idle). */
async function openMarked( options: NewPageOptions, title: string ): Promise<WikiPage> {
	const wiki = await newPage( browser, options );
	await wiki.open( title );
	await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
	await wiki.page.waitForLoadState( 'networkidle' );
	await wiki.page.waitForSelector( '.ldwg-term' );
	return wiki;
}

beforeAll( async () => {
	browser = await launchBrowser();
	await expectSeededGlossary();
}, 300000 );

afterAll( async () => {
	await browser?.close();
} );

describe( 'glossary terms on the English draft', () => {
	it( 'marks terms outside headings and links, loading only the English term index', async () => {
		const wiki = await newPage( browser );
		const requests = trackGlossaryRequests( wiki );
		await wiki.open( DRAFT );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		await wiki.page.waitForSelector( '.ldwg-term' );
		await wiki.page.waitForLoadState( 'networkidle' );
		const marks = await wiki.page.$$eval( '.ldwg-term', ( els ) => els.map( ( el ) => ( {
			text: el.textContent,
			concept: el.getAttribute( 'data-ldwg-concept' ),
			lang: el.getAttribute( 'data-ldwg-lang' ),
			inside: !!el.parentElement?.closest( 'a, h1, h2, h3, .mw-heading, .reference, .noglossary, code, pre' ),
		} ) ) );
		expect( marks.length ).toBeGreaterThan( 3 );
		expect( marks.every( ( m ) => !m.inside && m.lang === 'en' ) ).toBe( true );
		expect( requests.some( ( u ) => u.includes( `${ TERMS_PREFIX }en.json` ) ) ).toBe( true );
		expect( requests.some( ( u ) => u.includes( 'glossary.json' ) ) ).toBe( false );
		expect( requests.every( ( u ) => /maxage=\d+/.test( u ) && /smaxage=\d+/.test( u ) ) ).toBe( true );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'opens a popup on hover after a short delay, loads the full glossary then, and closes when the pointer leaves', async () => {
		const wiki = await openMarked( {}, DRAFT );
		const requests = trackGlossaryRequests( wiki );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		await term.hover();
		const popup = wiki.page.locator( '.ldwg-popup[role="dialog"]' );
		await popup.waitFor( { state: 'visible' } );
		expect( requests.some( ( u ) => u.includes( 'glossary.json' ) ) ).toBe( true );
		expect( await term.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		expect( await term.getAttribute( 'aria-controls' ) ).toBe( await popup.getAttribute( 'id' ) );
		await expect.poll( () => popup.locator( '.ldwg-popup-definition' ).textContent() ).toBeTruthy();
		expect( await popup.locator( '.ldwg-popup-equivalent[lang="ar"][dir="rtl"]' ).count() ).toBeGreaterThan( 0 );
		await screenshot( wiki, 'glossary-popup-hover-en' );
		// A second term: still one popup at a time.
		const second = wiki.page.locator( '.ldwg-term' ).nth( 1 );
		await second.hover();
		await expect.poll( () => second.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		expect( await wiki.page.locator( '.ldwg-popup' ).count() ).toBe( 1 );
		await wiki.page.mouse.move( 5, 5 );
		await popup.waitFor( { state: 'detached' } );
		expect( await second.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'opens the popup once back online after its code failed to load offline', async () => {
		const wiki = await openMarked( {}, DRAFT );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		await wiki.context.setOffline( true );
		await term.focus();
		await wiki.page.keyboard.press( 'Enter' );
		// ResourceLoader leaves a module whose load.php request failed `loading` for good.
		await expect.poll( () => wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-popup' ) ) )
			.toBe( 'loading' );
		await wiki.page.waitForTimeout( 1000 );
		expect( await wiki.page.locator( '.ldwg-popup' ).count() ).toBe( 0 );
		await wiki.context.setOffline( false );
		// The next opening asks load.php again instead of waiting on the dead request.
		await wiki.page.keyboard.press( 'Enter' );
		await wiki.page.locator( '.ldwg-popup[role="dialog"]' ).waitFor( { state: 'visible', timeout: 20000 } );
		expect( wiki.problems.filter( ( p ) => !/ERR_INTERNET_DISCONNECTED/.test( p.text ) ) ).toEqual( [] );
		await wiki.close();
	} );

	it( 'opens nothing when the pointer leaves the term and the window while the popup code loads', async () => {
		const wiki = await openMarked( {}, DRAFT );
		// A slow network: the lazy popup module arrives well after the hover delay.
		let release: () => void = () => undefined;
		const held = new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		await wiki.page.route( /load\.php.*ldwg-popup/, async ( route ) => {
			await held;
			await route.continue();
		} );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		await term.hover();
		await wiki.page.waitForRequest( /load\.php.*ldwg-popup/ );
		// Off the term and out of the window: no later mouseout would close a popup shown now.
		await wiki.page.mouse.move( -20, -20 );
		release();
		await expect.poll( () => wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-popup' ) ) )
			.toBe( 'ready' );
		await wiki.page.waitForLoadState( 'networkidle' );
		await wiki.page.waitForTimeout( 500 );
		expect( await wiki.page.locator( '.ldwg-popup' ).count() ).toBe( 0 );
		expect( await term.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
		// Hovering works as before once the code is there.
		await term.hover();
		await wiki.page.locator( '.ldwg-popup' ).waitFor( { state: 'visible' } );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'works by keyboard: focus shows, Enter moves into the popup, Escape closes and returns', async () => {
		const wiki = await openMarked( {}, DRAFT );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		await term.focus();
		const popup = wiki.page.locator( '.ldwg-popup' );
		await popup.waitFor( { state: 'visible' } );
		await wiki.page.keyboard.press( 'Enter' );
		await expect.poll( () => wiki.page.evaluate( () => !!document.activeElement?.closest( '.ldwg-popup' ) ) ).toBe( true );
		await wiki.page.keyboard.press( 'Escape' );
		await popup.waitFor( { state: 'detached' } );
		expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-term' ) ) ).toBe( true );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'moves focus into the popup when a screen reader activates a term (a click without pointer)', async () => {
		const wiki = await openMarked( {}, DRAFT );
		const term = wiki.page.locator( '.ldwg-term' ).first();
		// NVDA or JAWS in browse mode turn Enter into a click with no pointer (detail 0); the
		// popup is at the end of the page, out of reach unless focus goes there.
		await term.evaluate( ( el: HTMLElement ) => el.click() );
		const popup = wiki.page.locator( '.ldwg-popup' );
		await popup.waitFor( { state: 'visible' } );
		await expect.poll( () => wiki.page.evaluate( () => !!document.activeElement?.closest( '.ldwg-popup' ) ) ).toBe( true );
		await wiki.page.keyboard.press( 'Escape' );
		await popup.waitFor( { state: 'detached' } );
		expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-term' ) ) ).toBe( true );
		// A mouse click leaves focus where it is (on the term), as before.
		await wiki.page.locator( '.ldwg-term' ).nth( 1 ).click();
		await popup.waitFor( { state: 'visible' } );
		expect( await wiki.page.evaluate( () => !!document.activeElement?.closest( '.ldwg-popup' ) ) ).toBe( false );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'has no serious accessibility violation in the marked terms and the popup', async () => {
		const wiki = await openMarked( {}, DRAFT );
		await wiki.page.locator( '.ldwg-term' ).first().focus();
		await wiki.page.locator( '.ldwg-popup' ).waitFor( { state: 'visible' } );
		const results = await new AxeBuilder( { page: wiki.page } )
			.include( '.ldwg-term' ).include( '.ldwg-popup' ).analyze();
		const serious = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
		expect( serious.map( ( v ) => `${ v.id }: ${ v.help }` ) ).toEqual( [] );
		await wiki.close();
	} );

	it( 'makes no request and no change on a page that is not configured', async () => {
		const wiki = await newPage( browser );
		const requests = trackGlossaryRequests( wiki );
		await wiki.open( OTHER_PAGE );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		await wiki.page.waitForLoadState( 'networkidle' );
		expect( requests ).toEqual( [] );
		expect( await wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
		await wiki.close();
	} );
} );

describe( 'glossary terms on translations', () => {
	it( 'marks French text as French and shows translators the panel', async () => {
		const wiki = await openMarked( { account: 'alice' }, `${ DRAFT }/fr` );
		const langs = await wiki.page.$$eval( '.ldwg-term', ( els ) => els.map( ( el ) => el.getAttribute( 'data-ldwg-lang' ) ) );
		expect( langs ).toContain( 'fr' );
		const panel = wiki.page.locator( '.ldwg-glossary-panel' );
		await panel.waitFor( { state: 'attached' } );
		await panel.locator( 'summary' ).click();
		const rows = panel.locator( 'tbody tr' );
		expect( await rows.count() ).toBeGreaterThan( 0 );
		expect( await panel.locator( 'td span[lang="fr"]' ).count() ).toBeGreaterThan( 0 );
		await screenshot( wiki, 'glossary-translator-panel-fr' );
		const results = await new AxeBuilder( { page: wiki.page } ).include( '.ldwg-glossary-panel' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => v.id ) ).toEqual( [] );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'counts the panel\'s concepts in Arabic words and digits for an Arabic translator', async () => {
		const wiki = await openMarked( { account: 'alice', uselang: 'ar' }, `${ DRAFT }/ar` );
		const panel = wiki.page.locator( '.ldwg-glossary-panel summary' );
		await panel.waitFor( { state: 'attached' } );
		// The real mediawiki.language: Arabic-Indic digits, and the plural form of the count's
		// class (one, two, 3–10, 11–99, other) rather than one plural for every number.
		const title = await panel.textContent() ?? '';
		expect( title ).toMatch( /^مسرد للمترجمين: (?:مفهوم واحد|مفهومان|[٠-٩]+ (?:مفاهيم|مفهومًا|مفهوم)) في النص المصدر/ );
		expect( title ).not.toMatch( /[0-9]/ );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'marks Arabic text and opens a right-to-left popup by tap on a phone (Minerva)', async () => {
		// A touch-enabled phone context (the helper's pages have no touch support).
		const context = await browser.newContext( {
			viewport: { width: 360, height: 740 },
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
		await page.goto( `${ testWiki().url }/index.php?title=${ encodeURIComponent( `${ DRAFT }/ar` ) }&useskin=minerva` );
		await page.waitForSelector( '.ldwg-term' );
		const term = page.locator( '.ldwg-term' ).first();
		expect( await term.getAttribute( 'data-ldwg-lang' ) ).toBe( 'ar' );
		await term.tap();
		const popup = page.locator( '.ldwg-popup' );
		await popup.waitFor( { state: 'visible' } );
		const box = await popup.boundingBox();
		expect( box ).not.toBeNull();
		if ( box ) {
			expect( box.x ).toBeGreaterThanOrEqual( 0 );
			expect( box.x + box.width ).toBeLessThanOrEqual( 360 );
		}
		expect( await popup.locator( '.ldwg-popup-title' ).getAttribute( 'dir' ) ).toBe( 'rtl' );
		await page.screenshot( { path: path.join( root, 'test-output/glossary-popup-tap-ar-minerva.png' ) } );
		// A tap elsewhere closes it.
		await page.locator( 'h1, #section_0' ).first().tap();
		await popup.waitFor( { state: 'detached' } );
		expect( errors ).toEqual( [] );
		await context.close();
	} );
} );

describe( 'translators in Special:Translate (reproduced editor)', () => {
	it( 'lists the concepts of the source message with approved French terms and hints while typing', async () => {
		const wiki = await openTranslate( browser, editorFixture );
		// The helper requests nothing until Translate opens an editor.
		expect( await wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-popup' ) ) )
			.toBe( 'registered' );
		await wiki.page.evaluate( () => {
			// Translate fires the hook with the editor as a jQuery object.
			const jq = ( window as unknown as { $: ( selector: string ) => unknown } ).$;
			window.mw.hook( 'mw.translate.editor.afterEditorShown' ).fire( jq( '.tux-message-editor' ) );
		} );
		const helper = wiki.page.locator( '.infocolumn .ldwg-glossary-editor' );
		await helper.waitFor( { state: 'visible' } );
		const approved = await helper.locator( 'td span[lang="fr"]' ).allTextContents();
		expect( approved.join( ' | ' ) ).toMatch( /Résilience/ );
		expect( await helper.locator( '.ldwg-glossary-hint' ).count() ).toBeGreaterThan( 0 );
		const hintsBefore = await helper.locator( '.ldwg-glossary-hint' ).count();
		// The spoken status is a sentence of its own.
		expect( await helper.locator( '.ldwg-glossary-editor-status' ).textContent() )
			.toBe( `Concepts without an approved term in the translation: ${ hintsBefore }` );
		await wiki.page.locator( 'textarea.tux-textarea-translation' ).fill( 'Un bon leadership renforce la résilience.' );
		await expect.poll( () => helper.locator( '.ldwg-glossary-hint' ).count() ).toBeLessThan( hintsBefore );
		await screenshot( wiki, 'glossary-translate-editor-fixture' );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'switching highlighting off', () => {
	it( 'removes the marks, fetches nothing on the next page view, and can be switched back on', async () => {
		const wiki = await openMarked( {}, DRAFT );
		await wiki.page.locator( '.ldwg-term' ).first().click();
		const off = wiki.page.locator( '.ldwg-popup-switch-off' );
		await off.click();
		await expect.poll( () => wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
		const requests = trackGlossaryRequests( wiki );
		await wiki.open( DRAFT );
		await wiki.page.waitForLoadState( 'networkidle' );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		const switchOn = wiki.page.locator( '#ldwg-glossary-switch-on a' );
		await switchOn.waitFor( { state: 'attached' } );
		await wiki.page.waitForLoadState( 'networkidle' );
		expect( requests ).toEqual( [] );
		expect( await wiki.page.locator( '.ldwg-term' ).count() ).toBe( 0 );
		await switchOn.evaluate( ( a: HTMLElement ) => a.click() );
		await wiki.page.waitForSelector( '.ldwg-term' );
		wiki.assertClean();
		await wiki.close();
	} );
} );
