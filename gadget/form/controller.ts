/**
 * The form's behaviour: opening it as a modal dialog for one section, keeping the local draft,
 * validation, preview, saving with every failure explained, and closing with focus returned.
 *
 * Why a modal dialog on every skin, including Minerva, rather than a panel under the section:
 * Minerva collapses sections (a panel could open inside a hidden one), one code path keeps
 * behaviour identical across skins, and a modal gives keyboard and screen-reader users a clear
 * place to be. On narrow screens the CSS makes the dialog fill the viewport.
 *
 * @packageDocumentation
 */
import type { FormApi, FormRequest } from './api.ts';
import { GLOSSARY_SECTION_PREFIX } from './api.ts';
import { parseConfig, findSection, type Config } from '../../shared/contracts/config.ts';
import { isolate } from './modal.ts';
import { talkPageOf } from '../../shared/contracts/common.ts';
import { formatEntry } from '../../shared/entry/format.ts';
import { entryAnchor, newEntryId } from '../../shared/entry/ids.ts';
import { encodeText } from '../../shared/entry/escape.ts';
import {
	buildEntry,
	hasContent,
	initialValues,
	restoreValues,
	settingsFromConfig,
	validate,
	type FormSettings,
	type FormValues,
} from './state.ts';
import {
	followableUrl,
	previewEntry,
	saveEntry,
	type ApiTransport,
	type SavePlan,
} from './save.ts';
import type { SaveFailure } from './errors.ts';
import {
	clearDraft,
	draftKey,
	loadChoices,
	loadDraft,
	storeChoices,
	storeDraft,
	type StoredDraft,
} from './storage.ts';
import {
	blockMessage,
	buildForm,
	el,
	readValues,
	showErrors,
	updateDependentFields,
	writeValues,
	type FormView,
} from './view.ts';
import { msg } from './messages.ts';
import { showAnonNotice } from './notice.ts';
import { uiLanguage } from '../core/ui-language.ts';
import { languageDir } from '../../shared/language-dir.ts';
import { isAllowedImageUrl, uploadHosts, wikiHtmlFragment } from './wiki-html.ts';

/** What the controller needs from its surroundings (injected so tests can fake each). */
export interface ControllerDeps {
	/** API access. */
	transport: ApiTransport;
	/** The configuration document when the request carries none (the package file). */
	loadConfig(): unknown;
	/** Current time (entry ids carry it). */
	now(): Date;
	/** Random numbers in [0, 1) for entry ids. */
	random(): number;
	/** Whether the reader is not logged in (`mw.user.isAnon()`). */
	isAnon(): boolean;
	/**
	 * Whether the reader uses a temporary account (`mw.user.isTemp()`, MediaWiki 1.40+; false
	 * where it does not exist, see `isTempUser` in reader.ts).
	 */
	isTemp(): boolean;
	/**
	 * Leaves the page for `url` (`location.assign`): the redirect MediaWiki asks for after
	 * creating a temporary account.
	 */
	navigate( url: string ): void;
}

/** One open form. */
interface OpenForm {
	close(): void;
}

let counter = 0;

/** The section id written in entries: glossary concepts become `glossary-<id>`. */
export function entrySectionId( sectionId: string ): string {
	return sectionId.startsWith( GLOSSARY_SECTION_PREFIX ) ?
		`glossary-${ sectionId.slice( GLOSSARY_SECTION_PREFIX.length ) }` : sectionId;
}

/** Where feedback on this request goes, and how the section is named. */
function destination(
	config: Config,
	request: FormRequest,
): { talkTitle: string; label: string } | null {
	const draft = config.drafts.find( ( d ) => d.id === request.draftId );
	if ( draft ) {
		const section = findSection( draft, request.sectionId );
		return { talkTitle: draft.talkPage,
			label: request.sectionLabel || section?.label || request.sectionId };
	}
	if ( request.sectionId.startsWith( GLOSSARY_SECTION_PREFIX ) ) {
		return { talkTitle: talkPageOf( config.pages.glossary ),
			label: request.sectionLabel ||
				request.sectionId.slice( GLOSSARY_SECTION_PREFIX.length ) };
	}
	return null;
}

