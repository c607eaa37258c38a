/**
 * Lazy popup module (`ext.gadget.ldwg-popup`, hidden): the glossary popup, the translator panel
 * on `/xx` pages and the helper beside Special:Translate's message editor. Loaded by the eager
 * glossary module on first need; hands its API out through `mw.hook( 'ldwg.popup.api' )`.
 *
 * @packageDocumentation
 */
import './popup.css';
import { fetchRaw } from '../glossary/term-indexes.ts';
import { hasPreferences } from './opt-out.ts';
import './opt-out-hook.ts';
import { loadWithTranslations } from '../core/translations.ts';
import { POPUP_API_HOOK, type PopupApi, type PopupContext } from './api.ts';
import { createPopupController, type PopupController } from './controller.ts';
import { loadGlossary } from './glossary-data.ts';
import { setLanguage } from './direction.ts';
import { offerWayBack } from './switch-on.ts';
import {
	analyseTranslation, analyseTranslationPage, hintCount, readerText, renderUses,
	updateEditorHelper,
} from './translator.ts';
import type { Msg } from './render.ts';
import type { CompiledGlossary } from '../../shared/contracts/glossary.ts';
import { uiLanguage } from '../core/ui-language.ts';

/** User agent for API requests (Wikimedia's User-Agent policy, `Api-User-Agent` from browsers). */
const USER_AGENT = `ldwg-tools/${ LDWG_VERSION } (https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group)`;

/**
 * A message's plain text; number parameters in the interface language's digits (the module
 * depends on mediawiki.jqueryMsg, which brings mediawiki.language), which `{{PLURAL}}` reads back.
 */
const msg: Msg = ( key, ...params ) => mw.message( key, ...params.map(
	( p ) => typeof p === 'number' ? mw.language.convertNumber( p ) : p ) ).text();

/**
 * The reader's translated messages (English is bundled): the page view's and the dialogs' own,
 * which hold the popup's and the feedback form's ("discuss this term"), in one request. Asked
 * at each opening: once loaded this fetches nothing, and after a failed request it tries again.
 */
const translations = (): Promise<unknown> => loadWithTranslations( [], USER_AGENT, [ 'page', 'dialogs' ] );

/** The compiled glossary, once the reader's messages are there too (both are needed to render). */
function glossary( context: PopupContext ): Promise<CompiledGlossary | null> {
	return Promise.all( [
		loadGlossary( context.settings.compiledTitle, fetchRaw ), translations(),
	] )
		.then( ( [ g ] ) => g );
}

let controller: PopupController | null = null;
let lastContext: PopupContext | null = null;

/** Debounce delay for re-checking the translation being typed. */
const TYPING_DELAY_MS = 250;
const attachedEditors = new WeakSet<HTMLElement>();

const api: PopupApi = {
	open( term, reason, context, focused ) {
		lastContext = context;
		if ( !controller ) {
			controller = createPopupController( document,
				() => glossary( lastContext || context ), msg );
		}
		controller.open( term, reason, context, focused );
	},
	close() {
		if ( controller ) {
			controller.close();
		}
	},
	offerSwitchOn( switchOn, announce ) {
		translations().then( () => {
			const place = offerWayBack( {
				doc: document,
				label: msg( 'ldwg-glossary-switch-on' ),
				language: uiLanguage().lang,
				addToTools: ( label, id ) => mw.util.addPortletLink( 'p-tb', '#', label, id ) || null,
				onActivate: switchOn,
			} );
			if ( announce ) {
				// The notice names the place where the way back is.
				mw.notify( msg( hasPreferences() ? 'ldwg-glossary-switched-off-preference' :
					place === 'tools' ? 'ldwg-glossary-switched-off-local' :
						'ldwg-glossary-switched-off-local-page-end' ) );
			}
		} );
	},
	showTranslatorPanel( content, context ) {
		const target = context.translationLanguage;
		if ( !target || document.querySelector( '.ldwg-glossary-panel' ) ) {
			return;
		}
		const sourceText = fetchRaw( context.sourceTitle );
		Promise.all( [ glossary( context ), sourceText ] ).then( ( [ g, wikitext ] ) => {
			if ( !g || wikitext === null || !content.parentNode ) {
				return;
			}
			// The source's wikitext, not its rendered HTML: see readerText. Units not translated
			// yet (shown in the source language) get no hint: see analyseTranslationPage.
			const uses = analyseTranslationPage( g, readerText( wikitext ), content, target );
			if ( !uses.length ) {
				return;
			}
			const panel = setLanguage( document.createElement( 'details' ), uiLanguage().lang );
			panel.className = 'ldwg-glossary-panel noglossary';
			const summary = document.createElement( 'summary' );
			const hints = hintCount( uses );
			summary.textContent = msg( 'ldwg-glossary-translator-panel-title', uses.length ) +
				( hints ? msg( 'ldwg-glossary-translator-panel-hints', hints ) : '' );
			panel.append( summary, renderUses( document, uses, g.sourceLanguage, target, msg ) );
			content.parentNode.insertBefore( panel, content );
		} );
	},
	attachTranslateEditor( editor, context ) {
		const source = editor.querySelector( '.sourcemessage' );
		const textarea = editor.querySelector<HTMLTextAreaElement>( 'textarea.tux-textarea-translation, .editcolumn textarea' );
		if ( !source || !textarea ) {
			return;
		}
		glossary( context ).then( ( g ) => {
			if ( !g ) {
				return;
			}
			// The textarea says the target language; else the message list does (Translate's
			// `data-targetlangcode`), which, unlike the interface language, is the translation's.
			const list = editor.closest( '[data-targetlangcode]' );
			const target = ( textarea.getAttribute( 'lang' ) ||
				list && list.getAttribute( 'data-targetlangcode' ) || context.userLanguage ).toLowerCase();
			let box = editor.querySelector<HTMLElement>( '.ldwg-glossary-editor' );
			if ( !box ) {
				box = setLanguage( document.createElement( 'div' ), uiLanguage().lang );
				box.className = 'ldwg-glossary-editor ldwg-glossary-panel noglossary';
				box.setAttribute( 'role', 'region' );
				box.setAttribute( 'aria-label', msg( 'ldwg-glossary-editor-title' ) );
				const info = editor.querySelector( '.infocolumn' );
				if ( info ) {
					info.insertBefore( box, info.firstChild );
				} else {
					( source.parentNode as Node ).insertBefore( box, source.nextSibling );
				}
			}
			const helper = box;
			const render = (): void => {
				// Both are wikitext here: the editor shows the unit's source, and translators type
				// links, bold and templates as they will be saved.
				const uses = analyseTranslation( g, readerText( source.textContent || '' ),
					readerText( textarea.value ), target );
				updateEditorHelper( document, helper, uses, g.sourceLanguage, target, msg );
			};
			render();
			if ( !attachedEditors.has( editor ) ) {
				attachedEditors.add( editor );
				let timer: ReturnType<typeof setTimeout> | undefined;
				const later = (): void => {
					clearTimeout( timer );
					timer = setTimeout( render, TYPING_DELAY_MS );
				};
				textarea.addEventListener( 'input', later );
				// Translate's "Discard changes" focuses the textarea, then restores the saved text
				// with jQuery's .val(), which fires no input event: a check after the focus sees
				// it.
				textarea.addEventListener( 'focus', later );
			}
		} );
	},
};

mw.hook( POPUP_API_HOOK ).fire( api );
