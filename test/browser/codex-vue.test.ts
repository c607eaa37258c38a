/**
 * The opt-in Vue route for Codex (`LDWG_WIKI_CODEX=vue`, test/wiki/codex-vue.php): the local wiki
 * serves `@vue/compat` 3.5 and Codex 2.x from npm in place of 1.39's `vue` and `@wikimedia/codex`
 * modules. Checks that (a) Vector 2022's search, which runs on the replaced `vue`, still suggests
 * pages, and (b) Codex 2 Vue components mount through ResourceLoader, both with no console error.
 *
 * Skipped unless LDWG_WIKI_CODEX=vue is set for the run (the test wiki's PHP server inherits it):
 * `LDWG_WIKI_CODEX=vue npx vitest run test/browser/codex-vue.test.ts`. See docs/local-wiki.md,
 * "Codex: the Vue route attempt".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from '../helpers/browser.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const VUE_ROUTE = process.env.LDWG_WIKI_CODEX === 'vue';

/** What the page reports after mounting Codex 2 components. */
interface MountResult {
	vueVersion: string;
	hasField: boolean;
	buttonText: string;
	buttonBackground: string;
	inputValue: string;
	model: string;
}

describe.skipIf( !VUE_ROUTE )( 'Codex 2 Vue components (LDWG_WIKI_CODEX=vue)', () => {
	let browser: Browser;

	beforeAll( async () => {
		browser = await launchBrowser();
	} );

	afterAll( async () => {
		await browser?.close();
	} );

	it( 'keeps Vector 2022 search working on Vue 3.5 compat', async () => {
		const wiki = await newPage( browser, { skin: 'vector-2022' } );
		try {
			await wiki.open( 'Main Page' );
			// The no-JS search box is replaced by the Vue app when it is focused.
			await wiki.page.click( '#searchInput' );
			const input = wiki.page.locator( '.cdx-typeahead-search input' ).first();
			await input.waitFor( { timeout: 30_000 } );
			await input.click();
			await input.pressSequentially( 'Leadership Development', { delay: 30 } );
			// Suggestions come from rest.php's title search: pages of the seeded content.
			const suggestion = wiki.page.locator( '.cdx-typeahead-search .cdx-menu-item', { hasText: 'Leadership Development Working Group/' } ).first();
			await suggestion.waitFor( { timeout: 30_000 } );
			const states = await wiki.page.evaluate( () => [ 'vue', 'skins.vector.search' ]
				.map( ( name ) => window.mw.loader.getState( name ) ) );
			expect( states ).toEqual( [ 'ready', 'ready' ] );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'mounts Codex 2 components via mw.loader.using( [ vue, @wikimedia/codex ] )', async () => {
		const wiki = await newPage( browser );
		try {
			await wiki.open( DRAFT );
			const result = await wiki.page.evaluate( async (): Promise<MountResult> => {
				type Require = ( name: string ) => unknown;
				const modules = [ 'vue', '@wikimedia/codex' ];
				const req = await window.mw.loader.using( modules ) as Require;
				// Vue and Codex have no types in this project.
				/* eslint-disable @typescript-eslint/no-explicit-any */
				const Vue = req( 'vue' ) as any;
				const codex = req( '@wikimedia/codex' ) as any;
				/* eslint-enable @typescript-eslint/no-explicit-any */
				const el = document.createElement( 'div' );
				el.id = 'ldwg-codex-vue';
				document.body.appendChild( el );
				const app = Vue.createMwApp( {
					compatConfig: { MODE: 3 },
					components: { CdxButton: codex.CdxButton, CdxTextInput: codex.CdxTextInput },
					data: () => ( { clicks: 0, text: '' } ),
					template: '<div><cdx-button action="progressive" weight="primary" @click="clicks++">Clicked {{ clicks }}</cdx-button>' +
						'<cdx-text-input v-model="text"></cdx-text-input><span class="model">{{ text }}</span></div>',
				} );
				app.mount( el );
				await Vue.nextTick();
				const button = el.querySelector<HTMLButtonElement>( '.cdx-button' );
				const input = el.querySelector<HTMLInputElement>( '.cdx-text-input input' );
				if ( !button || !input ) {
					throw new Error( `Codex components did not render: ${ el.innerHTML }` );
				}
				button.click();
				input.value = 'typed';
				input.dispatchEvent( new Event( 'input' ) );
				await Vue.nextTick();
				return {
					vueVersion: String( Vue.version ),
					// CdxField is new in Codex 1.x/2.x; 1.39's Codex 0.1 has none.
					hasField: typeof codex.CdxField === 'object',
					buttonText: button.textContent?.trim() ?? '',
					buttonBackground: getComputedStyle( button ).backgroundColor,
					inputValue: input.value,
					model: el.querySelector( '.model' )?.textContent ?? '',
				};
			} );
			expect( result.vueVersion ).toMatch( /^3\.5\./ );
			expect( result.hasField ).toBe( true );
			expect( result.buttonText ).toBe( 'Clicked 1' );
			// Codex 2's primary progressive button (#36c): the module's Codex 2 stylesheet applied.
			expect( result.buttonBackground ).toBe( 'rgb(51, 102, 204)' );
			// v-model on a Codex component works under the compat build (compatConfig MODE 3).
			expect( result.model ).toBe( 'typed' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );
