/**
 * Moving keyboard focus to a place that stays when what had it goes away (the popup and the
 * marks on switching highlighting off, the way back on switching it on again). Without this,
 * focus falls to `<body>` and the reader's next Tab starts over at the top of the page.
 *
 * @packageDocumentation
 */

/**
 * Focuses `element` without scrolling, making it focusable for as long as it has focus: a
 * `tabindex="-1"` added here is removed again on blur, so the element never joins the Tab order
 * (and never gets a focus ring from a later click). A `tabindex` of its own is left alone.
 * Tab then goes on from `element` in the page's order.
 *
 * @param element What takes focus: a container that stays, such as a paragraph or the content.
 */
export function focusInPlace( element: HTMLElement ): void {
	if ( !element.hasAttribute( 'tabindex' ) ) {
		element.setAttribute( 'tabindex', '-1' );
		element.addEventListener( 'blur', () => {
			element.removeAttribute( 'tabindex' );
		}, { once: true } );
	}
	element.focus( { preventScroll: true } );
}
