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

/** Translate's hook, fired with the editor (jQuery) each time a message editor opens. */
export const TRANSLATE_EDITOR_HOOK = 'mw.translate.editor.afterEditorShown';

/** The editor element Translate passes: a jQuery object, or a bare element. */
function editorElement( editor: unknown ): HTMLElement | null {
	const element = editor instanceof HTMLElement ? editor :
		editor && ( editor as { get?: ( i: number ) => unknown } ).get?.( 0 );
	return element instanceof HTMLElement ? element : null;
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
		// The base module's loader is not there yet: it comes in this same request.
		loadPopup( ( names ) => new Promise<void>( ( resolve, reject ) => {
			mw.loader.using( names ).then( () => resolve(), reject );
		} ), [ BASE_MODULE ] ).then( ( api ) => {
			const base = loadBase();
			if ( !base ) {
				return;
			}
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
				// The editor helper has no "stop highlighting" button: translators switch this
				// gadget off in Special:Preferences.
				switchOff(): void {
					// Nothing is highlighted here.
				},
			};
			api.attachTranslateEditor( element, context );
		}, () => {
			// Popup not loadable (network): the editor works without the helper.
		} );
	} );
	return true;
}
