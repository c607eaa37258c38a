/**
 * Builds the form's DOM with Codex CSS-only components (classes from the `codex-styles` module)
 * and reads and writes its values. Everything is created with `document.createElement` and
 * `textContent`: messages, configuration labels and the reader's text never become HTML here.
 *
 * @packageDocumentation
 */
import {
	asksForChanges,
	NO_OPINION,
	REGION_UNSAID,
	type FieldError,
	type FieldName,
	type FormSettings,
	type FormValues,
	type RubricAnswer,
} from './state.ts';
import { autonym, itemLabel, msg } from './messages.ts';
import { languageDir } from '../../shared/language-dir.ts';

/** Attributes for {@link el}; `undefined` values are skipped. */
type Attributes = Record<string, string | undefined>;

/** Creates an element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attributes: Attributes = {},
	children: ( Node | string )[] = [],
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	for ( const name of Object.keys( attributes ) ) {
		const value = attributes[ name ];
		if ( value !== undefined ) {
			node.setAttribute( name, value );
		}
	}
	for ( const child of children ) {
		node.appendChild( typeof child === 'string' ? document.createTextNode( child ) : child );
	}
	return node;
}

/** Where a field's error is shown, and which controls it describes. */
export interface ErrorSlot {
	/** The field's container (`cdx-field`). */
	field: HTMLElement;
	/** Container of the inline error message (hidden when there is none). */
	message: HTMLElement;
	/** Text of the message. */
	text: HTMLElement;
	/** Controls that get `aria-invalid` and `aria-describedby`. */
	controls: HTMLElement[];
	/** Element to focus when the summary links to this field. */
	focus: HTMLElement;
}

/** References to the parts of the form the controller works with. */
export interface FormView {
	/** The backdrop holding the dialog (what is attached to the page). */
	root: HTMLElement;
	/** The dialog element (`role="dialog"`). */
	dialog: HTMLElement;
	/** The form (the dialog's body). */
	form: HTMLFormElement;
	/** Header close button. */
	closeButton: HTMLButtonElement;
	/** Footer buttons. */
	saveButton: HTMLButtonElement;
	/** Preview button. */
	previewButton: HTMLButtonElement;
	/** Cancel button. */
	cancelButton: HTMLButtonElement;
	/** Stance radios, in configuration order. */
	stanceInputs: HTMLInputElement[];
	/** Rubric radios per question id. */
	rubricInputs: Record<string, HTMLInputElement[]>;
	/** Comment. */
	comment: HTMLTextAreaElement;
	/** Suggested wording. */
	wording: HTMLTextAreaElement;
	/** The wording field, shown only when the stance asks for changes. */
	wordingField: HTMLElement;
	/** Region menu. */
	region: HTMLSelectElement;
	/** Language menu. */
	language: HTMLSelectElement;
	/** Inline error places per field. */
	errors: Map<FieldName, ErrorSlot>;
	/** Visible list of problems above the fields. */
	summary: HTMLElement;
	/** Visually hidden live region for announcements. */
	live: HTMLElement;
	/** Notice shown to readers who are not logged in (empty otherwise). */
	anonNotice: HTMLElement;
	/** Where the preview goes. */
	preview: HTMLElement;
	/** Where saving progress and save errors go. */
	status: HTMLElement;
}

/** What the view needs to know besides the settings. */
export interface ViewContext {
	/** Unique prefix for element ids. */
	idPrefix: string;
	/** Section label as the reader sees it. */
	sectionLabel: string;
	/** Language and direction of the section label (the page's). */
	labelLang: string;
	/** Direction of the page's language. */
	labelDir: 'ltr' | 'rtl';
	/** Talk page the entry goes to. */
	talkTitle: string;
	/** Whether the reader is not logged in. */
	anonymous: boolean;
}

function button( text: string, classes: string, type: 'button' | 'submit' = 'button' ): HTMLButtonElement {
	return el( 'button', { type, class: `cdx-button ${ classes }` }, [ text ] );
}

function errorMessage( id: string ): { message: HTMLElement; text: HTMLElement } {
	const text = el( 'div', { class: 'cdx-message__content', id } );
	const message = el( 'div', { class: 'cdx-field__validation-message' }, [
		el( 'div', { class: 'cdx-message cdx-message--inline cdx-message--error' }, [
			el( 'span', { class: 'cdx-message__icon' } ), text,
		] ),
	] );
	message.hidden = true;
	return { message, text };
}

