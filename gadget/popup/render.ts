/**
 * Builds the popup's DOM for one concept. Every glossary string goes in as text
 * (`textContent`), never as HTML: the glossary is edited by anyone on the wiki. Each piece of
 * text in a language other than the interface's carries its own `lang` and `dir`.
 *
 * @packageDocumentation
 */
import type { CompiledGlossary, GlossaryConcept } from '../../shared/contracts/glossary.ts';
import { localised } from './glossary-data.ts';
import { languageName, setLanguage } from './direction.ts';

/** Plain-text message lookup (`mw.msg`), injected so rendering can be tested without `mw`. */
export type Msg = ( key: string, ...params: ( string | number )[] ) => string;

/** What the popup shows besides the concept itself. */
export interface PopupOptions {
	/** Element id of the popup (the term's `aria-controls`). */
	id: string;
	/** Language of the text the term was found in. */
	textLanguage: string;
	/** Interface language. */
	userLanguage: string;
	/**
	 * Language of the popup's own texts: the interface language, or English where it has no
	 * translation (`uiLanguage()`); their `lang` and `dir`, and the language of language names.
	 */
	uiLanguage: string;
	/** URL of the concept's entry on the glossary page. */
	entryUrl: string;
	/** Whether "discuss this term" can be offered (a draft to discuss it on). */
	canDiscuss: boolean;
}

/** Elements of the popup that behaviour is attached to. */
export interface PopupParts {
	root: HTMLElement;
	close: HTMLButtonElement;
	discuss: HTMLButtonElement | null;
	/**
	 * Live region under the actions for what "discuss" is doing (loading the form, or why it
	 * could not), `null` with no "discuss". In the popup from the start, empty: screen readers
	 * announce a live region's changes, not its appearance.
	 */
	discussStatus: HTMLElement | null;
	switchOff: HTMLButtonElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
	doc: Document,
	tag: K,
	className: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const element = doc.createElement( tag );
	element.className = className;
	if ( text !== undefined ) {
		element.textContent = text;
	}
	return element;
}

