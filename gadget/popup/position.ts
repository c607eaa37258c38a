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
 * Least height a popup is cut down to in order not to cover its term (it scrolls inside). Less
 * room than that (a term in the middle of a very short viewport) and it covers the term rather
 * than becoming a slit.
 */
export const MIN_HEIGHT = 120;

/**
 * Viewport position (`top`, `left`) of a popup of `size` next to `anchor` in a viewport of
 * `viewportWidth` × `viewportHeight`. In right-to-left text the popup aligns with the term's
 * right edge. A popup taller than the room on either side (a phone, 200% zoom, a long
 * definition) goes on the roomier side with `maxHeight`, its height cut to that room, instead
 * of being pushed over the term: the reader still sees what they tapped, and keyboard focus on
 * the term is not hidden under it.
 */
export function placePopup(
	anchor: Box,
	size: { width: number; height: number },
	viewportWidth: number,
	viewportHeight: number,
	rtl: boolean,
): { top: number; left: number; above: boolean; maxHeight: number | null } {
	const below = viewportHeight - ( anchor.top + anchor.height ) - GAP - MARGIN;
	const aboveRoom = anchor.top - GAP - MARGIN;
	const above = size.height > below && aboveRoom > below;
	const room = above ? aboveRoom : below;
	const height = size.height > room ? Math.max( room, Math.min( MIN_HEIGHT, size.height ) ) :
		size.height;
	let top = above ? anchor.top - GAP - height : anchor.top + anchor.height + GAP;
	// Less room than MIN_HEIGHT on either side: keep the top visible (the popup scrolls inside).
	top = Math.max( MARGIN, Math.min( top, viewportHeight - MARGIN - height ) );
	let left = rtl ? anchor.left + anchor.width - size.width : anchor.left;
	left = Math.min( left, viewportWidth - MARGIN - size.width );
	left = Math.max( MARGIN, left );
	return { top, left, above, maxHeight: height < size.height ? height : null };
}
