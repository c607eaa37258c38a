/**
 * The way back after a reader switched glossary highlighting off: "Highlight glossary terms".
 *
 * Why two places: the skin's tools menu (`p-tb`) is where readers of Vector 2022, Vector legacy,
 * MonoBook and Timeless look for such a switch, and logged-in Minerva readers have it too (the
 * "More" menu of the page actions). Logged-out Minerva readers, the most likely to have switched
 * it off in this browser only, have no tools menu at all on Wikimedia wikis (Minerva renders
 * `p-tb` only when it has entries for the reader), so `mw.util.addPortletLink( 'p-tb', … )`
 * gives nothing there. Then a button goes right after the page content, which every skin shows.
 *
 * @packageDocumentation
 */
import { setLanguage } from './direction.ts';
import { focusInPlace } from './focus.ts';

/** Id of the way back (the tools menu item or the box after the content), so it exists once. */
export const SWITCH_ON_ID = 'ldwg-glossary-switch-on';

/** Where the way back is: the skin's tools menu, or a button after the page content. */
export type SwitchOnPlace = 'tools' | 'page-end';

/** What {@link offerWayBack} needs (injected, so that tests need no `mw`). */
export interface WayBackOptions {
	/** The page's document. */
	doc: Document;
	/** Text of the link or button (`ldwg-glossary-switch-on`). */
	label: string;
	/** The reader's interface language (the label's `lang` and `dir`). */
	language: string;
	/**
	 * Adds a link to the skin's tools menu and returns its item, or `null` when the skin has no
	 * tools menu (`mw.util.addPortletLink( 'p-tb', '#', label, id )`).
	 */
	addToTools( label: string, id: string ): HTMLElement | null;
	/** Switches highlighting on again; the way back is removed first. */
	onActivate(): void;
}

/** Where an existing way back is (a menu item is an `li`). */
function placeOf( element: Element ): SwitchOnPlace {
	return element.localName === 'li' ? 'tools' : 'page-end';
}

/** The page content, or the nearest thing a skin has to it. */
function contentOf( doc: Document ): HTMLElement | null {
	return doc.getElementById( 'mw-content-text' ) ||
		doc.querySelector<HTMLElement>( 'main, #content, .mw-body' );
}

/** A button right after the page content (`#mw-content-text`), outside what gets marked. */
function addAfterContent( options: WayBackOptions ): HTMLElement {
	const { doc } = options;
	const box = setLanguage( doc.createElement( 'div' ), options.language );
	box.id = SWITCH_ON_ID;
	box.className = 'ldwg-glossary-switch-on noglossary noprint';
	const button = doc.createElement( 'button' );
	button.type = 'button';
	button.className = 'cdx-button cdx-button--weight-quiet cdx-button--action-progressive';
	button.textContent = options.label;
	box.appendChild( button );
	const content = doc.getElementById( 'mw-content-text' );
	if ( content && content.parentNode ) {
		content.parentNode.insertBefore( box, content.nextSibling );
	} else {
		( doc.querySelector( 'main, #content, .mw-body' ) || doc.body ).appendChild( box );
	}
	return button;
}

/**
 * Offers the way back once: in the tools menu when the skin has one, else after the content.
 * The link or button is a real `a href` or `button` named by its text, so it is in the tab order
 * and Enter (or Space, for the button) activates it.
 *
 * @param options Document, text, language, the tools-menu adder and the action.
 * @return Where the way back is (also when it was already offered).
 */
export function offerWayBack( options: WayBackOptions ): SwitchOnPlace {
	const existing = options.doc.getElementById( SWITCH_ON_ID );
	if ( existing ) {
		return placeOf( existing );
	}
	const item = options.addToTools( options.label, SWITCH_ON_ID );
	const control = item ? item.querySelector( 'a' ) || item : addAfterContent( options );
	const container = item || options.doc.getElementById( SWITCH_ON_ID );
	control.addEventListener( 'click', ( event ) => {
		event.preventDefault();
		// The way back goes away once used, and focus with it would fall to <body>, so that the
		// next Tab starts over at the top of the page. The content is where the reader wanted the
		// terms back, and where they are marked again: focus waits there (not in the tools menu,
		// which some skins show as a dropdown that closes), and Tab goes on to its links and
		// terms. Focus that was not on the way back (a click in a browser where links do not
		// take focus) is left alone.
		const content = container && container.contains( options.doc.activeElement ) ?
			contentOf( options.doc ) : null;
		if ( content ) {
			focusInPlace( content );
		}
		if ( container ) {
			container.remove();
		}
		options.onActivate();
	} );
	return item ? 'tools' : 'page-end';
}
