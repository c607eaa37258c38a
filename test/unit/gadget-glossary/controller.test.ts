// @vitest-environment jsdom
/**
 * The popup controller: one popup at a time, and a popup that waits for the glossary (the first
 * one waits for a fetch) only shows if the reader still wants it; a hover never takes over a
 * popup the reader opened by keyboard, focus or tap.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompiledGlossary } from '../../../shared/contracts/glossary.ts';
import { createPopupController } from '../../../gadget/popup/controller.ts';
import type { OpenReason, PopupContext } from '../../../gadget/popup/api.ts';

( globalThis as unknown as { mw: unknown } ).mw = {
	util: { getUrl: ( title: string ) => `/wiki/${ title }` },
	config: { get: () => 0 },
	// The bundled English texts say they are English (gadget/core/ui-language.ts).
	message: ( key: string ) => ( { text: () => key === 'ldwg-language' ? 'en' : `⧼${ key }⧽` } ),
};

// jsdom has no layout, and no scrollIntoView (the popup brings its status line into view).
Element.prototype.scrollIntoView = () => undefined;

function entry( text: string ): CompiledGlossary['concepts'][number]['entries'] {
	return { en: { term: text, aliases: [], definition: 'D.' } };
}

const G: CompiledGlossary = {
	version: 1,
	generated: '2026-01-01T00:00:00Z',
	sourceLanguage: 'en',
	languages: [ 'en' ],
	concepts: [
		{ id: 'alpha', type: 'skill', status: 'agreed', related: [], entries: entry( 'Alpha' ) },
		{ id: 'beta', type: 'skill', status: 'agreed', related: [], entries: entry( 'Beta' ) },
	],
};

const context = {
	settings: {
		draftTitles: [], draftIds: [ 'd' ], categories: [], markAll: false,
		glossaryPage: 'Glossary', compiledTitle: 'G.json', termsPrefix: 'T/',
	},
	config: {},
	viewedTitle: 'D',
	sourceTitle: 'D',
	translationLanguage: null,
	draftId: 'd',
	pageLanguage: 'en',
	userLanguage: 'en',
	switchOff: () => undefined,
	// The form module never finishes loading here (tests that need more set their own).
	loadModule: () => new Promise<void>( () => {
		// Never settles.
	} ),
} as PopupContext;

// While `loading` is set, the glossary arrives only when the test calls `arrive()`, as when the
// first popup waits for the fetch; otherwise it is there at once (already loaded).
let loading: Promise<CompiledGlossary> | null = null;
let arrive: () => void = () => undefined;
function slowGlossary(): void {
	loading = new Promise( ( resolve ) => {
		arrive = () => resolve( G );
	} );
}

// One controller for the file: its listeners cannot be removed from the document.
const controller = createPopupController( document, () => loading || Promise.resolve( G ),
	( key ) => key );

function term( id: string ): HTMLElement {
	const mark = document.createElement( 'span' );
	mark.className = 'ldwg-term';
	mark.tabIndex = 0;
	mark.setAttribute( 'data-ldwg-concept', id );
	mark.textContent = id;
	document.body.append( mark );
	return mark;
}

function mouse( type: 'mouseover' | 'mouseout', target: Element, related: Element | null ): void {
	target.dispatchEvent( new MouseEvent( type, { bubbles: true, relatedTarget: related } ) );
}

/** Lets the glossary's promise settle. */
function settle(): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, 0 );
	} );
}

/** Concept id of the open popup's term, or `null`. */
function openConcept(): string | null {
	const expanded = document.querySelector( '.ldwg-term[aria-expanded="true"]' );
	expect( document.querySelectorAll( '.ldwg-popup' ).length ).toBe( expanded ? 1 : 0 );
	return expanded && expanded.getAttribute( 'data-ldwg-concept' );
}

let alpha: HTMLElement;
let beta: HTMLElement;
let plain: HTMLElement;

