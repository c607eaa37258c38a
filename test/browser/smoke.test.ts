/**
 * Smoke test of the browser test base: a draft page and its Arabic translation, in Vector 2022
 * and in Minerva, logged out and logged in, load the gadget's eager module with no console error;
 * the translation's content is right-to-left; the local Codex styles module loads.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { Skin } from '../helpers/browser.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';

let browser: Browser;

beforeAll( async () => {
	browser = await launchBrowser();
} );

afterAll( async () => {
	await browser?.close();
} );

describe.each( [ 'vector-2022', 'minerva' ] as Skin[] )( 'in %s', ( skin ) => {
	it( 'loads the gadget on the draft with no console error', async () => {
		const wiki = await newPage( browser, { skin } );
		try {
			await wiki.open( DRAFT );
			await expectGadgetReady( wiki );
			const markers = await wiki.page.locator( '.ldwg-section[data-ldwg-section]' ).count();
			expect( markers ).toBe( 4 );
			await screenshot( wiki, `smoke-${ skin }-draft` );
		} finally {
			await wiki.close();
		}
	} );

	it( 'loads the gadget on the Arabic translation, right-to-left, logged in', async () => {
		const wiki = await newPage( browser, { skin, account: 'alice' } );
		try {
			await wiki.open( `${ DRAFT }/ar` );
			await expectGadgetReady( wiki );
			const user = await wiki.page.evaluate( () => window.mw.config.get( 'wgUserName' ) );
			expect( user ).toBe( 'Alice' );
			const content = wiki.page.locator( '#mw-content-text' );
			expect( await content.getAttribute( 'dir' ) ).toBe( 'rtl' );
			expect( await content.getAttribute( 'lang' ) ).toBe( 'ar' );
			await screenshot( wiki, `smoke-${ skin }-ar` );
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'test base', () => {
	it( 'serves Codex 2 styles as codex-styles, flipped for RTL', async () => {
		const wiki = await newPage( browser, { uselang: 'ar' } );
		try {
			await wiki.open( DRAFT );
			await expectGadgetReady( wiki, 'codex-styles' );
			const dir = await wiki.page.evaluate( () => document.documentElement.dir );
			expect( dir ).toBe( 'rtl' );
			// A Codex 2 CSS-only button gets Codex's styles (0.1 had no CSS-only components).
			const padding = await wiki.page.evaluate( () => {
				const button = document.createElement( 'button' );
				button.className = 'cdx-button';
				document.body.appendChild( button );
				return getComputedStyle( button ).minHeight;
			} );
			expect( padding ).toBe( '32px' );
		} finally {
			await wiki.close();
		}
	} );

	it( 'fails loudly when a page logs a console error', async () => {
		const wiki = await newPage( browser );
		try {
			await wiki.open( DRAFT );
			await wiki.page.evaluate( () => {

				console.error( 'deliberate error' );
			} );
			await expect( expectGadgetReady( wiki ) ).rejects.toThrow( /deliberate error/ );
		} finally {
			await wiki.close();
		}
	} );
} );