function radio(
	id: string,
	name: string,
	value: string,
	label: string,
	inline: boolean,
): { wrapper: HTMLElement; input: HTMLInputElement } {
	const input = el( 'input', { id, class: 'cdx-radio__input', type: 'radio', name, value } );
	const wrapper = el( 'div', { class: inline ? 'cdx-radio cdx-radio--inline' : 'cdx-radio' }, [
		el( 'div', { class: 'cdx-radio__wrapper' }, [
			input,
			el( 'span', { class: 'cdx-radio__icon' } ),
			el( 'div', { class: 'cdx-radio__label cdx-label' }, [
				el( 'label', { for: id, class: 'cdx-label__label' }, [
					el( 'span', { class: 'cdx-label__label__text' }, [ label ] ),
				] ),
			] ),
		] ),
	] );
	return { wrapper, input };
}

function legend( text: string, description?: string, descriptionId?: string ): HTMLElement {
	const children: HTMLElement[] = [ el( 'span', { class: 'cdx-label__label__text' }, [ text ] ) ];
	if ( description ) {
		children.push( el( 'span', { class: 'cdx-label__description', id: descriptionId },
			[ description ] ) );
	}
	return el( 'legend', { class: 'cdx-label' }, children );
}

function labelBlock( forId: string, text: string, description?: string,
	descriptionId?: string ): HTMLElement {
	const children: HTMLElement[] = [
		el( 'label', { class: 'cdx-label__label', for: forId }, [
			el( 'span', { class: 'cdx-label__label__text' }, [ text ] ),
		] ),
	];
	if ( description ) {
		children.push( el( 'span', { class: 'cdx-label__description', id: descriptionId },
			[ description ] ) );
	}
	return el( 'div', { class: 'cdx-label' }, children );
}

/** A text area in a Codex field, with its label, help text and error place. */
function textField(
	ctx: ViewContext,
	name: 'comment' | 'wording',
	labelText: string,
	help: string,
	errors: Map<FieldName, ErrorSlot>,
): { field: HTMLElement; area: HTMLTextAreaElement } {
	const id = `${ ctx.idPrefix }${ name }`;
	const helpId = `${ id }-help`;
	const errorId = `${ id }-error`;
	// dir="auto": readers type in any script; the browser picks the direction from the text.
	const area = el( 'textarea', { id, name, class: 'cdx-text-area__textarea', rows: '4',
		dir: 'auto', 'aria-describedby': helpId } );
	const { message, text } = errorMessage( errorId );
	const field = el( 'div', { class: `cdx-field ldwg-form-field-${ name }` }, [
		labelBlock( id, labelText ),
		el( 'div', { class: 'cdx-field__control' }, [
			el( 'div', { class: 'cdx-text-area' }, [ area ] ),
		] ),
		el( 'div', { class: 'cdx-field__help-text', id: helpId }, [ help ] ),
		message,
	] );
	errors.set( name, { field, message, text, controls: [ area ], focus: area } );
	return { field, area };
}

/** A select menu in a Codex field. */
function selectField(
	ctx: ViewContext,
	name: 'region' | 'language',
	labelText: string,
	help: string,
	options: HTMLOptionElement[],
	errors: Map<FieldName, ErrorSlot>,
): { field: HTMLElement; select: HTMLSelectElement } {
	const id = `${ ctx.idPrefix }${ name }`;
	const helpId = `${ id }-help`;
	const select = el( 'select', { id, name, class: 'cdx-select', 'aria-describedby': helpId },
		options );
	const { message, text } = errorMessage( `${ id }-error` );
	const field = el( 'div', { class: `cdx-field ldwg-form-field-${ name }` }, [
		labelBlock( id, labelText ),
		el( 'div', { class: 'cdx-field__control' }, [ select ] ),
		el( 'div', { class: 'cdx-field__help-text', id: helpId }, [ help ] ),
		message,
	] );
	errors.set( name, { field, message, text, controls: [ select ], focus: select } );
	return { field, select };
}

/**
 * Builds the dialog. Field order is the visual order, which is also the tab order: stance,
 * rubric, comment, suggested wording, region, language; then preview and the buttons.
 */
