// @vitest-environment jsdom
/**
 * Which Special:Translate editors get the glossary helper (gadget/translate/helper.ts).
 * Special:Translate serves every translatable page of Meta: the working group's glossary is the
 * reference only for its drafts and the glossary page, so editors of other pages' messages (and
 * of message documentation, `qqq`) get nothing, and the popup module is not even loaded for them.
 * The message's page is read from `.messagekey`, whose first text is the message title in
 * Translate's editor (resources/js/ext.translate.editor.js: `.text( this.message.title )`, then
 * a caret and the message tools menu).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_MODULE, type Base } from '../../gadget/base/api.ts';
import { readGlossarySettings } from '../../gadget/glossary/settings.ts';
import { POPUP_MODULE } from '../../gadget/glossary/popup-loader.ts';
import { POPUP_API_HOOK, type PopupApi, type PopupContext } from '../../gadget/popup/api.ts';
import { TRANSLATE_EDITOR_HOOK, wantsHelper } from '../../gadget/translate/helper.ts';
import { loadModule } from '../../gadget/base/module-load.ts';
import { installFakeMw, type FakeMw } from './gadget-core/fake-mw.ts';

const site = JSON.parse( readFileSync( path.resolve( __dirname, '../../wiki-content/config/site.json' ), 'utf8' ) ) as Record<string, unknown>;

const loader = vi.hoisted( () => ( { base: null as unknown } ) );
vi.mock( '../../gadget/base/require.ts', () => ( { loadBase: () => loader.base } ) );

afterEach( () => {
	loader.base = null;
	document.body.textContent = '';
} );

/** Translate's message list and one open editor, as ext.translate.editor.js builds them. */
function editorFor( title: string, target = 'fr' ): HTMLElement {
	const list = document.createElement( 'div' );
	list.className = 'tux-messagelist';
	list.setAttribute( 'data-sourcelangcode', 'en' );
	list.setAttribute( 'data-targetlangcode', target );
	const editor = document.createElement( 'div' );
	editor.className = 'row tux-message-editor';
	const key = document.createElement( 'div' );
	key.className = 'ten columns messagekey';
	key.textContent = title;
	const caret = document.createElement( 'span' );
	caret.className = 'caret';
	const tools = document.createElement( 'ul' );
	tools.className = 'tux-dropdown-menu tux-message-tools-menu hide';
	const item = document.createElement( 'li' );
	item.textContent = 'View all translations';
	tools.append( item );
	key.append( caret, tools );
	const source = document.createElement( 'span' );
	source.className = 'twelve columns sourcemessage';
	source.lang = 'en';
	source.textContent = 'Good leadership builds resilience.';
	const textarea = document.createElement( 'textarea' );
	textarea.className = 'tux-textarea-translation';
	textarea.lang = target === 'qqq' ? 'en' : target;
	const info = document.createElement( 'div' );
	info.className = 'infocolumn';
	editor.append( key, source, textarea, info );
	list.append( editor );
	document.body.append( list );
	return editor;
}

async function setUp( config: Record<string, unknown> = site ): Promise<{
	fake: FakeMw;
	attach: ReturnType<typeof vi.fn<( editor: HTMLElement, context: PopupContext ) => void>>;
}> {
	const fake = installFakeMw( {
		wgCanonicalSpecialPageName: 'Translate',
		wgPageName: 'Special:Translate',
		wgPageContentLanguage: 'en',
		wgUserLanguage: 'fr',
		wgTranslateDocumentationLanguageCode: 'qqq',
	} );
	const base: Base = { config, glossary: readGlossarySettings( config ), loadModule };
	loader.base = base;
	const attach = vi.fn<( editor: HTMLElement, context: PopupContext ) => void>();
	const api = { attachTranslateEditor: attach } as unknown as PopupApi;
	fake.loader.using.mockImplementation( ( names: string | string[] ) => {
		if ( ( [] as string[] ).concat( names ).includes( POPUP_MODULE ) ) {
			fake.hook( POPUP_API_HOOK ).fire( api );
		}
		return Promise.resolve();
	} );
	// A fresh module graph: the popup loader keeps the API it got for the page view.
	vi.resetModules();
	( await import( '../../gadget/translate/helper.ts' ) ).installTranslateHelper();
	return { fake, attach };
}

