/**
 * The glossary help as a translator on Meta uses it, in real Chromium on the local wiki:
 * - Special:Translate (reproduced: test/fixtures/translate-editor-two-messages.html, served as
 *   Special:BlankPage renamed, as in glossary.test.ts): moving on to the next message shows that
 *   message's own helper, coming back shows the first one again, never two helpers in one editor
 *   and never the previous message's concepts; typing updates the hint after a pause; an editor
 *   of another translatable page of Meta gets nothing and loads no popup module;
 * - the translator panel on the Arabic translation for an Arabic translator: right to left,
 *   collapsed at first, opened and closed from the keyboard, equivalents with their own
 *   `lang`/`dir`.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { WikiPage } from '../helpers/browser.ts';
import { expectSeededGlossary, openTranslate } from '../helpers/glossary.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const root = path.resolve( __dirname, '../..' );
const twoMessages = readFileSync( path.join( root, 'test/fixtures/translate-editor-two-messages.html' ), 'utf8' );

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
	await expectSeededGlossary();
}, 300000 );

afterAll( async () => {
	await browser?.close();
} );

/**
 * Does what Translate's show() does for the message row `id`: hides the other open editors,
 * shows this one, and fires the hook with the editor as a jQuery object.
 */
async function showEditor( wiki: WikiPage, id: string ): Promise<void> {
	await wiki.page.evaluate( ( rowId ) => {
		for ( const open of document.querySelectorAll( '.tux-message.open' ) ) {
			open.classList.remove( 'open' );
			open.querySelector( '.tux-message-editor' )?.classList.add( 'hide' );
		}
		const row = document.getElementById( rowId ) as HTMLElement;
		row.classList.add( 'open' );
		const editor = row.querySelector( '.tux-message-editor' ) as HTMLElement;
		editor.classList.remove( 'hide' );
		const jq = ( window as unknown as { $: ( el: Element ) => unknown } ).$;
		window.mw.hook( 'mw.translate.editor.afterEditorShown' ).fire( jq( editor ) );
	}, id );
}

/** Concept ids listed by the helper in message row `id`. */
function conceptsIn( wiki: WikiPage, id: string ): Promise<string[]> {
	return wiki.page.$$eval( `#${ id } .ldwg-glossary-editor tbody tr`,
		( rows ) => rows.map( ( r ) => r.getAttribute( 'data-ldwg-concept' ) || '' ) );
}