export function buildForm( settings: FormSettings, ctx: ViewContext ): FormView {
	const p = ctx.idPrefix;
	const errors = new Map<FieldName, ErrorSlot>();

	// Stance.
	const stanceName = `${ p }stance`;
	const stanceRadios = settings.stances.map( ( s, i ) => radio( `${ p }stance-${ i }`, stanceName, s.id, itemLabel( 'stance', s ), false ) );
	const stanceError = errorMessage( `${ p }stance-error` );
	const stanceField = el( 'fieldset', { class: 'cdx-field ldwg-form-field-stance' }, [
		legend( msg( 'ldwg-form-stance-legend' ) ),
		el( 'div', { class: 'cdx-field__control' }, stanceRadios.map( ( r ) => r.wrapper ) ),
		stanceError.message,
	] );
	const stanceInputs = stanceRadios.map( ( r ) => r.input );
	errors.set( 'stance', { field: stanceField, message: stanceError.message,
		text: stanceError.text, controls: stanceInputs, focus: stanceInputs[ 0 ] ?? stanceField } );

	// Rubric: one fieldset per question, inside one fieldset for the rubric.
	const rubricInputs: Record<string, HTMLInputElement[]> = {};
	const questionFields = settings.questions.map( ( q, qi ) => {
		const name = `${ p }rubric-${ qi }`;
		const choices: { value: string; label: string }[] = [];
		for ( let n = settings.scale.min; n <= settings.scale.max; n++ ) {
			const key = `ldwg-rubric-scale-${ n }`;

			// A bare number is shown in the interface language's digits, like the help above.
			const scaleLabel = mw.message( key ).exists() ? msg( key ) :
				mw.language.convertNumber( n );
			choices.push( { value: String( n ), label: scaleLabel } );
		}
		if ( settings.noOpinion ) {
			choices.push( { value: NO_OPINION, label: msg( 'ldwg-form-rubric-no-opinion' ) } );
		}
		const radios = choices.map( ( c, ci ) => radio( `${ name }-${ ci }`, name, c.value, c.label, true ) );
		rubricInputs[ q.id ] = radios.map( ( r ) => r.input );
		const e = errorMessage( `${ name }-error` );
		const field = el( 'fieldset', { class: 'cdx-field ldwg-form-rubric-question' }, [
			legend( itemLabel( 'rubric', q ) ),
			el( 'div', { class: 'cdx-field__control' }, radios.map( ( r ) => r.wrapper ) ),
			e.message,
		] );
		errors.set( `rubric-${ q.id }`, { field, message: e.message, text: e.text,
			controls: rubricInputs[ q.id ] ?? [], focus: rubricInputs[ q.id ]?.[ 0 ] ?? field } );
		return field;
	} );
	const rubricField = settings.questions.length ? el( 'fieldset',
		{ class: 'cdx-field ldwg-form-field-rubric' }, [
			legend( msg( 'ldwg-form-rubric-legend' ), msg( 'ldwg-form-rubric-help',
				settings.scale.min, settings.scale.max ) ),
			...questionFields,
		] ) : null;

	const comment = textField( ctx, 'comment', msg( 'ldwg-form-comment-label' ),
		msg( 'ldwg-form-comment-help', settings.commentMaxLength ),
		errors );
	const wording = textField( ctx, 'wording', msg( 'ldwg-form-wording-label' ),
		msg( 'ldwg-form-wording-help', settings.wordingMaxLength ),
		errors );

	const regionOptions = [ el( 'option', { value: REGION_UNSAID },
		[ msg( 'ldwg-form-region-unsaid' ) ] ) ].concat(
		settings.regions.map( ( r ) => el( 'option', { value: r.id }, [ itemLabel( 'region', r ) ] ) ) );
	const region = selectField( ctx, 'region', msg( 'ldwg-form-region-label' ),
		msg( 'ldwg-form-region-help' ), regionOptions, errors );

	// Each language is named in itself, so the option carries that language and direction.
	const languageOptions = settings.languages.map( ( code ) => el( 'option',
		{ value: code, lang: code, dir: languageDir( code ) }, [ autonym( code ) ] ) );
	const language = selectField( ctx, 'language', msg( 'ldwg-form-language-label' ),
		msg( 'ldwg-form-language-help' ), languageOptions, errors );

	const summary = el( 'div', { class: 'ldwg-form-summary', tabindex: '-1' } );
	summary.hidden = true;
	const anonNotice = el( 'div', { class: 'ldwg-form-anon' } );
	const preview = el( 'div', { class: 'ldwg-form-preview' } );
	preview.hidden = true;
	const status = el( 'div', { class: 'ldwg-form-status' } );

	const form = el( 'form', { class: 'cdx-dialog__body ldwg-form-body', id: `${ p }form`,
		novalidate: '' }, [
		summary,
		stanceField,
		...( rubricField ? [ rubricField ] : [] ),
		comment.field,
		wording.field,
		region.field,
		language.field,
		anonNotice,
		preview,
		status,
	] );

	const titleId = `${ p }title`;
	const closeButton = button( '', 'cdx-button--weight-quiet cdx-button--icon-only ' +
		'cdx-dialog__header__close-button' );
	closeButton.setAttribute( 'aria-label', msg( 'ldwg-form-close' ) );
	closeButton.appendChild( el( 'span', { class: 'ldwg-form-close-icon', 'aria-hidden': 'true' },
		[ '×' ] ) );

	// The section label is page text: it carries the page's language and direction.
	const sectionLabel = el( 'bdi', { lang: ctx.labelLang, dir: ctx.labelDir },
		[ ctx.sectionLabel ] );
	const [ before, after ] = msg( 'ldwg-form-title', '\u0000' ).split( '\u0000' );
	const title = el( 'h2', { class: 'cdx-dialog__header__title', id: titleId },
		[ before ?? '', sectionLabel, after ?? '' ] );
	// The talk page's title is in the wiki's language: isolated so it does not scramble the
	// order of a right-to-left sentence around it.
	const contentLanguage = String( mw.config.get( 'wgContentLanguage' ) || 'en' );
	const [ subBefore, subAfter ] = msg( 'ldwg-form-subtitle', '\u0000' ).split( '\u0000' );
	const subtitle = el( 'p', { class: 'cdx-dialog__header__subtitle' }, [
		subBefore ?? '',
		el( 'bdi', { lang: contentLanguage, dir: languageDir( contentLanguage ) }, [ ctx.talkTitle ] ),
		subAfter ?? '',
	] );

	const saveButton = button( msg( 'ldwg-form-save' ),
		'cdx-button--action-progressive cdx-button--weight-primary', 'submit' );
	saveButton.setAttribute( 'form', `${ p }form` );
	const previewButton = button( msg( 'ldwg-form-preview' ), '' );
	const cancelButton = button( msg( 'ldwg-form-cancel' ), '' );

	const live = el( 'div', { class: 'ldwg-form-live', 'aria-live': 'assertive',
		'aria-atomic': 'true' } );

	// tabindex -1, as Codex's Dialog: a tap on the dialog's text focuses the dialog instead of
	// the page's body, from where Escape and the focus cycle no longer reached it.
	const dialog = el( 'div', { class: 'cdx-dialog ldwg-form', role: 'dialog', 'aria-modal': 'true',
		'aria-labelledby': titleId, tabindex: '-1' }, [
		el( 'header', { class: 'cdx-dialog__header cdx-dialog__header--default' }, [
			el( 'div', { class: 'cdx-dialog__header__title-group' }, [ title, subtitle ] ),
			closeButton,
		] ),
		form,
		el( 'footer', { class: 'cdx-dialog__footer cdx-dialog__footer--default' }, [
			el( 'div', { class: 'cdx-dialog__footer__actions' }, [
				// DOM order = visual order = tab order (Codex reverses it with CSS; form.css
				// undoes that), with the primary action last, where the eye ends.
				cancelButton, previewButton, saveButton,
			] ),
		] ),
		live,
	] );
	const root = el( 'div', { class: 'cdx-dialog-backdrop ldwg-form-backdrop' }, [ dialog ] );
	return {
		root, dialog, form, closeButton, saveButton, previewButton, cancelButton,
		stanceInputs, rubricInputs, comment: comment.area, wording: wording.area,
		wordingField: wording.field, region: region.select, language: language.select, errors,
		summary, live, anonNotice, preview, status,
	};
}

