/**
 * Reading the page around a section marker: the heading of its section (for the button's
 * accessible name) and the template's no-JavaScript link (hidden once the button is there).
 * Read-only DOM helpers; they never change the page.
 *
 * Heading markup differs by MediaWiki version and skin, so the search only relies on what they
 * share: the heading is the nearest `h1`–`h6` before the marker in document order, found by
 * walking back through the marker's previous siblings and those of its ancestors. That covers
 * 1.39's `<h2><span class="mw-headline">`, current MediaWiki's `<div class="mw-heading"><h2>`,
 * and Minerva's collapsible `<section>` blocks that follow their heading.
 *
 * @packageDocumentation
 */

/** Class of the section marker the template renders. */
export const MARKER_CLASS = 'ldwg-section';
/** Class of the template's link for readers without JavaScript. */
export const NOJS_CLASS = 'ldwg-section-nojs';

const HEADING = /^H[1-6]$/;

function headingIn( element: Element ): Element | null {
	if ( HEADING.test( element.tagName ) ) {
		return element;
	}
	// A wrapper such as `.mw-heading` holds the heading; a whole section (Minerva) is skipped
	// only when it is not a heading wrapper.
	if ( element.classList.contains( 'mw-heading' ) ) {
		return element.querySelector( 'h1, h2, h3, h4, h5, h6' );
	}
	return null;
}

/** Text of a heading without its edit links, section numbers and icons. */
export function headingLabel( heading: Element ): string {
	const headline = heading.querySelector( '.mw-headline' );
	const source = ( headline || heading ).cloneNode( true ) as Element;
	Array.from( source.querySelectorAll( '.mw-editsection, .mw-headline-number, .mf-icon, .mw-ui-icon' ) )
		.forEach( ( el ) => el.remove() );
	return ( source.textContent || '' ).replace( /\s+/g, ' ' ).trim();
}

/**
 * The fragment that links to a heading (its `id`, without `#`): on the `.mw-headline` span in
 * MediaWiki 1.39's markup, on the `h1`–`h6` itself in current markup (`.mw-heading` wrapper).
 * Empty when the heading has none (e.g. a heading written as HTML in the page).
 */
export function headingAnchor( heading: Element ): string {
	const headline = heading.querySelector( '.mw-headline[id]' );
	return ( headline || heading ).id;
}

/**
 * The heading of the section a marker opens, or `null` when there is none before it inside
 * `root` (the marker is then in the lead, or the page has no headings).
 */
export function sectionHeading( marker: Element, root: Element ): Element | null {
	let node: Element | null = marker;
	while ( node && node !== root ) {
		let sibling = node.previousElementSibling;
		for ( ; sibling; sibling = sibling.previousElementSibling ) {
			const heading = headingIn( sibling );
			if ( heading ) {
				return heading;
			}
			if ( sibling.classList.contains( MARKER_CLASS ) ) {
				// Another marker first: this one has no heading of its own.
				return null;
			}
		}
		node = node.parentElement;
	}
	return null;
}

/**
 * The no-JavaScript links that belong to a marker: those carrying the same section id, or,
 * for markup without ids, the ones following the marker before the next marker in its parent.
 */
export function noJsLinks( marker: Element, root: Element ): Element[] {
	const id = marker.getAttribute( 'data-ldwg-section' );
	const found = new Set<Element>();
	Array.from( root.querySelectorAll( `.${ NOJS_CLASS }` ) ).forEach( ( el ) => {
		if ( id !== null && el.getAttribute( 'data-ldwg-section' ) === id ) {
			found.add( el );
		}
	} );
	for ( let sibling = marker.nextElementSibling; sibling; sibling = sibling.nextElementSibling ) {
		if ( sibling.classList.contains( MARKER_CLASS ) ) {
			break;
		}
		if ( sibling.classList.contains( NOJS_CLASS ) ) {
			found.add( sibling );
		} else {
			Array.from( sibling.querySelectorAll( `.${ NOJS_CLASS }` ) ).forEach( ( el ) => {
				if ( !el.hasAttribute( 'data-ldwg-section' ) ) {
					found.add( el );
				}
			} );
		}
	}
	return [ ...found ];
}