describe( 'Special:Translate: the helper follows the translator from message to message', () => {
	it( 'shows each message its own helper, once, and updates it while typing', async () => {
		const wiki = await openTranslate( browser, twoMessages );
		await showEditor( wiki, 'message-7' );
		const first = wiki.page.locator( '#message-7 .infocolumn .ldwg-glossary-editor' );
		await first.waitFor( { state: 'visible' } );
		const firstConcepts = await conceptsIn( wiki, 'message-7' );
		expect( firstConcepts ).toEqual( expect.arrayContaining( [ 'resilience', 'mentorship', 'active-listening' ] ) );
		expect( firstConcepts ).not.toContain( 'peer-learning' );

		// "Skip to next": Translate shows the next message's own editor. This one's textarea says
		// no language: the message list's target language (French) counts, not the interface's.
		await wiki.page.evaluate( () => document.querySelector( '#message-8 textarea' )?.removeAttribute( 'lang' ) );
		await showEditor( wiki, 'message-8' );
		const second = wiki.page.locator( '#message-8 .infocolumn .ldwg-glossary-editor' );
		await second.waitFor( { state: 'visible' } );
		const secondConcepts = await conceptsIn( wiki, 'message-8' );
		expect( secondConcepts ).toEqual( expect.arrayContaining( [ 'emerging-leader', 'peer-learning', 'mentorship' ] ) );
		expect( secondConcepts ).not.toContain( 'resilience' );
		// The first editor is hidden with its own helper; nothing was added to it.
		expect( await wiki.page.locator( '#message-7 .ldwg-glossary-editor' ).count() ).toBe( 1 );
		expect( await conceptsIn( wiki, 'message-7' ) ).toEqual( firstConcepts );

		// Typing in the second message updates its own hint after a pause, not the first one's.
		const hints = second.locator( '.ldwg-glossary-hint' );
		const before = await hints.count();
		expect( before ).toBeGreaterThan( 0 );
		await wiki.page.locator( '#message-8 textarea.tux-textarea-translation' )
			.pressSequentially( 'Les leaders émergents apprennent par l’apprentissage entre pairs et le mentorat.', { delay: 5 } );
		await expect.poll( () => hints.count() ).toBe( 0 );
		expect( await second.locator( '.ldwg-glossary-editor-status' ).textContent() )
			.toBe( 'The translation uses the approved terms.' );
		expect( await first.locator( '.ldwg-glossary-hint' ).count() ).toBeGreaterThan( 0 );

		// "Discard changes" (a button, so focus leaves the textarea): Translate focuses the
		// textarea and puts the saved text back with jQuery's .val(), no input event. The hint
		// follows the text it now shows.
		await wiki.page.evaluate( () => {
			const area = document.querySelector( '#message-8 textarea.tux-textarea-translation' ) as HTMLTextAreaElement;
			area.blur();
			area.focus();
			( window as unknown as { $: ( el: Element ) => { val: ( v: string ) => void } } ).$( area ).val( '' );
		} );
		await expect.poll( () => hints.count() ).toBe( before );

		// Back to the first message: the same editor, still one helper, still its own concepts.
		await showEditor( wiki, 'message-7' );
		await first.waitFor( { state: 'visible' } );
		await wiki.page.waitForTimeout( 300 );
		expect( await wiki.page.locator( '#message-7 .ldwg-glossary-editor' ).count() ).toBe( 1 );
		expect( await wiki.page.locator( '#message-7 .ldwg-glossary-editor-status' ).count() ).toBe( 1 );
		expect( await conceptsIn( wiki, 'message-7' ) ).toEqual( firstConcepts );
		// One input listener per editor: after showing it twice, typing still updates it once.
		await wiki.page.locator( '#message-7 textarea.tux-textarea-translation' )
			.fill( 'Le bon leadership renforce la résilience par le mentorat et l’écoute active.' );
		await expect.poll( () => first.locator( '.ldwg-glossary-hint' ).count() ).toBe( 0 );
		await screenshot( wiki, 'translate-review-two-messages' );
		const results = await new AxeBuilder( { page: wiki.page } ).include( '#message-7 .ldwg-glossary-editor' ).analyze();
		expect( results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
			.map( ( v ) => v.id ) ).toEqual( [] );
		wiki.assertClean();
		await wiki.close();
	} );

	it( 'gives nothing to a message of another translatable page of Meta, and loads no popup for it', async () => {
		const other = twoMessages.replace( /Translations:Leadership Development Working Group\/Shared definition of leadership\//g,
			'Translations:Tech/News/2026/48/' );
		const wiki = await openTranslate( browser, other );
		await showEditor( wiki, 'message-7' );
		await expect.poll( () => wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-base' ) ) )
			.toBe( 'ready' );
		await wiki.page.waitForLoadState( 'networkidle' );
		await wiki.page.waitForTimeout( 500 );
		expect( await wiki.page.locator( '.ldwg-glossary-editor' ).count() ).toBe( 0 );
		expect( await wiki.page.evaluate( () => window.mw.loader.getState( 'ext.gadget.ldwg-popup' ) ) )
			.toBe( 'registered' );
		wiki.assertClean();
		await wiki.close();
	} );
} );

describe( 'the translator panel for an Arabic translator', () => {
	it( 'is right to left, collapsed at first, and opens and closes from the keyboard', async () => {
		const wiki = await newPage( browser, { account: 'alice', uselang: 'ar' } );
		await wiki.open( `${ DRAFT }/ar` );
		await expectGadgetReady( wiki, 'ext.gadget.ldwg-glossary' );
		const panel = wiki.page.locator( 'details.ldwg-glossary-panel' );
		await panel.waitFor( { state: 'attached' } );
		expect( await panel.getAttribute( 'lang' ) ).toBe( 'ar' );
		expect( await panel.evaluate( ( el ) => getComputedStyle( el ).direction ) ).toBe( 'rtl' );
		const isOpen = (): Promise<boolean> => panel
			.evaluate( ( el: HTMLDetailsElement ) => el.open );
		expect( await isOpen() ).toBe( false );
		const summary = panel.locator( 'summary' );
		await summary.focus();
		await wiki.page.keyboard.press( 'Enter' );
		await expect.poll( isOpen ).toBe( true );
		// Equivalents carry their own language and direction; source terms theirs.
		expect( await panel.locator( 'td span[lang="ar"][dir="rtl"]' ).count() ).toBeGreaterThan( 0 );
		expect( await panel.locator( 'td span[lang="en"][dir="ltr"]' ).count() ).toBeGreaterThan( 0 );
		expect( await panel.locator( 'th[scope="col"]' ).count() ).toBe( 3 );
		// "Leader" is contested in the seeded glossary: its Arabic term says so, in Arabic.
		expect( await panel.locator( '.ldwg-glossary-uses-status-contested' ).first().textContent() )
			.toBe( '(محل خلاف)' );
		await screenshot( wiki, 'translate-review-panel-ar' );
		await wiki.page.keyboard.press( 'Space' );
		await expect.poll( isOpen ).toBe( false );
		wiki.assertClean();
		await wiki.close();
	} );
} );
