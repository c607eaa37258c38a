/**
 * The eager module's work on a page view: decide whether this is a draft page view, and if so
 * add a feedback button (and the section's counts) at every section marker, on every
 * `wikipage.content`, never adding anything twice.
 *
 * On any other page it returns before requesting or changing anything. On a draft page it makes
 * one request (the summary JSON, with the reader's translations when not English; see
 * translations.ts), however often `wikipage.content` fires.
 *
 * @packageDocumentation
 */
import { FORM_LOAD_LIMIT_MS, type ModuleLoader } from '../base/api.ts';
import { FORM_API_HOOK, type FormApi, type FormSaveResult } from '../form/api.ts';
import { readEagerConfig } from './config-lite.ts';
import { countsView } from './counts.ts';
import { MARKER_CLASS, headingAnchor, headingLabel, noJsLinks, sectionHeading } from './section.ts';
import { readSectionCounts, type SectionCounts } from './summary-lite.ts';
import { findTarget, mayBeTarget, type PageFacts } from './target.ts';
import { loadWithTranslations } from './translations.ts';
import { uiLanguage } from './ui-language.ts';
import { createWidget, SAVED_NOTICE_HOOK, type SavedNotice, type SectionWidget } from './widget.ts';

/** ResourceLoader name of the lazy form module. */
export const FORM_MODULE = 'ext.gadget.ldwg-form';
// How long a click waits for the form module before the reader is told it could not be loaded
// (a failed request is reported at once; this is for one that stalls); shared with the popup.
export { FORM_LOAD_LIMIT_MS } from '../base/api.ts';
/** Attribute set on a marker once its widget exists: what makes re-runs idempotent. */
export const MOUNTED_ATTRIBUTE = 'data-ldwg-mounted';
const MARKER = `.${ MARKER_CLASS }[data-ldwg-section]`;

/** The facts about this page view, from `mw.config` and the URL. */
export function readPageFacts(): PageFacts {
	const config = mw.config;
	return {
		pageName: config.get( 'wgPageName' ) || '',
		namespace: Number( config.get( 'wgNamespaceNumber' ) ),
		action: config.get( 'wgAction' ) || '',
		revisionId: Number( config.get( 'wgRevisionId' ) ) || 0,
		isArticle: config.get( 'wgIsArticle' ) === true,
		isDiff: /[?&]diff=/.test( location.search ) ||
			!!config.get( 'wgDiffNewId' ) || !!config.get( 'wgDiffOldId' ),
		pageLanguage: config.get( 'wgPageContentLanguage' ) || '',
	};
}

/** A message's plain text; the keys are documented in i18n/qqq.json. */
function text( key: string, ...params: string[] ): string {
	// Keys: ldwg-gadget-feedback-button, ldwg-gadget-feedback-button-label,
	// ldwg-gadget-feedback-loading, ldwg-gadget-form-load-error, ldwg-gadget-counts-entries,
	// ldwg-gadget-counts-stance, and ldwg-stance-<id> (configured stance ids, see
	// labelMessageKey in the contract). The saved notice's are the form's (saved-notice.ts).

	const message = mw.message( key, ...params );
	return message.text();
}

function formatNumber( n: number ): string {
	// mediawiki.language is loaded only for readers of other languages (translations.ts).
	const language: Partial<typeof mw.language> | undefined = mw.language;
	return String( language && language.convertNumber ? language.convertNumber( n ) : n );
}

/** Direction of the page's content (a translation may be right-to-left in a left-to-right UI). */
function contentDir(): 'ltr' | 'rtl' {
	const content = document.getElementById( 'mw-content-text' );
	// MediaWiki 1.39 marks #mw-content-text, current versions its first .mw-parser-output. An
	// element further in (a quote in Arabic on the English draft) says nothing about the page.
	const output = content && content.querySelector<HTMLElement>( '.mw-parser-output' );
	return content && ( content.dir === 'rtl' || output && output.dir === 'rtl' ) ? 'rtl' : 'ltr';
}

/**
 * Loads the form module and the reader's translations of its texts (in parallel, so a reader of
 * another language waits for one round trip, not two), and resolves with the API the form
 * publishes on {@link FORM_API_HOOK}.
 */
function loadForm( agent: string, loadModule: ModuleLoader ): Promise<FormApi> {
	const loading = Promise.all( [
		loadModule( FORM_MODULE, FORM_LOAD_LIMIT_MS ),
		// The page view's part is loaded already (the buttons waited for it), unless its request
		// failed: then it is tried again with the dialogs' part.
		loadWithTranslations( [], agent, [ 'page', 'dialogs' ] ),
	] );
	// The form fires the hook once when it loads; mw.hook replays it to late listeners, and a
	// listener left from an earlier click only resolves its own, settled promise again.
	return loading.then( () => new Promise<FormApi>( ( resolve ) => {
		mw.hook( FORM_API_HOOK ).add( resolve );
	} ) );
}

/** What {@link start} returns on a draft page view (tests wait on it). */
export interface Started {
	/** Settles when the summary request has been answered (or failed) and counts are shown. */
	loaded: Promise<void>;
}

/**
 * Runs the eager module. Returns `null`, having requested and changed nothing, unless this page
 * view is a configured draft or translation.
 *
 * @param loadConfig Returns the site configuration document (the `ldwg-config.json` package
 *   file); called only on page views that may be targets.
 * @param loadModule Loads the form module (the shared base module's loader).
 */
