/**
 * The glossary's helper for translators in Special:Translate: when Translate opens a message
 * editor (`mw.hook( 'mw.translate.editor.afterEditorShown' )`, fired with the editor as a jQuery
 * object), it loads the popup module and the shared base module and lets the popup attach the
 * helper (concepts of the source message, approved terms, hints while typing).
 *
 * Why a gadget of its own: on Meta the glossary gadget loads only on the drafts (namespace 0,
 * their tracking category), so it never reaches Special:Translate (namespace -1). This module is
 * loaded on every special page instead, so on all other special pages it must cost nothing: it
 * returns before requesting anything or touching the page unless the page is Special:Translate,
 * and even there it requests nothing until an editor opens.
 *
 * @packageDocumentation
 */
import { BASE_MODULE } from '../base/api.ts';
import { loadBase } from '../base/require.ts';
import { loadPopup } from '../glossary/popup-loader.ts';
import type { PopupContext } from '../popup/api.ts';
import type { GlossarySettings } from '../glossary/settings.ts';

/** Translate's hook, fired with the editor (jQuery) each time a message editor opens. */
export const TRANSLATE_EDITOR_HOOK = 'mw.translate.editor.afterEditorShown';

/** The editor element Translate passes: a jQuery object, or a bare element. */
function editorElement( editor: unknown ): HTMLElement | null {
	const element = editor instanceof HTMLElement ? editor :
		editor && ( editor as { get?: ( i: number ) => unknown } ).get?.( 0 );
	return element instanceof HTMLElement ? element : null;
}

/**
 * The translatable page a message editor belongs to: Translate writes the message's title
 * (`Translations:<page>/<unit>/<language>`) as the first text of `.messagekey`, before its
 * tools menu. `null` when it cannot be read (markup changed): the helper is then shown.
 */
export function editorPage( editor: HTMLElement ): string | null {
	const key = editor.querySelector( '.messagekey' );
	const text = key && key.firstChild && key.firstChild.nodeType === 3 ?
		( key.firstChild.nodeValue || '' ).trim() : '';
	const m = /^Translations:(.+)\/[^/]+\/[^/]+$/.exec( text );
	return m ? ( m[ 1 ] as string ).replace( /_/g, ' ' ) : null;
}

/**
 * Whether the helper belongs beside this editor. Special:Translate serves every translatable
 * page of Meta (Tech News, fundraising, events…), where the working group's glossary is not the
 * reference and its hints would only be noise: only the drafts and the glossary page get it
 * (or any page, when configured categories may add pages the editor cannot tell). Not the
 * message documentation either (`qqq`, whose textarea Translate marks with the wiki's content
 * language): documentation is not a translation.
 */
function wanted( editor: HTMLElement, settings: GlossarySettings ): boolean {
	const list = document.querySelector( '.tux-messagelist' );
	const docs = mw.config.get( 'wgTranslateDocumentationLanguageCode' );
	if ( docs && list && list.getAttribute( 'data-targetlangcode' ) === docs ) {
		return false;
	}
	const page = editorPage( editor );
	return page === null || settings.categories.length > 0 || page === settings.glossaryPage ||
		settings.draftTitles.includes( page );
}

/**
 * Installs the helper when the page is Special:Translate; returns whether it did. Elsewhere it
 * does nothing at all (no listener, no request, no change to the page).
 */
export function installTranslateHelper(): boolean {
	if ( mw.config.get( 'wgCanonicalSpecialPageName' ) !== 'Translate' ) {
		return false;
	}
	mw.hook( TRANSLATE_EDITOR_HOOK ).add( ( editor: unknown ) => {
		const element = editorElement( editor );
		if ( !element ) {
			return;
		}
		// The configuration first (small, and needed to tell whether the message is the working
		// group's): the popup module is only loaded for an editor that gets the helper.
		mw.loader.using( BASE_MODULE ).then( () => {
			const base = loadBase();
			if ( !base || !wanted( element, base.glossary ) ) {
				return;
			}
			loadPopup( base.loadModule, [ BASE_MODULE ] ).then( ( api ) => {
				const context: PopupContext = {
					settings: base.glossary,
					config: base.config,
					viewedTitle: mw.config.get( 'wgPageName' ).replace( /_/g, ' ' ),
					sourceTitle: '',
					translationLanguage: null,
					draftId: null,
					pageLanguage: mw.config.get( 'wgPageContentLanguage' ).toLowerCase(),
					userLanguage: mw.config.get( 'wgUserLanguage' ),
					loadModule: base.loadModule,
					// The editor helper has no "stop highlighting" button: translators switch
					// this gadget off in Special:Preferences.
					switchOff(): void {
						// Nothing is highlighted here.
					},
				};
				api.attachTranslateEditor( element, context );
			}, () => {
				// Popup not loadable (network): the editor works without the helper.
			} );
		}, () => {
			// Configuration not loadable (network): the editor works without the helper.
		} );
	} );
	return true;
}
