// @vitest-environment jsdom
/**
 * How readers reach a marked term: hover after a delay (a pointer passing over opens nothing),
 * focus, tap or click, Enter or Space; events outside terms open nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_DELAY_MS, installInteraction } from '../../../gadget/glossary/interaction.ts';
import type { OpenReason } from '../../../gadget/popup/api.ts';

// One set of listeners for the whole file: they cannot be removed from the document.
const opened: [ HTMLElement, OpenReason ][] = [];
installInteraction( document, ( term, reason ) => {
	opened.push( [ term, reason ] );
} );

function page(): { term: HTMLElement; inner: HTMLElement; other: HTMLElement } {
	document.body.replaceChildren();
	const term = document.createElement( 'span' );
	term.className = 'ldwg-term';
	const inner = document.createElement( 'b' );
	inner.textContent = 'leader';
	term.append( 'the ', inner );
	const other = document.createElement( 'span' );
	other.textContent = 'plain text';
	document.body.append( term, other );
	return { term, inner, other };
}

function mouse( type: string, target: Element, related: Element | null ): void {
	target.dispatchEvent( new MouseEvent( type, { bubbles: true, relatedTarget: related } ) );
}

describe( 'glossary term interaction', () => {
	beforeEach( () => {
		vi.useFakeTimers();
		opened.length = 0;
	} );
	afterEach( () => {
		vi.useRealTimers();
	} );

	it( 'opens a hovered term only after the delay', () => {
		const { term, other } = page();
		mouse( 'mouseover', term, other );
		vi.advanceTimersByTime( HOVER_DELAY_MS - 1 );
		expect( opened ).toEqual( [] );
		vi.advanceTimersByTime( 1 );
		expect( opened ).toEqual( [ [ term, 'hover' ] ] );
	} );

	it( 'opens nothing when the pointer leaves before the delay', () => {
		const { term, other } = page();
		mouse( 'mouseover', term, other );
		mouse( 'mouseout', term, other );
		vi.advanceTimersByTime( HOVER_DELAY_MS * 2 );
		expect( opened ).toEqual( [] );
	} );

	it( 'keeps waiting while the pointer moves between parts of the term', () => {
		const { term, inner, other } = page();
		mouse( 'mouseover', term, other );
		vi.advanceTimersByTime( HOVER_DELAY_MS - 100 );
		mouse( 'mouseout', term, inner );
		mouse( 'mouseover', inner, term );
		vi.advanceTimersByTime( 100 );
		expect( opened ).toEqual( [ [ term, 'hover' ] ] );
	} );

	it( 'opens on focus and on a click, which cancels a pending hover', () => {
		const { term, inner, other } = page();
		term.tabIndex = 0;
		term.focus();
		expect( opened ).toEqual( [ [ term, 'focus' ] ] );
		mouse( 'mouseover', term, other );
		// A mouse click or a tap: the browser counts the clicks in `detail`.
		inner.dispatchEvent( new MouseEvent( 'click', { bubbles: true, detail: 1 } ) );
		vi.advanceTimersByTime( HOVER_DELAY_MS * 2 );
		expect( opened ).toEqual( [ [ term, 'focus' ], [ term, 'tap' ] ] );
	} );

	it( 'opens as by Enter when a screen reader activates the term (a click without pointer)', () => {
		const { term, inner } = page();
		// NVDA or JAWS in browse mode: Enter on the term becomes a click with `detail` 0.
		inner.click();
		expect( opened ).toEqual( [ [ term, 'keyboard' ] ] );
	} );

	it( 'opens on Enter and Space, taking the key from the page, and ignores other keys', () => {
		const { term } = page();
		const keys = [ 'Enter', ' ', 'a', 'Tab' ].map( ( key ) => {
			const event = new KeyboardEvent( 'keydown', { key, bubbles: true, cancelable: true } );
			term.dispatchEvent( event );
			return event.defaultPrevented;
		} );
		expect( keys ).toEqual( [ true, true, false, false ] );
		expect( opened ).toEqual( [ [ term, 'keyboard' ], [ term, 'keyboard' ] ] );
	} );

	it( 'ignores events outside marked terms', () => {
		const { other } = page();
		mouse( 'mouseover', other, null );
		other.click();
		other.dispatchEvent( new KeyboardEvent( 'keydown', { key: 'Enter', bubbles: true } ) );
		vi.advanceTimersByTime( HOVER_DELAY_MS * 2 );
		expect( opened ).toEqual( [] );
	} );
} );
