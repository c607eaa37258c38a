// @vitest-environment jsdom
/**
 * The Translate editor helper (gadget/translate/), a default gadget loaded on every special page
 * of Meta: on any page but Special:Translate it must register nothing, request nothing and
 * change nothing; on Special:Translate it requests nothing until Translate opens an editor, then
 * loads the popup and the shared base module and hands the editor over with the glossary
 * settings from the base module.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_MODULE, type Base } from '../../../gadget/base/api.ts';
import { readGlossarySettings } from '../../../gadget/glossary/settings.ts';
import { POPUP_MODULE } from '../../../gadget/glossary/popup-loader.ts';
import { POPUP_API_HOOK, type PopupApi, type PopupContext } from '../../../gadget/popup/api.ts';
import { installTranslateHelper, TRANSLATE_EDITOR_HOOK } from '../../../gadget/translate/helper.ts';
import { loadModule } from '../../../gadget/base/module-load.ts';
import { installFakeMw } from './fake-mw.ts';

const site: unknown = JSON.parse( readFileSync( path.resolve( __dirname, '../../../wiki-content/config/site.json' ), 'utf8' ) );
const base: Base = { config: site, glossary: readGlossarySettings( site ), loadModule };

// ResourceLoader's `require( 'ext.gadget.ldwg-base' )` (gadget/base/require.ts), answering only
// once the test says the base module is loaded.
const loader = vi.hoisted( () => ( { base: null as unknown } ) );
vi.mock( '../../../gadget/base/require.ts', () => ( { loadBase: () => loader.base } ) );

function installRequire(): void {
	loader.base = base;
}

afterEach( () => {
	loader.base = null;
	document.body.textContent = '';
} );

function wikiConfig( special: string | false ): Record<string, unknown> {
	return {
		wgCanonicalSpecialPageName: special,
		wgPageName: special ? `Special:${ special }` : 'Main_Page',
		wgPageContentLanguage: 'en',
		wgUserLanguage: 'fr',
	};
}

describe( 'Translate editor helper', () => {
	it.each( [ false, 'Watchlist', 'BlankPage', 'translate' ] as const )( 'does nothing on %s', ( special ) => {
		const fake = installFakeMw( wikiConfig( special ) );
		installRequire();
		const before = document.documentElement.outerHTML;
		expect( installTranslateHelper() ).toBe( false );
		expect( [ ...fake.handlers.values() ].flat() ).toHaveLength( 0 );
		expect( fake.loader.using ).not.toHaveBeenCalled();
		expect( document.documentElement.outerHTML ).toBe( before );
	} );

	it( 'on Special:Translate waits for an editor, then attaches the popup module\'s helper', async () => {
		const fake = installFakeMw( wikiConfig( 'Translate' ) );
		installRequire();
		expect( installTranslateHelper() ).toBe( true );
		// Nothing requested until Translate opens an editor.
		expect( fake.loader.using ).not.toHaveBeenCalled();

		const attach = vi.fn<( editor: HTMLElement, context: PopupContext ) => void>();
		const api = { attachTranslateEditor: attach } as unknown as PopupApi;
		fake.loader.using.mockImplementation( () => {
			fake.hook( POPUP_API_HOOK ).fire( api );
			return Promise.resolve();
		} );
		const editor = document.createElement( 'div' );
		editor.className = 'tux-message-editor';
		document.body.append( editor );
		// Translate passes a jQuery object.
		const jquery = { get: ( i: number ) => i === 0 ? editor : undefined };
		fake.hook( TRANSLATE_EDITOR_HOOK ).fire( jquery );

		await vi.waitFor( () => expect( attach ).toHaveBeenCalledTimes( 1 ) );
		expect( fake.loader.using ).toHaveBeenCalledWith( [ POPUP_MODULE, BASE_MODULE ] );
		const [ element, context ] = attach.mock.calls[ 0 ] as [ HTMLElement, PopupContext ];
		expect( element ).toBe( editor );
		expect( context.settings.compiledTitle ).toBe( 'User:LDWG-bot/glossary.json' );
		expect( context.config ).toBe( site );
		expect( context.userLanguage ).toBe( 'fr' );
	} );

	it( 'ignores a hook argument that holds no element', async () => {
		const fake = installFakeMw( wikiConfig( 'Translate' ) );
		installRequire();
		installTranslateHelper();
		fake.hook( TRANSLATE_EDITOR_HOOK ).fire( { get: () => undefined } );
		fake.hook( TRANSLATE_EDITOR_HOOK ).fire( null );
		await Promise.resolve();
		expect( fake.loader.using ).not.toHaveBeenCalled();
	} );
} );