/** Elements that take part in the dialog's tab cycle, in order. */
function tabbables( view: FormView ): HTMLElement[] {
	const selector = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';
	return Array.from( view.dialog.querySelectorAll<HTMLElement>( selector ) ).filter( ( node ) => !node.closest( '[hidden]' ) && !( node as HTMLButtonElement ).disabled &&
		node.getAttribute( 'tabindex' ) !== '-1' );
}

/** How long after opening a tap where the opening button was is taken for its double tap. */
const DOUBLE_TAP_MS = 600;

/**
 * Ignores, for a moment after the dialog opens, a tap or click where the button that opened it
 * is. A reader who double-taps "Give feedback" (once the form has loaded, it opens at the first
 * tap) otherwise has the second tap land in the dialog, where it chose the stance or rating that
 * happened to be under the finger ("Oppose", "Not at all") without the reader seeing it.
 */
function guardOpeningTap( root: HTMLElement, opener: HTMLElement ): void {
	const until = Date.now() + DOUBLE_TAP_MS;
	const box = opener.getBoundingClientRect();
	const guard = ( event: MouseEvent ): void => {
		// detail 0: a keyboard or a screen reader's activation, never a tap.
		const { clientX: x, clientY: y } = event;
		if ( event.detail && Date.now() < until && x >= box.left && x <= box.right &&
			y >= box.top && y <= box.bottom ) {
			event.preventDefault();
			event.stopPropagation();
		}
	};
	for ( const type of [ 'mousedown', 'click' ] ) {
		root.addEventListener( type, guard as EventListener, true );
	}
}

/** A dialog that only says something went wrong (e.g. a broken configuration). */
function openMessageDialog( request: FormRequest, text: string, onClose: () => void ): OpenForm {
	const id = `ldwg-form-${ ++counter }-title`;
	const closeButton = el( 'button', { type: 'button', class: 'cdx-button' },
		[ msg( 'ldwg-form-close' ) ] );
	const dialog = el( 'div', { class: 'cdx-dialog ldwg-form', role: 'alertdialog',
		'aria-modal': 'true', 'aria-labelledby': id }, [
		el( 'div', { class: 'cdx-dialog__body' }, [ blockMessage( 'error', [
			el( 'p', { id }, [ text ] ) ] ) ] ),
		el( 'footer', { class: 'cdx-dialog__footer cdx-dialog__footer--default' }, [
			el( 'div', { class: 'cdx-dialog__footer__actions' }, [ closeButton ] ) ] ),
	] );
	const root = el( 'div', { class: 'cdx-dialog-backdrop ldwg-form-backdrop' }, [ dialog ] );
	let release = (): void => undefined;
	const close = (): void => {
		root.remove();
		release();
		onClose();
		request.returnFocus.focus();
	};
	closeButton.addEventListener( 'click', close );
	root.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Escape' || event.key === 'Tab' ) {
			event.preventDefault();
			if ( event.key === 'Escape' ) {
				close();
			}
		}
	} );
	document.body.appendChild( root );
	release = isolate( root );
	closeButton.focus();
	return { close };
}