function checkedValue( inputs: HTMLInputElement[] ): string | null {
	const checked = inputs.find( ( i ) => i.checked );
	return checked ? checked.value : null;
}

/** Reads the values from the DOM. */
export function readValues( view: FormView, settings: FormSettings ): FormValues {
	const rubric: Record<string, RubricAnswer> = {};
	for ( const q of settings.questions ) {
		const value = checkedValue( view.rubricInputs[ q.id ] ?? [] );
		rubric[ q.id ] = value === null ? null :
			value === NO_OPINION ? NO_OPINION : Number( value );
	}
	return {
		stance: checkedValue( view.stanceInputs ),
		rubric,
		comment: view.comment.value,
		wording: view.wording.value,
		region: view.region.value,
		language: view.language.value,
	};
}

/** Writes values into the DOM and shows or hides the wording field accordingly. */
export function writeValues( view: FormView, settings: FormSettings, values: FormValues ): void {
	for ( const input of view.stanceInputs ) {
		input.checked = input.value === values.stance;
	}
	for ( const q of settings.questions ) {
		const answer = values.rubric[ q.id ];
		for ( const input of view.rubricInputs[ q.id ] ?? [] ) {
			input.checked = answer !== null && answer !== undefined &&
				input.value === String( answer );
		}
	}
	view.comment.value = values.comment;
	view.wording.value = values.wording;
	view.region.value = values.region;
	view.language.value = values.language;
	updateDependentFields( view, settings, values );
}

