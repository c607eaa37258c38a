/**
 * The popup module's public contract (`ext.gadget.ldwg-popup`), kept free of code so that the
 * eager glossary module can depend on the types without bundling the popup.
 *
 * How the module is reached: the eager module runs `mw.loader.using( 'ext.gadget.ldwg-popup' )`
 * and listens on `mw.hook( POPUP_API_HOOK )`; the popup module fires that hook once, when it
 * loads, with a {@link PopupApi}. `mw.hook` remembers the last firing, so a late listener still
 * receives it.
 *
 * @packageDocumentation
 */
import type { ModuleLoader } from '../base/api.ts';
import type { GlossarySettings } from '../glossary/settings.ts';

/** Name of the `mw.hook` the popup module fires once on load with its {@link PopupApi}. */
export const POPUP_API_HOOK = 'ldwg.popup.api';

/**
 * Why a popup opens. Hover, focus and tap (or click) only show it; Enter or Space on the term
 * (`keyboard`) also moves focus into it, so its links can be reached without a mouse.
 */
export type OpenReason = 'hover' | 'focus' | 'tap' | 'keyboard';

/** What the popup module needs to know about the page and the reader. */
export interface PopupContext {
	/** Glossary settings from the site configuration. */
	settings: GlossarySettings;
	/** The raw configuration document, handed on to the feedback form. */
	config: unknown;
	/** Title of the page being read. */
	viewedTitle: string;
	/** Title of the source page (the draft for `/xx` translations). */
	sourceTitle: string;
	/** Language code of the `/xx` subpage, or `null`. */
	translationLanguage: string | null;
	/** Id of the draft, for "discuss this term"; `null` when the page is not a draft. */
	draftId: string | null;
	/** Content language of the page (`wgPageContentLanguage`). */
	pageLanguage: string;
	/** Interface language of the reader (`wgUserLanguage`). */
	userLanguage: string;
	/** Switches highlighting off for this reader (the popup's reader setting). */
	switchOff(): void;
	/**
	 * Loads the feedback form for "discuss this term": the base module's loader, so that a load
	 * that failed (offline) is asked for again on the next click instead of waiting for ever.
	 */
	loadModule: ModuleLoader;
}

/** What the popup module hands out through {@link POPUP_API_HOOK}. */
export interface PopupApi {
	/**
	 * Opens the popup for a marked term (closing any other one), except that a hover does not
	 * replace a popup opened by focus, tap or keyboard. `focused` is where focus was when the
	 * reader asked, before this module loaded: a keyboard opening moves focus into the popup
	 * only if it is still there (default: where it is when this is called).
	 */
	open(
		term: HTMLElement, reason: OpenReason, context: PopupContext, focused?: Element | null,
	): void;
	/** Closes the open popup, if any. */
	close(): void;
	/**
	 * Offers a way back after the reader switched highlighting off ("Highlight glossary terms":
	 * a link in the skin's tools menu, or a button after the page content in skins without one,
	 * see switch-on.ts); `switchOn` clears the opt-out and marks the page. With `announce`, a
	 * notification says where the way back is (right after switching off).
	 */
	offerSwitchOn( switchOn: () => void, announce: boolean ): void;
	/** Shows the translator panel on a `/xx` translation page. */
	showTranslatorPanel( content: HTMLElement, context: PopupContext ): void;
	/**
	 * Adds the glossary helper to one message editor of Special:Translate (the element Translate
	 * passes to `mw.translate.editor.afterEditorShown`).
	 */
	attachTranslateEditor( editor: HTMLElement, context: PopupContext ): void;
}
