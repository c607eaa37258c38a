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

/** The marked term `target` is in, if any. */
function termOf( target: EventTarget | null ): HTMLElement | null {
	return target instanceof Element ? target.closest<HTMLElement>( `.${ TERM_CLASS }` ) : null;
}

/** Installs the listeners; `open` is called with the term and why it should open. */
export function installInteraction(
	doc: Document,
	open: ( term: HTMLElement, reason: OpenReason ) => void,
): void {
	let hoverTimer: ReturnType<typeof setTimeout> | undefined;
	const cancelHover = (): void => {
		if ( hoverTimer !== undefined ) {
			clearTimeout( hoverTimer );
			hoverTimer = undefined;
		}
	};
	doc.addEventListener( 'mouseover', ( event ) => {
		const term = termOf( event.target );
		if ( term && !term.contains( event.relatedTarget as Node | null ) ) {
			cancelHover();
			hoverTimer = setTimeout( () => {
				hoverTimer = undefined;
				open( term, 'hover' );
			}, HOVER_DELAY_MS );
		}
	} );
	doc.addEventListener( 'mouseout', ( event ) => {
		const term = termOf( event.target );
		if ( term && !term.contains( event.relatedTarget as Node | null ) ) {
			cancelHover();
		}
	} );
	doc.addEventListener( 'focusin', ( event ) => {
		const term = termOf( event.target );
		if ( term ) {
			open( term, 'focus' );
		}
	} );
	doc.addEventListener( 'click', ( event ) => {
		const term = termOf( event.target );
		if ( term ) {
			cancelHover();
			open( term, 'tap' );
		}
	} );
	doc.addEventListener( 'keydown', ( event ) => {
		const term = termOf( event.target );
		if ( term && ( event.key === 'Enter' || event.key === ' ' ) ) {
			// Space would scroll the page: the term is a button, so it activates instead.
			event.preventDefault();
			open( term, 'keyboard' );
		}
	} );
}
