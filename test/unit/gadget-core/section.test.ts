// @vitest-environment jsdom
/**
 * Reading the page around a marker: the section's heading in the markup of MediaWiki 1.39,
 * current MediaWiki and Minerva, and the template's no-JavaScript link.
 */
import { describe, expect, it } from 'vitest';
import { headingAnchor, headingLabel, noJsLinks, sectionHeading } from '../../../gadget/core/section.ts';

function content( html: string ): HTMLElement {
	const root = document.createElement( 'div' );
	root.className = 'mw-parser-output';
	// Fixture markup written here, never wiki text.
	root.innerHTML = html;
	document.body.replaceChildren( root );
	return root;
}

const marker = ( id: string ): string => `<span class="ldwg-section" data-ldwg-section="${ id }"></span>` +
	'<span class="ldwg-section-nojs plainlinks">[<a href="/x">give feedback</a>]</span>';

function labelOf( root: HTMLElement, id: string ): string | null {
	const m = root.querySelector( `[data-ldwg-section="${ id }"]` ) as Element;
	const heading = sectionHeading( m, root );
	return heading && headingLabel( heading );
}

describe( 'sectionHeading', () => {
	it( 'finds MediaWiki 1.39 headings, without the edit link', () => {
		const root = content(
			'<p>Lead</p><h2><span class="mw-headline" id="Leader">Leader</span><span class="mw-editsection">[edit]</span></h2>' +
			`<p>${ marker( 'leader' ) }</p><p>Text</p>` +
			`<h3><span class="mw-headline" id="Good">Good <i>leadership</i></span></h3>${ marker( 'good' ) }`,
		);
		expect( labelOf( root, 'leader' ) ).toBe( 'Leader' );
		expect( labelOf( root, 'good' ) ).toBe( 'Good leadership' );
	} );

	it( 'finds current MediaWiki headings in their wrapper', () => {
		const root = content(
			'<div class="mw-heading mw-heading2"><h2 id="Leader">Leader</h2><span class="mw-editsection">[<a>edit</a>]</span></div>' +
			`<p>${ marker( 'leader' ) }</p>`,
		);
		expect( labelOf( root, 'leader' ) ).toBe( 'Leader' );
	} );

	it( 'finds the heading of a Minerva collapsible section', () => {
		const root = content(
			'<section class="mf-section-0"><p>Lead</p></section>' +
			'<h2 class="section-heading collapsible-heading"><span class="mf-icon mf-icon-expand"></span><span class="mw-headline" id="قائد">قائد</span></h2>' +
			`<section class="mf-section-1 collapsible-block" hidden><p>${ marker( 'leader' ) }</p></section>`,
		);
		expect( labelOf( root, 'leader' ) ).toBe( 'قائد' );
	} );

	it( 'gives no heading to a marker in the lead or after another marker', () => {
		const root = content( `<p>${ marker( 'lead' ) }</p><p>${ marker( 'second' ) }</p><h2>Later</h2>` );
		expect( labelOf( root, 'lead' ) ).toBeNull();
		expect( labelOf( root, 'second' ) ).toBeNull();
	} );
} );

describe( 'noJsLinks', () => {
	it( 'finds the template\'s link after its own marker only', () => {
		const root = content( `<p>${ marker( 'a' ) }</p><h2>B</h2><p>${ marker( 'b' ) }</p>` );
		const a = root.querySelector( '[data-ldwg-section="a"]' ) as Element;
		const links = noJsLinks( a, root );
		expect( links ).toHaveLength( 1 );
		expect( links[ 0 ] ).toBe( a.nextElementSibling );
	} );

	it( 'finds links that carry the section id anywhere', () => {
		const root = content( `<p>${ marker( 'a' ) }</p><div><span class="ldwg-section-nojs" data-ldwg-section="a">x</span><span class="ldwg-section-nojs" data-ldwg-section="b">y</span></div>` );
		const links = noJsLinks( root.querySelector( '.ldwg-section' ) as Element, root );
		expect( links.map( ( l ) => l.textContent ) ).toEqual( [ 'x', '[give feedback]' ] );
	} );
} );

describe( 'headingAnchor', () => {
	function anchorOf( root: HTMLElement, id: string ): string | null {
		const heading = sectionHeading( root.querySelector( `[data-ldwg-section="${ id }"]` ) as Element, root );
		return heading && headingAnchor( heading );
	}

	it( 'reads the fragment of 1.39, current and Minerva headings', () => {
		const root = content(
			'<h2><span class="mw-headline" id="Leader_(role)">Leader (role)</span></h2>' +
			`<p>${ marker( 'leader' ) }</p>` +
			'<div class="mw-heading mw-heading2"><h2 id="Good_leadership">Good leadership</h2></div>' +
			`<p>${ marker( 'good' ) }</p>` +
			'<h2 class="section-heading collapsible-heading"><span class="mw-headline" id="قائد">قائد</span></h2>' +
			`<section class="collapsible-block" hidden><p>${ marker( 'ar' ) }</p></section>` +
			`<h2>Written as HTML</h2><p>${ marker( 'plain' ) }</p>`,
		);
		expect( anchorOf( root, 'leader' ) ).toBe( 'Leader_(role)' );
		expect( anchorOf( root, 'good' ) ).toBe( 'Good_leadership' );
		expect( anchorOf( root, 'ar' ) ).toBe( 'قائد' );
		expect( anchorOf( root, 'plain' ) ).toBe( '' );
	} );
} );
