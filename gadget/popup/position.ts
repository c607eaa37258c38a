/**
 * Where the popup goes: under the term (above when there is more room there), aligned with the
 * term's start edge, and always inside the viewport, also on a phone.
 *
 * @packageDocumentation
 */

/** A rectangle in viewport coordinates (as `getBoundingClientRect()` gives it). */
export interface Box {
	top: number;
	left: number;
	width: number;
	height: number;
}

/** Gap between the term and the popup, and between the popup and the viewport's edges. */
export const GAP = 6;
export const MARGIN = 8;

/**
 * Viewport position (`top`, `left`) of a popup of `size` next to `anchor` in a viewport of
 * `viewportWidth` × `viewportHeight`. In right-to-left text the popup aligns with the term's
 * right edge.
 */
export function placePopup(
	anchor: Box,
	size: { width: number; height: number },
	viewportWidth: number,
	viewportHeight: number,
	rtl: boolean,
): { top: number; left: number; above: boolean } {
	const below = viewportHeight - ( anchor.top + anchor.height ) - GAP - MARGIN;
	const aboveRoom = anchor.top - GAP - MARGIN;
	const above = size.height > below && aboveRoom > below;
	let top = above ? anchor.top - GAP - size.height : anchor.top + anchor.height + GAP;
	// Taller than the room on either side: keep the top visible (the popup scrolls inside).
	top = Math.max( MARGIN, Math.min( top, viewportHeight - MARGIN - size.height ) );
	let left = rtl ? anchor.left + anchor.width - size.width : anchor.left;
	left = Math.min( left, viewportWidth - MARGIN - size.width );
	left = Math.max( MARGIN, left );
	return { top, left, above };
}