/** Opens the form for one request. */
function openForm( request: FormRequest, deps: ControllerDeps, onClose: () => void ): OpenForm {
	const parsed = parseConfig( request.config !== undefined ? request.config : deps.loadConfig() );
	const place = parsed.ok ? destination( parsed.value, request ) : null;
	if ( !parsed.ok || !place ) {
		return openMessageDialog( request, msg( 'ldwg-form-config-error' ), onClose );
	}
	const config = parsed.value;
	const settings: FormSettings = settingsFromConfig( config );
	const key = draftKey( request.viewedTitle, request.sectionId );
	const stored: StoredDraft | null = loadDraft( key );
	let values: FormValues = initialValues( settings, request.pageLanguage, loadChoices() );
	if ( stored ) {
		values = restoreValues( settings, values, stored.values );
	}
	let entryId = stored?.entryId;
	let mayExist = stored?.mayExist === true;
	let captcha: { id: string; word: () => string } | null = null;
	let submitted = false;
	let busy = false;
	let closed = false;
	// Undoes isolate() (set when the dialog is in the page).
	let release = (): void => undefined;
	// Published: nothing more to publish or preview, whatever is still clicked or submitted.
	let done = false;
	const temp = deps.isTemp();
	// A temporary account is a registered account: no IP notice, and `assert=user` (see
	// SavePlan.loggedIn). mw.user.isAnon() is already false for it (its name is set); checked
	// again so that no version that counts it as anonymous shows the IP notice.
	const anonymous = deps.isAnon() && !temp;
	const named = !anonymous && !temp;

	const view = buildForm( settings, {
		idPrefix: `ldwg-form-${ ++counter }-`,
		sectionLabel: place.label,
		labelLang: request.pageLanguage,
		labelDir: request.pageDir,
		talkTitle: place.talkTitle,
		anonymous,
	} );
	// The dialog speaks the reader's interface language (or English where it has no
	// translation), whatever the page's language.
	const { lang, dir } = uiLanguage();
	view.root.setAttribute( 'lang', lang );
	view.root.setAttribute( 'dir', dir );
	writeValues( view, settings, values );

	const announce = ( text: string ): void => {
		// Emptied first so that the same text twice in a row is announced twice.
		view.live.textContent = '';
		window.setTimeout( () => {
			view.live.textContent = text;
		}, 50 );
	};

	const persist = (): void => {
		if ( hasContent( values ) || entryId ) {
			storeDraft( key, { values, entryId, mayExist } );
		} else {
			// Emptied by the reader: a reload must not bring back what they deleted.
			clearDraft( key );
		}
	};

	// The status area takes focus when what had it goes away (a "Try again" button replaced by
	// the next outcome, a button disabled while saving: Chromium then moves focus to the body,
	// where Escape and the tab cycle no longer reach the dialog).
	view.status.tabIndex = -1;
	view.preview.tabIndex = -1;
	const keepFocus = ( hadFocus: boolean ): void => {
		const active = document.activeElement as HTMLInputElement | null;
		if ( hadFocus && !closed && ( !active || !view.dialog.contains( active ) ||
			active.disabled ) ) {
			view.status.focus();
		}
	};
	const focusInside = (): boolean => view.dialog.contains( document.activeElement );

	/**
	 * Locks the entry's fields while it is being published and while it is not known whether an
	 * attempt was published: "Try again" then finds the entry by its id, so the text must stay
	 * what was sent, or a correction would be reported as published without being so.
	 */
	const lockFields = ( locked: boolean ): void => {
		for ( const field of view.form.querySelectorAll<HTMLInputElement>( 'input, textarea, select' ) ) {
			if ( view.status.contains( field ) ) {
				// The CAPTCHA answer.
				continue;
			}
			if ( field.type === 'radio' || field.tagName === 'SELECT' ) {
				field.disabled = locked;
			} else {
				field.readOnly = locked;
			}
		}
	};

	const close = (): void => {
		if ( closed ) {
			return;
		}
		closed = true;
		view.root.remove();
		// Before focus returns: the page is inert until then.
		release();
		onClose();
		if ( request.returnFocus.isConnected ) {
			request.returnFocus.focus();
		}
	};

	const setBusy = ( state: boolean, saving = false ): void => {
		const hadFocus = focusInside();
		busy = state;
		view.saveButton.disabled = state;
		view.previewButton.disabled = state;
		view.form.setAttribute( 'aria-busy', state ? 'true' : 'false' );
		lockFields( ( state && saving ) || mayExist );
		keepFocus( hadFocus );
	};

	const checkValues = (): boolean => {
		const errors = validate( settings, values );
		const summary = showErrors( view, errors );
		if ( errors.length ) {
			announce( summary );
			view.summary.focus();
			return false;
		}
		return true;
	};

	const newId = (): string => {
		if ( !entryId ) {
			entryId = newEntryId( deps.now(), deps.random );
		}
		return entryId;
	};

	const entryText = ( id: string ): string => formatEntry( buildEntry( settings, values, {
		id,
		sectionId: entrySectionId( request.sectionId ),
		viewedTitle: request.viewedTitle,
		sourceTitle: request.sourceTitle,
		revisionId: request.revisionId,
	} ), { template: config.templates.entry } ) + ' ~~~~';

	const showStatus = ( node: HTMLElement | null ): void => {
		const hadFocus = focusInside();
		// On phones the dialog scrolls as a whole and the buttons come after the status: they
		// are kept where they were, or the second tap of a double tap on "Publish" hit the button
		// the message pushed under the finger ("Show preview", or "Cancel" with a longer one).
		const buttonsAt = view.cancelButton.getBoundingClientRect().top;
		view.status.textContent = '';
		if ( node ) {
			view.status.appendChild( node );
		}
		view.dialog.scrollTop += view.cancelButton.getBoundingClientRect().top - buttonsAt;
		keepFocus( hadFocus );
		if ( node && document.activeElement === view.status && view.status.scrollIntoView ) {
			// Focus stayed on the status area while its message changed, so the browser does not
			// scroll: the new message (and its "Try again") could be below the dialog's fold.
			view.status.scrollIntoView( { block: 'nearest' } );
		}
	};

	const showFailure = ( failure: SaveFailure, retry: () => void ): void => {
		// A temporary account cannot log in again: when its session ends (the account expired,
		// or its cookies were cleared), `assert=user` fails and the way on is to publish again
		// logged out, which creates a new temporary account, or to log in with a named one.
		const tempSessionEnded = temp && failure.key === 'ldwg-form-save-error-session';
		const text = tempSessionEnded ? msg( 'ldwg-form-save-error-session-temp' ) :
			msg( failure.key, ...failure.params );
		const content: ( Node | string )[] = [ el( 'p', {}, [ text ] ) ];
		if ( failure.detail ) {
			content.push( el( 'p', { class: 'ldwg-form-status-detail' }, [ failure.detail ] ) );
		}
		captcha = null;
		if ( failure.recovery === 'retry' ) {
			const again = el( 'button', { type: 'button', class: 'cdx-button' },
				[ msg( 'ldwg-form-retry' ) ] );
			again.addEventListener( 'click', retry );
			content.push( again );
		} else if ( failure.recovery === 'login' ) {
			content.push( el( 'a', { href: mw.util.getUrl( 'Special:UserLogin',
				{ returnto: request.viewedTitle } ) },
			[ msg( tempSessionEnded ? 'ldwg-form-login-temp' : 'ldwg-form-login' ) ] ) );
		} else if ( failure.recovery === 'captcha' && failure.captcha ) {
			const inputId = `${ view.form.id }-captcha`;
			const input = el( 'input', { id: inputId, class: 'cdx-text-input__input', type: 'text',
				autocomplete: 'off' } );
			const challenge = failure.captcha;
			if ( challenge.question ) {
				// HTML questions go through the same allowlist as the preview: shown as text,
				// their tags would read as markup.
				content.push( el( 'p', {}, [ challenge.questionIsHtml ?
					wikiHtmlFragment( challenge.question, document, { imageHosts:
						uploadHosts( mw.config.get( 'wgUploadPath' ), location.href ) } ) :
					challenge.question ] ) );
			}
			// The URL comes in the API's answer: like the preview's images, only from the
			// wiki's own or upload host (no tracking pixel, no `javascript:` or `data:`).
			if ( challenge.url && isAllowedImageUrl( challenge.url, document, { imageHosts:
				uploadHosts( mw.config.get( 'wgUploadPath' ), location.href ) } ) ) {
				content.push( el( 'img', { src: challenge.url,
					alt: msg( 'ldwg-form-captcha-image' ) } ) );
			}
			content.push( el( 'label', { for: inputId }, [ msg( 'ldwg-form-captcha-label' ) ] ),
				el( 'div', { class: 'cdx-text-input' }, [ input ] ) );
			captcha = { id: challenge.id, word: () => input.value };
		}
		showStatus( blockMessage( failure.recovery === 'confirm' ? 'warning' : 'error', content ) );
		announce( failure.detail ? `${ text } ${ failure.detail }` : text );
		const answerField = view.status.querySelector( 'input' );
		if ( answerField ) {
			// The next thing to do is to answer: a keyboard user should not have to look for it.
			answerField.focus();
		}
	};

	const showSaved = ( title: string, id: string, tempUserCreated: boolean ): void => {
		done = true;
		view.form.textContent = '';
		const link = el( 'a', { href: `${ mw.util.getUrl( title ) }#${ entryAnchor( id ) }` },
			[ msg( 'ldwg-form-saved-link' ) ] );
		const paragraphs = [ el( 'p', {}, [ msg( 'ldwg-form-saved' ) ] ) ];
		if ( tempUserCreated ) {
			paragraphs.push( el( 'p', { class: 'ldwg-form-saved-temp' },
				[ msg( 'ldwg-form-saved-temp-account' ) ] ) );
		}
		const message = blockMessage( 'success', [ ...paragraphs, link ] );
		message.setAttribute( 'tabindex', '-1' );
		view.form.appendChild( message );
		view.saveButton.hidden = true;
		view.previewButton.hidden = true;
		view.cancelButton.textContent = msg( 'ldwg-form-close' );
		announce( paragraphs.map( ( p ) => p.textContent ).join( ' ' ) );
		message.focus();
	};

	const save = async (): Promise<void> => {
		if ( busy || closed || done ) {
			return;
		}
		submitted = true;
		if ( !checkValues() ) {
			return;
		}
		const id = newId();
		const isTranslation = request.viewedTitle !== request.sourceTitle;
		const heading = isTranslation ?
			msg( 'ldwg-form-thread-title-language', place.label, values.language ) :
			msg( 'ldwg-form-thread-title', place.label );
		const plan: SavePlan = {
			talkTitle: place.talkTitle,
			// Section labels and translations are untrusted: encoded so the heading line can
			// contain no markup (no template, link, signature or end of heading).
			sectionTitle: encodeText( heading ),
			text: entryText( id ),
			entryId: id,
			loggedIn: !anonymous,
			// So that MediaWiki's redirect after creating a temporary account brings the reader
			// back to the section they were reading, not to the talk page.
			returnTo: named ? undefined :
				{ title: request.viewedTitle, anchor: request.sectionAnchor },
		};
		const answer = captcha ? { id: captcha.id, word: captcha.word() } : undefined;
		const attemptMayExist = mayExist;
		// Until the wiki answers, a reload must check the talk page before posting again.
		mayExist = true;
		persist();
		setBusy( true, true );
		showStatus( blockMessage( 'notice', [ msg( 'ldwg-form-saving' ) ] ) );
		announce( msg( 'ldwg-form-saving' ) );
		const outcome = await saveEntry( deps.transport, plan,
			{ mayExist: attemptMayExist, captcha: answer } );
		// A refusal after the talk page was checked is certain: the fields can change again.
		mayExist = !outcome.ok && outcome.mayExist;
		setBusy( false );
		// Where MediaWiki wants the reader to go after creating a temporary account: the
		// central login that attaches the new account, then back to `returnTo`. DiscussionTools
		// does the same after a reply: it clears its stored draft, then sets
		// `window.location = data.tempusercreatedredirect || …`.
		const redirect = outcome.ok ?
			followableUrl( outcome.saved.tempUserRedirect, window.location.href ) : null;
		if ( outcome.ok ) {
			// The success state is stored before leaving the page: the draft is cleared, so
			// nothing can post the entry again after the redirect. The fields were locked
			// since the attempt, so the stance counted is the one published.
			clearDraft( key );
			storeChoices( { region: values.region, language: values.language } );
			if ( !closed ) {
				showSaved( outcome.saved.title, id, outcome.saved.tempUserCreated === true );
			}
			// Also when the reader closed the form while it was publishing: the section's
			// counts and its notice with the link still tell them it was published.
			request.onSaved( { entryId: id, talkTitle: outcome.saved.title,
				anchor: entryAnchor( id ), sectionId: request.sectionId, stance: values.stance ?? '' } );
			if ( redirect ) {
				// Saved: a new temporary account still needs attaching.
				deps.navigate( redirect );
			}
			return;
		}
		persist();
		if ( closed ) {
			// Closed while saving: the draft (with its id) stays for the next opening.
			return;
		}
		showFailure( outcome.failure, () => {
			save().catch( () => undefined );
		} );
	};

	const preview = async (): Promise<void> => {
		if ( busy || closed || done ) {
			return;
		}
		submitted = true;
		if ( !checkValues() ) {
			return;
		}
		setBusy( true );
		showStatus( null );
		const text = entryText( newId() );
		try {
			const html = await previewEntry( deps.transport, place.talkTitle, text );
			if ( closed || entryText( newId() ) !== text ) {
				// The reader changed something meanwhile: this is no longer their entry.
				return;
			}
			view.preview.textContent = '';
			// The wiki's HTML, rebuilt from an allowlist (wiki-html.ts), never assigned as HTML.
			// In the talk page's language and direction (the wiki's), as it will be published,
			// not in the dialog's (an Arabic dialog would reorder an English entry's parts).
			const language = String( mw.config.get( 'wgContentLanguage' ) || 'en' );
			const contentDir = languageDir( language );
			const content = el( 'div', { class: `ldwg-form-preview-content mw-content-${ contentDir }`,
				lang: language, dir: contentDir },
			[ wikiHtmlFragment( html, document,
				{ imageHosts: uploadHosts( mw.config.get( 'wgUploadPath' ), location.href ) } ) ] );
			view.preview.appendChild( el( 'h3', {}, [ msg( 'ldwg-form-preview-heading' ) ] ) );
			view.preview.appendChild( content );
			view.preview.hidden = false;
			announce( msg( 'ldwg-form-preview-ready' ) );
		} catch {
			showStatus( blockMessage( 'error', [ msg( 'ldwg-form-preview-error' ) ] ) );
			announce( msg( 'ldwg-form-preview-error' ) );
		} finally {
			setBusy( false );
			if ( document.activeElement === view.status && !view.status.firstChild ) {
				// Focus left the preview button while it was disabled (keepFocus): to the
				// preview, so that it is read and Tab goes on from there; or back to the button.
				( view.preview.hidden ? view.previewButton : view.preview ).focus();
			}
		}
		persist();
	};

	const onChange = ( event: Event ): void => {
		values = readValues( view, settings );
		updateDependentFields( view, settings, values );
		if ( event.target === view.region || event.target === view.language ) {
			storeChoices( { region: values.region, language: values.language } );
		}
		// The preview shows what was, not what is: hide it once the reader changes something.
		view.preview.hidden = true;
		if ( submitted ) {
			showErrors( view, validate( settings, values ) );
		}
		persist();
	};

	view.form.addEventListener( 'input', onChange );
	view.form.addEventListener( 'change', onChange );
	view.form.addEventListener( 'submit', ( event ) => {
		event.preventDefault();
		save().catch( () => undefined );
	} );
	view.previewButton.addEventListener( 'click', () => {
		preview().catch( () => undefined );
	} );
	view.closeButton.addEventListener( 'click', close );
	view.cancelButton.addEventListener( 'click', close );
	view.root.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Escape' ) {
			event.preventDefault();
			event.stopPropagation();
			close();
		} else if ( event.key === 'Tab' ) {
			// Keep focus inside the modal dialog: wrap around at both ends.
			const items = tabbables( view );
			const first = items[ 0 ];
			const last = items[ items.length - 1 ];
			if ( event.shiftKey && document.activeElement === first && last ) {
				event.preventDefault();
				last.focus();
			} else if ( !event.shiftKey && document.activeElement === last && first ) {
				event.preventDefault();
				first.focus();
			}
		}
	} );

	if ( anonymous ) {
		showAnonNotice( view.anonNotice, deps.transport, place.talkTitle, request.viewedTitle )
			.catch( () => undefined );
	}

	document.body.appendChild( view.root );
	release = isolate( view.root );
	guardOpeningTap( view.root, request.returnFocus );
	if ( mayExist ) {
		// An earlier attempt (before a reload, or before the form was closed) may have been
		// published: the text stays as it was sent until "Publish" has checked.
		lockFields( true );
		showStatus( blockMessage( 'warning', [ msg( 'ldwg-form-uncertain' ) ] ) );
		view.status.focus();
	} else {
		const firstStance = view.stanceInputs.find( ( i ) => i.checked ) ?? view.stanceInputs[ 0 ];
		( firstStance ?? view.comment ).focus();
	}
	return { close };
}

/** Creates the API the module hands out on the `ldwg.form.api` hook. */
export function createFormApi( deps: ControllerDeps ): FormApi {
	let current: OpenForm | null = null;
	return {
		open( request ) {
			current?.close();
			const form = openForm( request, deps, () => {
				if ( current === form ) {
					current = null;
				}
			} );
			current = form;
		},
		close() {
			current?.close();
		},
	};
}