beforeEach( () => {
	document.body.replaceChildren();
	alpha = term( 'alpha' );
	beta = term( 'beta' );
	plain = document.createElement( 'button' );
	document.body.append( plain );
	loading = null;
} );

afterEach( () => {
	controller.close();
	vi.restoreAllMocks();
} );

// The browser's pointer state, which jsdom lacks (nothing matches `:hover` there): the element
// the pointer is on, or `null` when it is on nothing (outside the window).
const nativeMatches = Element.prototype.matches;
let pointer: Element | null = null;
beforeEach( () => {
	pointer = null;
	vi.spyOn( Element.prototype, 'matches' ).mockImplementation( function ( this: Element, selector: string ) {
		return selector === ':hover' ? !!pointer && this.contains( pointer ) :
			nativeMatches.call( this, selector );
	} );
} );

/** Moves the pointer onto `at`, as the browser's `:hover` state and mouse events show it. */
function pointerOn( at: Element | null ): void {
	if ( pointer && pointer !== at ) {
		mouse( 'mouseout', pointer, at );
	}
	const from = pointer;
	pointer = at;
	if ( at && from !== at ) {
		mouse( 'mouseover', at, from );
	}
}

describe( 'a popup waiting for the glossary', () => {
	it( 'is not shown when the pointer left the term meanwhile', async () => {
		slowGlossary();
		pointerOn( alpha );
		controller.open( alpha, 'hover', context );
		pointerOn( plain );
		arrive();
		await settle();
		expect( openConcept() ).toBeNull();
	} );

	it( 'is shown when the pointer stayed, or came back', async () => {
		slowGlossary();
		pointerOn( alpha );
		controller.open( alpha, 'hover', context );
		pointerOn( plain );
		pointerOn( alpha );
		arrive();
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
	} );

	it( 'is not shown when the pointer had left before the controller saw it (browser state)', async () => {
		// The first hover also waits for the popup module, before any of its listeners exist.
		pointer = plain;
		controller.open( alpha, 'hover', context );
		await settle();
		expect( openConcept() ).toBeNull();
	} );

	it( 'is not shown when the pointer left the window meanwhile (nothing hovered)', async () => {
		// The pointer left the term and the window while the popup module loaded: no `mouseout`
		// will ever reach a popup shown now, which would stay open over the page.
		pointer = null;
		controller.open( alpha, 'hover', context );
		await settle();
		expect( openConcept() ).toBeNull();
	} );

	it( 'is shown when the browser has the pointer on the term', async () => {
		pointer = alpha;
		controller.open( alpha, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
	} );

	it( 'is not shown when focus moved on meanwhile', async () => {
		slowGlossary();
		alpha.focus();
		controller.open( alpha, 'focus', context );
		plain.focus();
		arrive();
		await settle();
		expect( openConcept() ).toBeNull();
		expect( document.activeElement ).toBe( plain );
	} );

	it( 'is shown on focus when the term still has it', async () => {
		slowGlossary();
		alpha.focus();
		controller.open( alpha, 'focus', context );
		arrive();
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
	} );

	it.each( [ 'tap', 'keyboard' ] as OpenReason[] )( 'is shown after a %s, which asked for it', async ( reason ) => {
		slowGlossary();
		controller.open( alpha, reason, context );
		mouse( 'mouseout', alpha, plain );
		plain.focus();
		arrive();
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
	} );
} );

describe( 'focus after Enter on a term while the popup loads', () => {
	it( 'is not pulled into the popup when the reader moved it on meanwhile', async () => {
		slowGlossary();
		alpha.focus();
		controller.open( alpha, 'keyboard', context );
		// Tab, seconds before the glossary arrives on a slow connection.
		plain.focus();
		arrive();
		await settle();
		// The popup shows (Enter asked for it), focus stays where the reader went.
		expect( openConcept() ).toBe( 'alpha' );
		expect( document.activeElement ).toBe( plain );
	} );

	it( 'is not pulled either when it moved while the popup module loaded (where the eager module saw it)', async () => {
		alpha.focus();
		// The eager module saw focus on the term; it is on `plain` when the module is there.
		const seen = document.activeElement;
		plain.focus();
		controller.open( alpha, 'keyboard', context, seen );
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
		expect( document.activeElement ).toBe( plain );
	} );

	it( 'moves into the popup when it stayed (Enter, or a screen reader activating the term)', async () => {
		slowGlossary();
		alpha.focus();
		controller.open( alpha, 'keyboard', context );
		arrive();
		await settle();
		expect( document.activeElement?.closest( '.ldwg-popup' ) ).not.toBeNull();
		controller.close();
		// A screen reader's activation: focus was not on the term, and stays put until then.
		plain.focus();
		controller.open( beta, 'keyboard', context, plain );
		await settle();
		expect( document.activeElement?.closest( '.ldwg-popup' ) ).not.toBeNull();
	} );
} );

describe( 'hovering another term', () => {
	it( 'replaces a hover popup: one at a time', async () => {
		pointerOn( alpha );
		controller.open( alpha, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
		pointerOn( beta );
		controller.open( beta, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'beta' );
	} );

	it( 'leaves a keyboard popup open, with focus inside it', async () => {
		alpha.focus();
		controller.open( alpha, 'keyboard', context );
		await settle();
		const popup = document.querySelector( '.ldwg-popup' ) as HTMLElement;
		expect( popup.contains( document.activeElement ) ).toBe( true );
		controller.open( beta, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
		expect( popup.contains( document.activeElement ) ).toBe( true );
	} );

	it.each( [ 'focus', 'tap' ] as OpenReason[] )( 'leaves a %s popup open', async ( reason ) => {
		alpha.focus();
		controller.open( alpha, reason, context );
		await settle();
		controller.open( beta, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
		expect( document.activeElement ).toBe( alpha );
	} );

	it( 'does not cancel a tap popup still waiting for the glossary', async () => {
		slowGlossary();
		controller.open( alpha, 'tap', context );
		controller.open( beta, 'hover', context );
		arrive();
		await settle();
		expect( openConcept() ).toBe( 'alpha' );
	} );

	it( 'opens its popup again once the other one is dismissed', async () => {
		alpha.focus();
		controller.open( alpha, 'keyboard', context );
		await settle();
		document.dispatchEvent( new KeyboardEvent( 'keydown', { key: 'Escape' } ) );
		expect( document.activeElement ).toBe( alpha );
		pointerOn( beta );
		controller.open( beta, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'beta' );
	} );

	it( 'replaces a tap popup whose term the page rendered away (wikipage.content again)', async () => {
		controller.open( alpha, 'tap', context );
		await settle();
		// The content is rendered again: the term the popup belongs to is gone.
		alpha.remove();
		pointerOn( beta );
		controller.open( beta, 'hover', context );
		await settle();
		expect( openConcept() ).toBe( 'beta' );
	} );

	it( 'closes a popup whose term is gone when it would be placed again (resize, rotation)', async () => {
		controller.open( alpha, 'tap', context );
		await settle();
		alpha.remove();
		window.dispatchEvent( new Event( 'resize' ) );
		expect( document.querySelector( '.ldwg-popup' ) ).toBeNull();
	} );

	it( 'is still replaced by a tap on another term', async () => {
		controller.open( alpha, 'tap', context );
		await settle();
		controller.open( beta, 'tap', context );
		await settle();
		expect( openConcept() ).toBe( 'beta' );
	} );
} );

describe( 'placing', () => {
	/** A DOMRect-like box (jsdom has no layout). */
	const box = ( left: number, top: number, width: number, height: number ): DOMRect => ( {
		left, top, width, height, right: left + width, bottom: top + height, x: left, y: top,
		toJSON: () => ( {} ),
	} );

	/** The popup's own size, as layout would give it. */
	function popupSize( width: number, height: number ): void {
		vi.spyOn( HTMLElement.prototype, 'offsetWidth', 'get' ).mockImplementation( function ( this: HTMLElement ) {
			return this.classList.contains( 'ldwg-popup' ) ? width : 0;
		} );
		vi.spyOn( HTMLElement.prototype, 'offsetHeight', 'get' ).mockImplementation( function ( this: HTMLElement ) {
			// A height cut by an earlier placing does not count: the popup's own height.
			return this.classList.contains( 'ldwg-popup' ) ? ( this.style.maxHeight ?
				Math.min( height, parseFloat( this.style.maxHeight ) ) : height ) : 0;
		} );
	}

	it( 'goes under the whole of a term that wraps over two lines, not over its second line', async () => {
		// The term ends the first line at the right and goes on at the start of the second.
		alpha.getClientRects = () => [
			box( 900, 100, 100, 20 ), box( 0, 120, 50, 20 ),
		] as unknown as DOMRectList;
		alpha.getBoundingClientRect = () => box( 0, 100, 1000, 40 );
		popupSize( 300, 200 );
		controller.open( alpha, 'tap', context );
		await settle();
		const popup = document.querySelector( '.ldwg-popup' ) as HTMLElement;
		expect( popup.style.top ).toBe( '146px' );
	} );

	it( 'gets back its own height when placed again after being cut (rotation)', async () => {
		alpha.getClientRects = () => [ box( 20, 300, 40, 18 ) ] as unknown as DOMRectList;
		alpha.getBoundingClientRect = () => box( 20, 300, 40, 18 );
		popupSize( 300, 500 );
		controller.open( alpha, 'tap', context );
		await settle();
		const popup = document.querySelector( '.ldwg-popup' ) as HTMLElement;
		// jsdom's window is 768 high: 768 - 318 - 6 - 8 below, the roomier side.
		expect( popup.style.maxHeight ).toBe( '436px' );
		// Turned to a taller viewport, it fits whole again.
		vi.spyOn( window, 'innerHeight', 'get' ).mockReturnValue( 1200 );
		window.dispatchEvent( new Event( 'resize' ) );
		expect( popup.style.maxHeight ).toBe( '' );
		expect( popup.style.top ).toBe( '324px' );
	} );
} );

describe( 'Tab at the edges of a popup with focus inside', () => {
	/** Presses Tab (or Shift+Tab) where focus is, as the browser dispatches it. */
	function tab( shift: boolean ): KeyboardEvent {
		const event = new KeyboardEvent( 'keydown', { key: 'Tab', shiftKey: shift, bubbles: true, cancelable: true } );
		( document.activeElement as HTMLElement ).dispatchEvent( event );
		return event;
	}

	/** Opens alpha's popup by keyboard; its controls in Tab order. */
	async function openByKeyboard(): Promise<HTMLElement[]> {
		alpha.focus();
		controller.open( alpha, 'keyboard', context );
		await settle();
		return Array.from( document.querySelectorAll<HTMLElement>( '.ldwg-popup a, .ldwg-popup button' ) );
	}

	it.each( [ [ 'Tab past the last control', false ], [ 'Shift+Tab before the first', true ] ] )(
		'%s closes it and hands focus back to the term, which it does not reopen', async ( _name, shift ) => {
			const controls = await openByKeyboard();
			expect( controls.length ).toBeGreaterThan( 1 );
			controls[ shift ? 0 : controls.length - 1 ]!.focus();
			// Not on to the end of the page, where the popup is in the DOM.
			expect( tab( shift ).defaultPrevented ).toBe( true );
			expect( openConcept() ).toBeNull();
			expect( document.activeElement ).toBe( alpha );
			controller.open( alpha, 'focus', context );
			await settle();
			expect( openConcept() ).toBeNull();
		} );

	it( 'moves between its controls as the browser does', async () => {
		const controls = await openByKeyboard();
		controls[ 0 ]!.focus();
		expect( tab( false ).defaultPrevented ).toBe( false );
		controls[ 1 ]!.focus();
		expect( tab( true ).defaultPrevented ).toBe( false );
		expect( openConcept() ).toBe( 'alpha' );
	} );

	it( 'leaves Tab alone when focus is outside the popup', async () => {
		controller.open( alpha, 'tap', context );
		await settle();
		plain.focus();
		expect( tab( false ).defaultPrevented ).toBe( false );
		expect( openConcept() ).toBe( 'alpha' );
	} );
} );

describe( '"Stop highlighting terms" from the keyboard', () => {
	/** Alpha inside a paragraph between two links, and a context whose switch unwraps the marks. */
	function paragraph(): { p: HTMLElement; switched: () => number; switching: PopupContext } {
		const p = document.createElement( 'p' );
		const before = document.createElement( 'a' );
		before.href = '#before';
		const after = document.createElement( 'a' );
		after.href = '#after';
		p.append( before, ' The ', alpha, ' and ', after );
		document.body.prepend( p );
		let switched = 0;
		const switching = { ...context, switchOff() {
			switched++;
			// As the eager module does once the opt-out actions are there (unmarkTerms).
			queueMicrotask( () => {
				alpha.replaceWith( ...alpha.childNodes );
				p.normalize();
			} );
		} } as PopupContext;
		return { p, switched: () => switched, switching };
	}

	it( 'leaves focus in the paragraph the term was in, not on <body>, once the marks are gone', async () => {
		const { p, switched, switching } = paragraph();
		alpha.focus();
		controller.open( alpha, 'keyboard', switching );
		await settle();
		const off = document.querySelector<HTMLButtonElement>( '.ldwg-popup-switch-off' )!;
		off.focus();
		off.click();
		await settle();
		expect( switched() ).toBe( 1 );
		expect( openConcept() ).toBeNull();
		expect( alpha.isConnected ).toBe( false );
		expect( document.activeElement ).toBe( p );
		// Focusable only while it has focus: the paragraph does not join the Tab order.
		expect( p.getAttribute( 'tabindex' ) ).toBe( '-1' );
		plain.focus();
		expect( p.hasAttribute( 'tabindex' ) ).toBe( false );
	} );

	it( 'keeps a tabindex the paragraph had of its own', async () => {
		const { p, switching } = paragraph();
		p.tabIndex = 0;
		controller.open( alpha, 'keyboard', switching );
		await settle();
		const off = document.querySelector<HTMLButtonElement>( '.ldwg-popup-switch-off' )!;
		off.focus();
		off.click();
		expect( document.activeElement ).toBe( p );
		plain.focus();
		expect( p.getAttribute( 'tabindex' ) ).toBe( '0' );
	} );

	it( 'does not take focus when it was elsewhere (a tap on a phone)', async () => {
		const { switching } = paragraph();
		controller.open( alpha, 'tap', switching );
		await settle();
		plain.focus();
		document.querySelector<HTMLButtonElement>( '.ldwg-popup-switch-off' )!.click();
		expect( document.activeElement ).toBe( plain );
	} );
} );

describe( 'after "Discuss this term"', () => {
	it( 'does not reopen the popup when the form hands focus back to the term', async () => {
		const mark = term( 'alpha' );
		const fake = mw as unknown as Record<string, unknown>;
		// The form loads and opens (its hook hands out an API that records the opening).
		const opened: unknown[] = [];
		fake.hook = () => ( { add: ( listener: ( api: unknown ) => void ) => listener( {
			open: ( options: unknown ) => opened.push( options ),
		} ) } );
		const loaded = { ...context, loadModule: () => Promise.resolve() } as PopupContext;
		controller.open( mark, 'keyboard', loaded );
		await settle();
		( document.querySelector( '.ldwg-popup-discuss' ) as HTMLElement ).click();
		await settle();
		expect( document.querySelector( '.ldwg-popup' ) ).toBeNull();
		expect( opened.length ).toBe( 1 );
		// Minutes later, the form closes and focuses the term, which the eager module reports.
		mark.focus();
		controller.open( mark, 'focus', context );
		await settle();
		expect( document.querySelector( '.ldwg-popup' ) ).toBeNull();
		// The reader's own next visit opens it again.
		mark.blur();
		mark.focus();
		controller.open( mark, 'focus', context );
		await settle();
		expect( document.querySelector( '.ldwg-popup' ) ).not.toBeNull();
		controller.close();
		delete fake.hook;
	} );

	it( 'asks for the form again on the next click after a failed load (offline)', async () => {
		const mark = term( 'alpha' );
		const asked: unknown[] = [];
		let fail = true;
		const offline = {
			...context,
			loadModule: ( name: string | string[] ) => {
				asked.push( name );
				// The first load fails as ResourceLoader's would offline; the second hangs.
				return fail ? Promise.reject() : new Promise<void>( () => {
					// Never settles.
				} );
			},
		} as PopupContext;
		controller.open( mark, 'keyboard', offline );
		await settle();
		const discuss = document.querySelector( '.ldwg-popup-discuss' ) as HTMLElement;
		discuss.focus();
		discuss.click();
		await settle();
		fail = false;
		// The popup stays and says so in its live region, focus still on the button.
		const status = document.querySelector( '.ldwg-popup [role="status"]' ) as HTMLElement;
		expect( status.textContent ).toBe( 'ldwg-glossary-popup-discuss-error' );
		expect( document.activeElement ).toBe( discuss );
		expect( mark.getAttribute( 'aria-expanded' ) ).toBe( 'true' );
		// Pressing it again asks again, and says it is loading.
		discuss.click();
		expect( asked ).toEqual( [ 'ext.gadget.ldwg-form', 'ext.gadget.ldwg-form' ] );
		expect( status.textContent ).toBe( 'ldwg-glossary-popup-discuss-loading' );
		// Presses while it loads do not ask once more.
		discuss.click();
		expect( asked.length ).toBe( 2 );
		controller.close();
	} );

	it( 'says the form could not be loaded even in a popup opened by hovering, and keeps it open', async () => {
		const mark = term( 'alpha' );
		const offline = { ...context, loadModule: () => Promise.reject() } as PopupContext;
		pointer = mark;
		controller.open( mark, 'hover', offline );
		await settle();
		const popup = document.querySelector( '.ldwg-popup' ) as HTMLElement;
		pointer = popup;
		( popup.querySelector( '.ldwg-popup-discuss' ) as HTMLElement ).click();
		await settle();
		// The pointer leaves to read elsewhere: the message must not vanish with the popup.
		pointer = plain;
		mouse( 'mouseout', popup, plain );
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 400 );
		} );
		expect( popup.isConnected ).toBe( true );
		expect( popup.querySelector( '[role="status"]' )?.textContent )
			.toBe( 'ldwg-glossary-popup-discuss-error' );
	} );

	it( 'gives up the form when the reader dismisses the popup while it loads', async () => {
		const mark = term( 'alpha' );
		let done: () => void = () => undefined;
		const slow = { ...context, loadModule: () => new Promise<void>( ( resolve ) => {
			done = resolve;
		} ) } as PopupContext;
		const fake = mw as unknown as Record<string, unknown>;
		const opened: unknown[] = [];
		fake.hook = () => ( { add: ( listener: ( api: unknown ) => void ) => listener( {
			open: ( options: unknown ) => opened.push( options ),
		} ) } );
		controller.open( mark, 'keyboard', slow );
		await settle();
		( document.querySelector( '.ldwg-popup-discuss' ) as HTMLElement ).click();
		document.dispatchEvent( new KeyboardEvent( 'keydown', { key: 'Escape' } ) );
		done();
		await settle();
		expect( opened ).toEqual( [] );
		delete fake.hook;
	} );
} );