/** Renders the popup for `concept`; the caller attaches behaviour and places it. */
export function renderPopup(
	doc: Document,
	glossary: CompiledGlossary,
	concept: GlossaryConcept,
	options: PopupOptions,
	msg: Msg,
): PopupParts {
	const source = glossary.sourceLanguage;
	const lang = options.textLanguage;
	const root = el( doc, 'div', 'ldwg-popup' );
	root.id = options.id;
	root.setAttribute( 'role', 'dialog' );
	root.setAttribute( 'aria-labelledby', `${ options.id }-title` );
	setLanguage( root, options.uiLanguage );

	const header = el( doc, 'div', 'ldwg-popup-header' );
	const term = localised( concept, lang, 'term', source );
	const title = setLanguage( el( doc, 'div', 'ldwg-popup-title', term ? term.text : concept.id ),
		term ? term.language : source );
	title.id = `${ options.id }-title`;
	const close = el( doc, 'button', 'cdx-button cdx-button--weight-quiet cdx-button--size-small ldwg-popup-close', '×' );
	close.type = 'button';
	close.setAttribute( 'aria-label', msg( 'ldwg-glossary-popup-close' ) );
	header.append( title, close );

	// The chips are two facts, each with what it is: a list whose items a screen reader reads
	// one by one ("Type: Skill", "Status: Agreed"), not one run of text ("SkillAgreed"). The
	// label is visually hidden and the chip's own text hidden from the accessibility tree, so
	// sighted readers see the chips as before and nothing is read twice.
	const chips = el( doc, 'ul', 'ldwg-popup-chips' );
	// Lists styled without bullets lose their role in Safari (VoiceOver): keep it.
	chips.setAttribute( 'role', 'list' );
	const chip = ( className: string, value: string, spoken: string ): void => {
		const item = el( doc, 'li', `cdx-info-chip ${ className }` );
		const shown = el( doc, 'span', '', value );
		shown.setAttribute( 'aria-hidden', 'true' );
		item.append( el( doc, 'span', 'ldwg-popup-hidden', spoken ), shown );
		chips.append( item );
	};
	const type = msg( `ldwg-glossary-type-${ concept.type }` );
	const status = msg( `ldwg-glossary-status-${ concept.status }` );
	chip( 'ldwg-popup-type', type, msg( 'ldwg-glossary-popup-type', type ) );
	chip( `ldwg-popup-status ldwg-popup-status-${ concept.status }`, status,
		msg( 'ldwg-glossary-popup-status', status ) );
	root.append( header, chips );

	// What the term means, "in their language". A reader of a translation chose its language:
	// the text's. A reader of text in the glossary's source language (a draft not translated into
	// their language yet, an untranslated unit) gets their interface language where the glossary
	// has it; its fallbacks stop at the text's language. Not the interface language everywhere:
	// logged-out readers on Meta mostly have the default English interface while reading /fr.
	const readerFirst = lang === source && options.userLanguage !== lang;
	const explained = ( field: 'definition' | 'notes' ): ReturnType<typeof localised> => {
		const theirs = readerFirst ? localised( concept, options.userLanguage, field, lang ) : null;
		return theirs || localised( concept, lang, field, source );
	};
	const definition = explained( 'definition' );
	if ( definition ) {
		root.append( setLanguage( el( doc, 'p', 'ldwg-popup-definition', definition.text ), definition.language ) );
	}
	const notes = explained( 'notes' );
	if ( notes ) {
		const box = el( doc, 'div', 'ldwg-popup-notes' );
		box.append(
			el( doc, 'div', 'ldwg-popup-label', msg( 'ldwg-glossary-popup-notes' ) ),
			setLanguage( el( doc, 'p', '', notes.text ), notes.language ),
		);
		root.append( box );
	}

	// Equivalents in the other languages: the reader's own language first, then the glossary's.
	const others = [ options.userLanguage, ...glossary.languages ]
		.filter( ( l, i, all ) => all.indexOf( l ) === i && l !== ( term ? term.language : '' ) );
	const list = el( doc, 'ul', 'ldwg-popup-equivalents' );
	for ( const other of others ) {
		const entry = concept.entries[ other ];
		// Only the term counts here: `missing` may be about the notes (see `localised`). An
		// outdated term is listed with a warning (the contract keeps it for that): it is still
		// that language's last equivalent, but neither marking nor translators rely on it.
		if ( entry && entry.term.trim() !== '' ) {
			const item = el( doc, 'li', '' );
			item.append(
				setLanguage( el( doc, 'span', 'ldwg-popup-equivalent', entry.term ), other ),
				doc.createTextNode( ' ' ),
				el( doc, 'span', 'ldwg-popup-language',
					msg( 'ldwg-glossary-popup-language', languageName( other, options.uiLanguage ) ) ),
			);
			if ( entry.termOutdated ) {
				item.append( doc.createTextNode( ' ' ),
					el( doc, 'span', 'ldwg-popup-outdated', msg( 'ldwg-glossary-popup-outdated' ) ) );
			}
			list.append( item );
		}
	}
	if ( list.childNodes.length ) {
		const box = el( doc, 'div', 'ldwg-popup-other' );
		const label = el( doc, 'div', 'ldwg-popup-label', msg( 'ldwg-glossary-popup-equivalents' ) );
		label.id = `${ options.id }-equivalents`;
		list.setAttribute( 'aria-labelledby', label.id );
		box.append( label, list );
		root.append( box );
	}

	const actions = el( doc, 'div', 'ldwg-popup-actions' );
	const link = el( doc, 'a', 'ldwg-popup-entry', msg( 'ldwg-glossary-popup-entry-link' ) );
	link.href = options.entryUrl;
	actions.append( link );
	let discuss: HTMLButtonElement | null = null;
	if ( options.canDiscuss ) {
		discuss = el( doc, 'button', 'cdx-button cdx-button--size-small ldwg-popup-discuss', msg( 'ldwg-glossary-popup-discuss' ) );
		discuss.type = 'button';
		actions.append( discuss );
	}
	const switchOff = el( doc, 'button', 'cdx-button cdx-button--weight-quiet cdx-button--size-small ldwg-popup-switch-off',
		msg( 'ldwg-glossary-popup-switch-off' ) );
	switchOff.type = 'button';
	actions.append( switchOff );
	root.append( actions );
	let discussStatus: HTMLElement | null = null;
	if ( discuss ) {
		discussStatus = el( doc, 'p', 'ldwg-popup-discuss-status' );
		discussStatus.setAttribute( 'role', 'status' );
		root.append( discussStatus );
	}
	return { root, close, discuss, discussStatus, switchOff };
}
