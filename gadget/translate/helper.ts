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

/** A failed load (network): the editor works without the helper. */
function ignore(): void {
	// Nothing to undo.
}

/** Translate's hook, fired with the editor (jQuery) each time a message editor opens. */
export const TRANSLATE_EDITOR_HOOK = 'mw.translate.editor.afterEditorShown';

/** The editor element Translate passes: a jQuery object, or a bare element. */
function editorElement( editor: unknown ): HTMLElement | null {
	const element = editor instanceof HTMLElement ? editor :
		editor && ( editor as { get?: ( i: number ) => unknown } ).get?.( 0 );
	return element instanceof HTMLElement ? element : null;
}

/**
 * Whether the helper belongs beside this editor. Special:Translate serves every translatable
 * page of Meta (Tech News, fundraising, events…), where the working group's glossary is not the
 * reference and its hints would only be noise: only the drafts and the glossary page get it, or
 * any page when configured categories may add pages the editor cannot tell, or when the page
 * cannot be read (Translate writes the message title, `Translations:<page>/<unit>/<language>`,
 * as the first text of `.messagekey`, before its tools menu). Never the message documentation
 * (`qqq`): Translate marks its textarea with the wiki's content language, the source's own, and
 * documentation is no translation.
 */
export function wantsHelper( editor: HTMLElement, settings: GlossarySettings ): boolean {
	const source = editor.querySelector<HTMLElement>( '.sourcemessage' );
	const target = editor.querySelector( 'textarea' );
	const key = editor.querySelector( '.messagekey' );
	const page = key && key.firstChild &&
		/^Translations:(.+)\/[^/]+\/[^/]+$/.exec( key.firstChild.textContent as string );
	return !( source && target && source.lang === target.lang ) &&
		( !page || !!settings.categories.length || page[ 1 ] === settings.glossaryPage ||
			settings.draftTitles.includes( page[ 1 ] as string ) );
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
			if ( !base || !wantsHelper( element, base.glossary ) ) {
				return;
			}
			loadPopup( base.loadModule, [ BASE_MODULE ] ).then( ( api ) => {
				const context: PopupContext = {
					settings: base.glossary,
					config: base.config,
					// Special:Translate: no underscore to replace, nor capitals in language codes.
					viewedTitle: mw.config.get( 'wgPageName' ),
					sourceTitle: '',
					translationLanguage: null,
					draftId: null,
					pageLanguage: mw.config.get( 'wgPageContentLanguage' ),
					userLanguage: mw.config.get( 'wgUserLanguage' ),
					loadModule: base.loadModule,
					// The editor helper has no "stop highlighting" button: translators switch
					// this gadget off in Special:Preferences.
					switchOff(): void {
						// Nothing is highlighted here.
					},
				};
				api.attachTranslateEditor( element, context );
			}, ignore );
		}, ignore );
	} );
	return true;
}