export function start( loadConfig: () => unknown, loadModule: ModuleLoader ): Started | null {
	const facts = readPageFacts();
	if ( !mayBeTarget( facts ) ) {
		return null;
	}
	const rawConfig = loadConfig();
	const config = readEagerConfig( rawConfig );
	const target = config && findTarget( config, facts );
	if ( !config || !target ) {
		return null;
	}
	const draft = target.draft;
	const agent = `ldwg-tools/${ typeof LDWG_VERSION === 'undefined' ? 'dev' : LDWG_VERSION } (${ config.contact }) ldwg-gadget`;
	const widgets: { sectionId: string; widget: SectionWidget }[] = [];
	// Stance ids of the entries saved on this page view, per section. Without a prototype: a
	// section id may be `constructor`, which a plain object already "has".
	const saved: Record<string, string[]> = Object.create( null );
	let figures: Map<string, SectionCounts> | null = null;

	const stanceLabel = ( stance: { id: string; label: string } ): string => {

		const message = mw.message( `ldwg-stance-${ stance.id }` );
		return message.exists() ? message.text() : stance.label;
	};
	const render = ( sectionId: string, widget: SectionWidget ): void => {
		widget.setCounts(
			countsView(
				figures && figures.get( sectionId ),
				config.stances,
				stanceLabel,
				saved[ sectionId ],
			),
			mw.util.getUrl( config.summaryPage ),
		);
	};
	const onSaved = ( widget: SectionWidget, sectionId: string, result: FormSaveResult ): void => {
		( saved[ sectionId ] = saved[ sectionId ] || [] ).push( result.stance );
		widgets
			.filter( ( w ) => w.sectionId === sectionId )
			.forEach( ( w ) => render( sectionId, w.widget ) );
		// The form module, which is calling, has handed out the notice when it loaded.
		mw.hook( SAVED_NOTICE_HOOK ).add( ( notice: SavedNotice ) => {
			widget.showStatus( notice( result ) );
		} );
	};
	const open = (
		widget: SectionWidget, sectionId: string, sectionLabel: string, sectionAnchor: string,
	): void => {
		widget.setBusy( true );
		loadForm( agent, loadModule ).then( ( api ) => {
			widget.setBusy( false );
			api.open( {
				sectionId,
				draftId: draft.id,
				sectionLabel,
				// Back here after MediaWiki's redirect for a new temporary account.
				sectionAnchor: sectionAnchor || undefined,
				viewedTitle: target.viewedTitle,
				sourceTitle: target.sourceTitle,
				revisionId: target.revisionId,
				pageLanguage: target.language,
				pageDir: contentDir(),
				returnFocus: widget.button,
				config: rawConfig,
				onSaved: ( result ) => onSaved( widget, sectionId, result ),
			} );
		}, () => {
			widget.setBusy( false );
			widget.showStatus( [ text( 'ldwg-gadget-form-load-error' ) ], true );
		} );
	};
	const scan = ( root: HTMLElement ): void => {
		const content = document.getElementById( 'mw-content-text' );
		const markers = Array.from( root.querySelectorAll( MARKER ) );
		// Read when the buttons are made: after the translations were loaded (or not).
		const ui = uiLanguage();
		if ( root.matches( MARKER ) ) {
			markers.push( root );
		}
		for ( const marker of markers ) {
			const sectionId = marker.getAttribute( 'data-ldwg-section' ) || '';
			const section = draft.sections.find( ( s ) => s.id === sectionId );
			// Only the article's own markers of configured sections, each once.
			if ( !section || !content || !content.contains( marker ) ||
				marker.hasAttribute( MOUNTED_ATTRIBUTE ) ) {
				continue;
			}
			const scope = marker.closest( '.mw-parser-output' ) || content;
			const heading = sectionHeading( marker, scope );
			const sectionLabel = ( heading && headingLabel( heading ) ) || section.label;
			const sectionAnchor = heading ? headingAnchor( heading ) : '';
			const widget: SectionWidget = createWidget( {
				sectionId,
				sectionLabel,
				// No object spread: ES2017 output would carry esbuild's 200-byte helper for it.
				lang: ui.lang,
				dir: ui.dir,
				text,
				formatNumber,
				onActivate: () => open( widget, sectionId, sectionLabel, sectionAnchor ),
			} );
			marker.setAttribute( MOUNTED_ATTRIBUTE, '' );
			marker.after( widget.element );
			noJsLinks( marker, scope ).forEach( ( link ) => link.classList.add( 'ldwg-section-nojs-replaced' ) );
			widgets.push( { sectionId, widget } );
			render( sectionId, widget );
		}
	};

	// One request per page view, however often wikipage.content fires.
	const loaded = loadWithTranslations( [ config.summaryJson ], agent ).then( ( texts ) => {
		const json = texts.get( config.summaryJson );
		figures = json === undefined ? null : readSectionCounts( json, draft.id );
		if ( json !== undefined && !figures ) {
			mw.log.warn( '[ldwg] summary JSON ignored: not a valid summary document' );
		}
		widgets.forEach( ( w ) => render( w.sectionId, w.widget ) );
	} );
	// English readers get their buttons at once; others wait for their translations (same
	// request), so that no English text flashes.
	const ready = mw.config.get( 'wgUserLanguage' ) === 'en' ? Promise.resolve() : loaded;
	mw.hook( 'wikipage.content' ).add( ( $content: JQuery ) => {
		const root: HTMLElement | undefined = $content[ 0 ];
		if ( root ) {
			ready.then( () => scan( root ) );
		}
	} );
	return { loaded };
}
