/**
 * One popup at a time: opening, placing, closing (Escape, close button, a tap elsewhere, the
 * pointer leaving a hover popup, focus leaving a focus popup, Tab past its last control or
 * Shift+Tab before its first) and the term's ARIA state (`aria-expanded`, `aria-controls`).
 *
 * @packageDocumentation
 */
import type { CompiledGlossary } from '../../shared/contracts/glossary.ts';
import { CONCEPT_ATTRIBUTE, LANGUAGE_ATTRIBUTE } from '../glossary/mark.ts';
import { FORM_API_HOOK, GLOSSARY_SECTION_PREFIX, type FormApi } from '../form/api.ts';
import type { OpenReason, PopupContext } from './api.ts';
import { FORM_LOAD_LIMIT_MS } from '../base/api.ts';
import { findConcept } from './glossary-data.ts';
import { placePopup } from './position.ts';
import { renderPopup, type Msg } from './render.ts';
import { languageDir } from './direction.ts';
import { uiLanguage } from '../core/ui-language.ts';
import { focusInPlace } from './focus.ts';

/** Grace period before a hover popup closes, so the pointer can travel into it. */
const LEAVE_DELAY_MS = 300;
/** How long focus returned to a term by closing its popup does not reopen it. */
const REFOCUS_MS = 1000;
/** The popup's controls, in Tab order (it sets no `tabindex`). */
const CONTROLS = 'a[href], button:not([disabled])';

interface Open {
	term: HTMLElement;
	root: HTMLElement;
	reason: OpenReason;
}

/** A popup waiting for the glossary (the first one waits for a fetch). */
interface Pending {
	term: HTMLElement;
	reason: OpenReason;
	/** Where focus was when the reader asked. */
	focused: Element | null;
}

/** Opens, places and closes popups. */
export interface PopupController {
	/**
	 * Opens the popup of `term`; a second request for the same term only upgrades it, and a
	 * hover is ignored while a popup opened by focus, tap or keyboard is open or on its way.
	 * `focused` is where focus was when the reader asked (default: where it is now).
	 */
	open(
		term: HTMLElement, reason: OpenReason, context: PopupContext, focused?: Element | null,
	): void;
	/** Places the open popup next to its term, inside the viewport. */
	place(): void;
	/** Closes the open popup, if any. */
	close(): void;
}

