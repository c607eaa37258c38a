/**
 * The elements the eager module adds after a section marker: the "Give feedback" button, the
 * section's counts, and a status line (busy, errors, "saved"). Built with `createElement` and
 * `textContent` only: headings, messages and counts are untrusted text.
 *
 * @packageDocumentation
 */
import type { CountsView } from './counts.ts';
import type { FormSaveResult } from '../form/api.ts';

/** Class of the container added after each marker. */
export const WIDGET_CLASS = 'ldwg-feedback';

/**
 * Name of the `mw.hook` the form module fires once on load with its {@link SavedNotice}: the
 * notice is needed only after the form has saved, so its code and texts load with the form.
 */
export const SAVED_NOTICE_HOOK = 'ldwg.form.saved-notice';

/** Builds the status shown after an entry was saved ("Thank you, …" and a link to it). */
export type SavedNotice = ( result: FormSaveResult ) => ( string | Node )[];

/** A message's plain text (`mw.message( key, ...params ).text()`). */
export type MessageText = ( key: string, ...params: string[] ) => string;

/** What a widget needs when it is built. */
export interface WidgetOptions {
	/** Section id of the marker. */
	sectionId: string;
	/** Heading text of the section, in the page's language (part of the button's name). */
	sectionLabel: string;
	/** Language of the reader's interface, for the widget's own text. */
	lang: string;
	/** Direction of the reader's interface. */
	dir: string;
	/** Message lookup. */
	text: MessageText;
	/** Number formatting in the reader's language. */
	formatNumber( n: number ): string;
	/** Called when the button is activated while not busy. */
	onActivate(): void;
}

/** The feedback elements of one section marker. */
export interface SectionWidget {
	/** The container, inserted after the marker. */
	element: HTMLElement;
	/** The "Give feedback" button (the form returns focus to it). */
	button: HTMLButtonElement;
	/**
	 * Marks the button busy while the form loads. It stays focusable (`aria-disabled`, not
	 * `disabled`), so keyboard focus is not lost.
	 */
	setBusy( busy: boolean ): void;
	/**
	 * Shows a status next to the button (announced by the live region): text and elements built
	 * as text, an error when `error` is set.
	 */
	showStatus( parts: ( string | Node )[], error?: boolean ): void;
	/**
	 * Shows the counts (entries, linking to `summaryUrl#anchor`, and the stance spread), or
	 * hides them for `null`.
	 */
	setCounts( view: CountsView | null, summaryUrl: string ): void;
}

function make<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const el = document.createElement( tag );
	el.className = className;
	// A new element has no text: setting an empty one changes nothing.
	el.textContent = text || '';
	return el;
}

/** Builds the widget of one marker (not yet in the page). */
export function createWidget( options: WidgetOptions ): SectionWidget {
	const { text, formatNumber } = options;
	let busy = false;
	const element = make( 'span', WIDGET_CLASS );
	element.lang = options.lang;
	element.dir = options.dir;
	element.setAttribute( 'data-ldwg-section', options.sectionId );

	// A real button: focusable, activated by Enter and Space, announced as a button.
	const button = make( 'button', 'cdx-button ldwg-feedback-button', text( 'ldwg-gadget-feedback-button' ) );
	button.type = 'button';
	// The visible text alone would give every section's button the same name.
	button.setAttribute( 'aria-label', text( 'ldwg-gadget-feedback-button-label', options.sectionLabel ) );
	button.addEventListener( 'click', () => {
		if ( !busy ) {
			options.onActivate();
		}
	} );
	const counts = make( 'span', 'ldwg-feedback-counts' );
	counts.hidden = true;
	// A polite live region, there from the start so that screen readers announce changes.
	const status = make( 'span', 'ldwg-feedback-status' );
	status.setAttribute( 'role', 'status' );
	element.append( button, counts, status );

	const showStatus = ( parts: ( string | Node )[], error = false ): void => {
		status.textContent = '';
		status.append( ...parts );
		status.classList.toggle( 'ldwg-feedback-error', error );
	};

	return {
		element,
		button,
		setBusy( value ) {
			busy = value;
			// Also what core.css styles as busy.
			button.setAttribute( 'aria-disabled', String( value ) );
			showStatus( value ? [ text( 'ldwg-gadget-feedback-loading' ) ] : [] );
		},
		showStatus,
		setCounts( view, summaryUrl ) {
			counts.textContent = '';
			counts.hidden = !view;
			if ( !view ) {
				return;
			}
			const link = make( 'a', '', text( 'ldwg-gadget-counts-entries', formatNumber( view.entries ) ) );
			link.href = `${ summaryUrl }#${ encodeURIComponent( view.anchor ) }`;
			counts.append( link );
			if ( view.stances.length ) {
				const spread = make( 'ul', 'ldwg-feedback-stances' );
				for ( const stance of view.stances ) {
					const item = make( 'li', 'ldwg-feedback-stance', text( 'ldwg-gadget-counts-stance', stance.label, formatNumber( stance.count ) ) );
					item.setAttribute( 'data-ldwg-stance', stance.id );
					spread.append( item );
				}
				counts.append( spread );
			}
		},
	};
}