/**
 * Keeps the parts that depend on other answers in step: the wording field appears when the
 * stance asks for changes; typed text carries the language the reader says they write in.
 */
export function updateDependentFields(
	view: FormView,
	settings: FormSettings,
	values: FormValues,
): void {
	view.wordingField.hidden = !asksForChanges( settings, values.stance );
	for ( const area of [ view.comment, view.wording ] ) {
		area.setAttribute( 'lang', values.language );
	}
}

/**
 * Shows the validation errors next to their fields (with `aria-invalid` and
 * `aria-describedby`) and as a summary list whose entries move focus to the field.
 *
 * @return the summary's text, for the live region (empty when there are no errors)
 */
export function showErrors( view: FormView, errors: FieldError[] ): string {
	for ( const [ name, slot ] of view.errors ) {
		const mine = errors.filter( ( e ) => e.field === name );
		const describedBy = slot.text.id;

		slot.text.textContent = mine.map( ( e ) => msg( e.key, ...e.params ) ).join( ' ' );
		slot.message.hidden = mine.length === 0;
		for ( const control of slot.controls ) {
			const ids = ( control.getAttribute( 'aria-describedby' ) ?? '' ).split( ' ' )
				.filter( ( id ) => id !== '' && id !== describedBy );
			if ( mine.length ) {
				ids.push( describedBy );
				control.setAttribute( 'aria-invalid', 'true' );
			} else {
				control.removeAttribute( 'aria-invalid' );
			}
			if ( ids.length ) {
				control.setAttribute( 'aria-describedby', ids.join( ' ' ) );
			} else {
				control.removeAttribute( 'aria-describedby' );
			}
		}
	}
	view.summary.textContent = '';
	view.summary.hidden = errors.length === 0;
	if ( !errors.length ) {
		return '';
	}
	const heading = msg( 'ldwg-form-error-summary', errors.length );
	const list = el( 'ul' );
	for ( const error of errors ) {
		const slot = view.errors.get( error.field );

		const text = msg( error.key, ...error.params );
		const link = el( 'a', { href: `#${ slot?.focus.id ?? '' }` }, [ text ] );
		link.addEventListener( 'click', ( event ) => {
			event.preventDefault();
			slot?.focus.focus();
		} );
		list.appendChild( el( 'li', {}, [ link ] ) );
	}
	view.summary.appendChild( el( 'div', { class: 'cdx-message cdx-message--block cdx-message--error' }, [
		el( 'span', { class: 'cdx-message__icon' } ),
		el( 'div', { class: 'cdx-message__content' }, [ el( 'p', {}, [ heading ] ), list ] ),
	] ) );
	return `${ heading } ${ errors.map( ( e ) => msg( e.key, ...e.params ) ).join( ' ' ) }`;
}

/** A Codex block message (status area, notices). */
export function blockMessage(
	type: 'error' | 'warning' | 'success' | 'notice',
	content: ( Node | string )[],
): HTMLElement {
	const typeClass = type === 'notice' ? '' : ` cdx-message--${ type }`;
	return el( 'div', { class: `cdx-message cdx-message--block${ typeClass }` }, [
		el( 'span', { class: 'cdx-message__icon' } ),
		el( 'div', { class: 'cdx-message__content' }, content ),
	] );
}