/** Creates the controller; `glossary()` loads the compiled glossary on first use. */
export function createPopupController(
	doc: Document,
	glossary: () => Promise<CompiledGlossary | null>,
	msg: Msg,
): PopupController {
	let current: Open | null = null;
	let pending: Pending | null = null;
	let leaveTimer: ReturnType<typeof setTimeout> | undefined;
	let request = 0;
	let counter = 0;
	// Focus handed back to a term on close must not reopen its popup. The eager module's focus
	// handler reaches `open` asynchronously, so the hand-back is remembered for a moment.
	let refocused: { term: HTMLElement; until: number } | null = null;
	// The term whose concept the feedback form was opened for: the form hands focus back to it
	// when it closes, minutes later maybe, and that must not reopen the popup either. Focus stays
	// in the modal form meanwhile, so the term's next focus is that hand-back.
	let discussed: HTMLElement | null = null;

	const returnFocus = ( term: HTMLElement ): void => {
		refocused = { term, until: Date.now() + REFOCUS_MS };
		term.focus();
	};

	/** Whether `node` is inside the open term or popup. */
	const contains = ( node: Node | null ): boolean => !!node && !!current &&
		( current.term.contains( node ) || current.root.contains( node ) );

	const cancelClose = (): void => {
		if ( leaveTimer !== undefined ) {
			clearTimeout( leaveTimer );
			leaveTimer = undefined;
		}
	};

	const close = (): void => {
		cancelClose();
		request++;
		pending = null;
		if ( !current ) {
			return;
		}
		const { term, root } = current;
		current = null;
		term.setAttribute( 'aria-expanded', 'false' );
		term.removeAttribute( 'aria-controls' );
		root.remove();
	};

	const scheduleClose = (): void => {
		cancelClose();
		leaveTimer = setTimeout( close, LEAVE_DELAY_MS );
	};

	const focusFirst = (): void => {
		const first = current && current.root.querySelector<HTMLElement>( CONTROLS );
		if ( first ) {
			first.focus();
		}
	};

	const place = (): void => {
		if ( !current ) {
			return;
		}
		const { term, root } = current;
		if ( !term.isConnected ) {
			// Its term was rendered away: there is nothing left to place it next to.
			close();
			return;
		}
		const view = doc.defaultView;
		const width = doc.documentElement.clientWidth || ( view ? view.innerWidth : 0 );
		const height = view ? view.innerHeight : doc.documentElement.clientHeight;
		// Inline terms can wrap over two lines: aligned with the first line box, and above or
		// below all of the term, not over its second line.
		const rects = term.getClientRects();
		const bounds = term.getBoundingClientRect();
		const first = rects.length ? rects[ 0 ] as DOMRect : bounds;
		const rtl = getComputedStyle( term ).direction === 'rtl';
		// Its own height, not the one a previous placing cut it to (resize, rotation). Uncut for
		// a moment, it loses how far the reader scrolled in it: that is put back.
		const scrolled = root.scrollTop;
		root.style.maxHeight = '';
		const at = placePopup(
			{ top: bounds.top, height: bounds.height, left: first.left, width: first.width },
			{ width: root.offsetWidth, height: root.offsetHeight }, width, height, rtl );
		root.style.maxHeight = at.maxHeight === null ? '' : `${ at.maxHeight }px`;
		root.scrollTop = scrolled;
		root.style.top = `${ at.top + ( view ? view.scrollY : 0 ) }px`;
		root.style.left = `${ at.left + ( view ? view.scrollX : 0 ) }px`;
		root.classList.toggle( 'ldwg-popup--above', at.above );
	};

	/**
	 * Opens the feedback form for the concept (`glossary:<id>`), the sections' own pipeline; its
	 * module is loaded (the form module fires the hook on load, `mw.hook` replays it).
	 */
	const discuss = (
		term: HTMLElement,
		conceptId: string,
		draftId: string,
		context: PopupContext,
	): void => {
		const label = term.textContent || conceptId;
		mw.hook( FORM_API_HOOK ).add( ( api: FormApi ) => {
			api.open( {
				sectionId: `${ GLOSSARY_SECTION_PREFIX }${ conceptId }`,
				draftId,
				sectionLabel: label,
				viewedTitle: context.viewedTitle,
				sourceTitle: context.sourceTitle || context.viewedTitle,
				revisionId: mw.config.get( 'wgRevisionId' ),
				pageLanguage: context.pageLanguage,
				pageDir: languageDir( context.pageLanguage ),
				returnFocus: term,
				config: context.config,
				onSaved: () => undefined,
			} );
		} );
	};

	const show = (
		term: HTMLElement,
		reason: OpenReason,
		context: PopupContext,
		data: CompiledGlossary,
		moveFocus: boolean,
	): void => {
		const concept = findConcept( data, term.getAttribute( CONCEPT_ATTRIBUTE ) || '' );
		if ( !concept ) {
			return;
		}
		close();
		const id = `ldwg-popup-${ ++counter }`;
		const settings = context.settings;
		const entryPage = context.userLanguage !== data.sourceLanguage &&
			data.languages.includes( context.userLanguage ) ?
			`${ settings.glossaryPage }/${ context.userLanguage }` : settings.glossaryPage;
		const draftId = context.draftId || settings.draftIds[ 0 ] || null;
		const parts = renderPopup( doc, data, concept, {
			id,
			textLanguage: term.getAttribute( LANGUAGE_ATTRIBUTE ) || context.pageLanguage,
			userLanguage: context.userLanguage,
			uiLanguage: uiLanguage().lang,
			entryUrl: `${ mw.util.getUrl( entryPage ) }#${ concept.id }`,
			canDiscuss: draftId !== null,
		}, msg );
		parts.close.addEventListener( 'click', () => {
			close();
			returnFocus( term );
		} );
		parts.switchOff.addEventListener( 'click', () => {
			// Closing drops the focus inside the popup, and switching off then unwraps the term
			// the reader came from: with nothing in between, focus would fall to <body> and Tab
			// start over at "Jump to content". What contained the term stays (unwrapping keeps
			// its text there), so focus waits on it and Tab goes on from where the reader was.
			// The notice of the switch says what happened. Focus elsewhere (a tap, where the
			// button does not take it) is left alone.
			const container = term.parentElement;
			if ( container && contains( doc.activeElement ) ) {
				focusInPlace( container );
			}
			close();
			context.switchOff();
		} );
		const discussButton = parts.discuss;
		const discussStatus = parts.discussStatus;
		if ( discussButton && discussStatus && draftId ) {
			let loading = false;
			// The popup stays open while the form loads, saying so, and says it when the load
			// fails (offline): closed at once, the reader was left with nothing, and offline no
			// notification module can be loaded to tell them. Focus stays on the button, so the
			// next press tries again. Dismissing the popup meanwhile gives up the form.
			discussButton.addEventListener( 'click', () => {
				if ( loading || !current || current.root !== parts.root ) {
					return;
				}
				loading = true;
				// A hover popup too now stays until the form is there or the reader dismisses it.
				if ( current.reason === 'hover' ) {
					current.reason = 'tap';
				}
				const say = ( key: string, error: boolean ): void => {
					discussStatus.textContent = msg( key );
					discussStatus.classList.toggle( 'ldwg-popup-discuss-status--error', error );
					// One more line: still inside the viewport, and in view in a popup cut to the
					// room (it is under the buttons).
					place();
					discussStatus.scrollIntoView( { block: 'nearest' } );
				};
				say( 'ldwg-glossary-popup-discuss-loading', false );
				// A failed load leaves nothing behind: the next click asks for the form again.
				context.loadModule( 'ext.gadget.ldwg-form', FORM_LOAD_LIMIT_MS ).then( () => {
					loading = false;
					if ( current && current.root === parts.root ) {
						close();
						discussed = term;
						discuss( term, concept.id, draftId, context );
					}
				}, () => {
					loading = false;
					if ( current && current.root === parts.root ) {
						say( 'ldwg-glossary-popup-discuss-error', true );
					}
				} );
			} );
		}
		doc.body.appendChild( parts.root );
		current = { term, root: parts.root, reason };
		term.setAttribute( 'aria-expanded', 'true' );
		term.setAttribute( 'aria-controls', id );
		place();
		if ( moveFocus ) {
			focusFirst();
		}
	};

	/**
	 * Whether the pointer is still on `term`: the browser's own `:hover` state, which also covers
	 * the wait for this module (the first hover fires in the eager module, before any listener
	 * here exists). Nothing hovered means the pointer is off the term, also when it has left the
	 * window: then no later `mouseout` would close a popup shown now.
	 */
	const hovered = ( term: HTMLElement ): boolean => term.matches( ':hover' );

	/**
	 * Whether a popup that waited for the glossary is still wanted. Hover and focus only show
	 * what the reader is at: a pointer or focus that has moved on meanwhile must not leave a
	 * popup behind that nothing would close (the leave and focusout handlers only act on an open
	 * one). A tap or Enter asked for it and gets it.
	 */
	const stillWanted = ( wait: Pending ): boolean => wait.reason === 'hover' ?
		hovered( wait.term ) :
		wait.reason !== 'focus' || wait.term.contains( doc.activeElement );

	const open = (
		term: HTMLElement,
		reason: OpenReason,
		context: PopupContext,
		focused?: Element | null,
	): void => {
		if ( reason === 'focus' && ( discussed === term ||
			( refocused && refocused.term === term && Date.now() < refocused.until ) ) ) {
			discussed = null;
			return;
		}
		refocused = null;
		discussed = null;
		cancelClose();
		if ( current && current.term === term ) {
			if ( reason !== 'hover' ) {
				// Tapped, focused or activated: it now stays until dismissed.
				current.reason = reason;
			}
			if ( reason === 'keyboard' ) {
				focusFirst();
			}
			return;
		}
		// A pointer resting on another term must not take over a popup opened (or being opened)
		// by focus, tap or keyboard: closing it would drop the focus inside it to <body>, and
		// the reader did not ask to leave it. Dismissing it first lets hovering work again.
		// A term no longer in the page (the content was rendered again: `wikipage.content` fired
		// with new content) holds nothing: its popup is left over, not where the reader is.
		const held = current || pending;
		if ( reason === 'hover' && held && held.reason !== 'hover' && held.term.isConnected ) {
			return;
		}
		const mine = ++request;
		const wait: Pending = {
			term, reason, focused: focused === undefined ? doc.activeElement : focused,
		};
		pending = wait;
		glossary().then( ( data ) => {
			// A later open (or close) wins over this one.
			if ( mine !== request ) {
				return;
			}
			pending = null;
			if ( data && term.isConnected && stillWanted( wait ) ) {
				// Enter (or a screen reader's activation) moves focus into the popup, unless the
				// reader moved focus on while it loaded (the first popup waits for the module and
				// the glossary, seconds on a slow connection): then it shows, but focus is not
				// pulled away from where they went.
				show( term, reason, context, data,
					reason === 'keyboard' && doc.activeElement === wait.focused );
			}
		} );
	};

	doc.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Escape' && current ) {
			const focusInside = contains( doc.activeElement );
			const term = current.term;
			close();
			if ( focusInside ) {
				returnFocus( term );
			}
		} else if ( event.key === 'Tab' && current && !event.altKey && !event.ctrlKey && !event.metaKey ) {
			// The popup sits at the end of <body>: Tab past its last control would go on to the
			// page's footer, Shift+Tab before its first to whatever precedes the popup there, far
			// from the term either way. Like a disclosure, it closes and hands focus back to the
			// term instead, so that Tab goes on from the term in the page's order (the popup is
			// not modal: no focus trap).
			const controls = current.root.querySelectorAll<HTMLElement>( CONTROLS );
			const edge = controls[ event.shiftKey ? 0 : controls.length - 1 ];
			if ( edge && doc.activeElement === edge ) {
				event.preventDefault();
				const term = current.term;
				close();
				returnFocus( term );
			}
		}
	} );
	doc.addEventListener( 'pointerdown', ( event ) => {
		if ( current && !contains( event.target as Node | null ) ) {
			close();
		}
	} );
	doc.addEventListener( 'mouseout', ( event ) => {
		const from = event.target as Node | null;
		const to = event.relatedTarget as Node | null;
		if ( current && current.reason === 'hover' && contains( from ) && !contains( to ) ) {
			scheduleClose();
		}
	} );
	doc.addEventListener( 'mouseover', ( event ) => {
		if ( contains( event.target as Node | null ) ) {
			cancelClose();
		}
	} );
	doc.addEventListener( 'focusout', ( event ) => {
		const next = event.relatedTarget as Node | null;
		if ( current && ( current.reason === 'focus' || current.reason === 'keyboard' ) &&
			contains( event.target as Node | null ) && next && !contains( next ) ) {
			close();
		}
	} );
	if ( doc.defaultView ) {
		doc.defaultView.addEventListener( 'resize', place );
	}
	return { open, place, close };
}
