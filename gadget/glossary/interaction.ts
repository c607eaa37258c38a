/**
 * Listens for readers reaching a marked term (hover with a short delay, keyboard focus, tap or
 * click, Enter or Space) and asks the popup module to open. One set of listeners on the document
 * serves every term, so marking adds no listener per term; the popup's code is only fetched when
 * the first popup is wanted.
 *
 * @packageDocumentation
 */
import { TERM_CLASS } from './exclusion.ts';
import type { OpenReason } from '../popup/api.ts';

/** Delay before a hovered term opens, so that a pointer passing over text opens nothing. */
export const HOVER_DELAY_MS = 350;

/** Installs the listeners; `open` is called with the term and why it should open. */
export function installInteraction(
	doc: Document,
	open: ( term: HTMLElement, reason: OpenReason ) => void,
): void {
	// Clearing a timer that has fired, or none, does nothing: no need to track which.
	let hoverTimer: ReturnType<typeof setTimeout> | undefined;
	/** Calls `handle` for events inside a marked term, with that term. */
	const on = <K extends 'mouseover' | 'mouseout' | 'focusin' | 'click' | 'keydown'>(
		type: K,
		handle: ( term: HTMLElement, event: DocumentEventMap[ K ] ) => void,
	): void => {
		doc.addEventListener( type, ( event ) => {
			const target = event.target;
			const term = target instanceof Element && target.closest<HTMLElement>( `.${ TERM_CLASS }` );
			if ( term ) {
				handle( term, event );
			}
		} );
	};
	// Only entering or leaving the term counts, not moving between its parts.
	const crosses = ( term: HTMLElement, event: MouseEvent ): boolean => !term.contains(
		event.relatedTarget as Node | null );
	on( 'mouseover', ( term, event ) => {
		if ( crosses( term, event ) ) {
			clearTimeout( hoverTimer );
			hoverTimer = setTimeout( () => open( term, 'hover' ), HOVER_DELAY_MS );
		}
	} );
	on( 'mouseout', ( term, event ) => {
		if ( crosses( term, event ) ) {
			clearTimeout( hoverTimer );
		}
	} );
	on( 'focusin', ( term ) => open( term, 'focus' ) );
	on( 'click', ( term, event ) => {
		clearTimeout( hoverTimer );
		// A click without a pointer behind it (detail 0) is a screen reader activating the term
		// (NVDA or JAWS browse mode, Enter on it): like Enter, focus moves into the popup, which
		// is at the end of the page and would otherwise be out of the reader's reach.
		open( term, event.detail ? 'tap' : 'keyboard' );
	} );
	on( 'keydown', ( term, event ) => {
		if ( event.key === 'Enter' || event.key === ' ' ) {
			// Space would scroll the page: the term is a button, so it activates instead.
			event.preventDefault();
			open( term, 'keyboard' );
		}
	} );
}