/** Fires Translate's hook with the editor, as a jQuery object like Translate does. */
function showEditor( fake: FakeMw, editor: HTMLElement ): void {
	const jquery = { get: ( i: number ) => i === 0 ? editor : undefined };
	fake.hook( TRANSLATE_EDITOR_HOOK ).fire( jquery );
}

/** Lets the helper's promises settle. */
async function settle(): Promise<void> {
	for ( let i = 0; i < 10; i++ ) {
		await new Promise<void>( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
	}
}

function popupRequested( fake: FakeMw ): boolean {
	const requested = ( names: unknown ): boolean => ( [] as string[] )
		.concat( names as string | string[] ).includes( POPUP_MODULE );
	return fake.loader.using.mock.calls.some( ( [ names ] ) => requested( names ) );
}

describe( 'Translate editor helper: which editors get it', () => {
	it( 'reads the page of the message from .messagekey, before its tools menu', () => {
		const settings = readGlossarySettings( site );
		const wants = ( title: string, target = 'fr' ): boolean => wantsHelper( editorFor( title, target ), settings );
		expect( wants( 'Translations:Leadership Development Working Group/Shared definition of leadership/7/fr' ) ).toBe( true );
		expect( wants( 'Translations:Leadership Development Working Group/Glossary/12/pt-br' ) ).toBe( true );
		expect( wants( 'Translations:Tech/News/2026/48/12/pt-br' ) ).toBe( false );
		// A draft's title followed by more: another page.
		expect( wants( 'Translations:Leadership Development Working Group/Shared definition of leadership/Old/7/fr' ) ).toBe( false );
		expect( wants( 'Translations:Leadership Development Working Group/Shared definition of leadership/7/qqq', 'qqq' ) ).toBe( false );
		// Not a title Translate writes for page translation: shown, as before.
		expect( wants( 'MediaWiki:Some-message/fr' ) ).toBe( true );
		expect( wantsHelper( document.createElement( 'div' ), settings ) ).toBe( true );
	} );

	it.each( [
		[ 'a draft', 'Translations:Leadership Development Working Group/Shared definition of leadership/7/fr' ],
		[ 'the glossary page', 'Translations:Leadership Development Working Group/Glossary/4/fr' ],
		[ 'a message whose page cannot be read (Translate markup changed)', '' ],
	] )( 'attaches the helper to the editor of %s', async ( _what, title ) => {
		const { fake, attach } = await setUp();
		const editor = editorFor( title );
		showEditor( fake, editor );
		await settle();
		expect( attach ).toHaveBeenCalledTimes( 1 );
		expect( attach.mock.calls[ 0 ]?.[ 0 ] ).toBe( editor );
		expect( fake.loader.using ).toHaveBeenCalledWith( BASE_MODULE );
	} );

	it( 'gives nothing to the editor of another translatable page of Meta, and loads no popup for it', async () => {
		const { fake, attach } = await setUp();
		const editor = editorFor( 'Translations:Tech/News/2026/48/3/fr' );
		showEditor( fake, editor );
		await settle();
		expect( attach ).not.toHaveBeenCalled();
		expect( popupRequested( fake ) ).toBe( false );
		expect( editor.querySelector( '.ldwg-glossary-editor' ) ).toBeNull();
	} );

	it( 'gives nothing to the message documentation (qqq), whose textarea says the content language', async () => {
		const { fake, attach } = await setUp();
		const editor = editorFor( 'Translations:Leadership Development Working Group/Shared definition of leadership/7/qqq', 'qqq' );
		showEditor( fake, editor );
		await settle();
		expect( attach ).not.toHaveBeenCalled();
		expect( popupRequested( fake ) ).toBe( false );
	} );

	it( 'attaches to any page when the configuration adds pages by category (the editor cannot tell those)', async () => {
		const config = { ...site, glossary: { categories: [ 'LDWG texts' ], markAll: false } };
		const { fake, attach } = await setUp( config );
		const editor = editorFor( 'Translations:Some other page/3/fr' );
		showEditor( fake, editor );
		await settle();
		expect( attach ).toHaveBeenCalledTimes( 1 );
	} );
} );
