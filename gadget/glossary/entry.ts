/**
 * Eager glossary module (`ext.gadget.ldwg-glossary`, a default gadget that logged-in readers can
 * switch off in Special:Preferences): marks glossary terms in the content of configured pages and
 * opens the popup module on demand. On every other page it stops at once: no request, no change.
 *
 * @packageDocumentation
 */
import './glossary.css';
import { termMatcherSteps } from '../../shared/glossary/matcher.ts';
import { loadBase } from '../base/require.ts';
import { pageScope } from './scope.ts';
import { isHighlightingOff, OPT_OUT_HOOK, type OptOutActions } from './opt-out.ts';
import { termIndexLoader, fetchRaw } from './term-indexes.ts';
import { languagesIn } from './text-language.ts';
import { markTerms, type TextMatcher } from './mark.ts';
import { runSteps } from './slicing.ts';
import { installInteraction } from './interaction.ts';
import { loadPopup } from './popup-loader.ts';
import type { PopupApi, PopupContext } from '../popup/api.ts';

/**
 * The popup module's opt-out actions. Both callers run from the popup's own controls, so the
 * module is loaded and this settles at once; a listener left from an earlier call only resolves
 * its own, settled promise again.
 */
function optOut( popup: () => Promise<PopupApi> ): Promise<OptOutActions> {
	return popup().then( () => new Promise<OptOutActions>( ( resolve ) => {
		mw.hook( OPT_OUT_HOOK ).add( resolve );
	} ) );
}

function main(): void {
	// Configuration and glossary settings come from the shared hidden module (a dependency).
	const base = loadBase();
	if ( !base ) {
		return;
	}
	const { config, glossary: settings } = base;
	// A load that failed (offline) leaves the page as it is: nothing waits on it, and the next
	// term, panel or switch loads again. ResourceLoader cannot show a notice offline either.
	const popup = (): Promise<PopupApi> => new Promise( ( resolve ) => {
		loadPopup( base.loadModule ).then( resolve, () => undefined );
	} );
	const scope = pageScope( {
		pageName: mw.config.get( 'wgPageName' ),
		action: mw.config.get( 'wgAction' ),
		categories: mw.config.get( 'wgCategories' ) || [],
		contentLanguage: mw.config.get( 'wgPageContentLanguage' ),
	}, settings );
	if ( scope.kind === 'none' ) {
		return;
	}
	const pageLanguage = mw.config.get( 'wgPageContentLanguage' ).toLowerCase();
	const marked: Element[] = [];
	const context: PopupContext = {
		settings,
		config,
		viewedTitle: mw.config.get( 'wgPageName' ).replace( /_/g, ' ' ),
		sourceTitle: scope.sourceTitle,
		translationLanguage: scope.translationLanguage,
		draftId: scope.draftId,
		pageLanguage,
		userLanguage: mw.config.get( 'wgUserLanguage' ),
		loadModule: base.loadModule,
		switchOff(): void {
			optOut( popup ).then( ( actions ) => {
				actions.save();
				for ( const root of marked ) {
					actions.unmark( root );
				}
				marked.length = 0;
				return popup();
			} ).then( ( api ) => api.offerSwitchOn( switchOn, true ) );
		},
	};

	const indexFor = termIndexLoader( settings.termsPrefix, fetchRaw );
	let queue: Promise<void> = Promise.resolve();
	let panelShown = false;

	// Built once per language and page view (wikipage.content fires again with live preview),
	// in slices: a large glossary takes tens of milliseconds to build.
	const built = new Map<string, Promise<TextMatcher | null>>();
	const matcherOf = ( language: string ): Promise<TextMatcher | null> => {
		let matcher = built.get( language );
		if ( !matcher ) {
			matcher = indexFor( language ).then( ( index ) => index && index.terms.length ?
				runSteps( termMatcherSteps( index, language ) ) : null );
			built.set( language, matcher );
		}
		return matcher;
	};

	const markRoot = async ( root: HTMLElement ): Promise<void> => {
		const matchers = new Map<string, TextMatcher | null>();
		await Promise.all( languagesIn( root, pageLanguage ).map( async ( language ) => {
			matchers.set( language, await matcherOf( language ) );
		} ) );
		// The reader may switch highlighting off while this run waits or marks.
		if ( [ ...matchers.values() ].some( Boolean ) && !isHighlightingOff() ) {
			await markTerms( root, {
				matcherFor: ( language ) => matchers.get( language ) || null,
				defaultLanguage: pageLanguage,
				markAll: settings.markAll,
			} );
			if ( isHighlightingOff() ) {
				optOut( popup ).then( ( actions ) => actions.unmark( root ) );
			} else {
				marked.push( root );
			}
		}
		// Translators are logged in on Meta; readers of a translation get no panel.
		if ( scope.translationLanguage && !panelShown && !mw.user.isAnon() ) {
			panelShown = true;
			popup().then( ( api ) => api.showTranslatorPanel( root, context ) );
		}
	};

	const onContent = ( $content: JQuery ): void => {
		const root: HTMLElement | undefined = $content[ 0 ];
		if ( !root || isHighlightingOff() ) {
			return;
		}
		// One run at a time, so two overlapping runs never both mark a section's first term.
		queue = queue.then( () => markRoot( root ) ).catch( ( error: unknown ) => {
			mw.log.warn( '[ldwg-glossary] marking failed', error );
		} );
	};

	function switchOn(): void {
		optOut( popup ).then( ( actions ) => {
			// Cleared first: marking checks the opt-out.
			actions.clear();
			onContent( $( '#mw-content-text' ) );
		} );
	}

	if ( isHighlightingOff() ) {
		// Nothing is fetched; only the way back is offered, once the page is idle.
		mw.requestIdleCallback( () => {
			popup().then( ( api ) => api.offerSwitchOn( switchOn, false ) );
		} );
	}
	installInteraction( document, ( term, reason ) => {
		// Where focus is now: the popup does not pull it from where the reader went meanwhile.
		const focused = document.activeElement;
		popup().then( ( api ) => api.open( term, reason, context, focused ) );
	} );
	mw.hook( 'wikipage.content' ).add( onContent );
}

main();
