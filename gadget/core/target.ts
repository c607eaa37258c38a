/**
 * Which page views the eager module works on: a configured draft or one of its `/xx`
 * translations, read (action `view`, not a diff, an existing revision). Pure, so the decision is
 * unit-tested without a browser; entry glue reads the facts from `mw.config`.
 *
 * Meta's Gadgets extension already limits loading with the definition's conditions (namespaces,
 * categories, actions), but the local 1.39 wiki ignores them and a page can be put in the
 * tracking category by anyone, so the code decides again, before it requests or changes anything.
 *
 * @packageDocumentation
 */
import { findDraft, type EagerConfig, type EagerDraft } from './config-lite.ts';

/** What a page view says about itself (from `mw.config` and the URL). */
export interface PageFacts {
	/** `wgPageName`, e.g. `Leadership_Development_Working_Group/Plan/ar`. */
	pageName: string;
	/** `wgNamespaceNumber`; negative for special pages. */
	namespace: number;
	/** `wgAction`. */
	action: string;
	/** `wgRevisionId`: the revision shown; 0 for a missing page. */
	revisionId: number;
	/** `wgIsArticle`: false on history, special and similar views. */
	isArticle: boolean;
	/** Whether a diff is shown above the content (`wgDiffOldId`/`wgDiffNewId`, `diff=`). */
	isDiff: boolean;
	/** `wgPageContentLanguage`. */
	pageLanguage: string;
}

/** A page view the eager module works on. */
export interface Target {
	/** The configured draft. */
	draft: EagerDraft;
	/** Title of the page being read, with spaces (`Draft/ar`). */
	viewedTitle: string;
	/** Title of the source draft (feedback goes to its talk page). */
	sourceTitle: string;
	/** Language of the page being read. */
	language: string;
	/** Whether the page is a `/xx` translation. */
	isTranslation: boolean;
	/** Revision being read. */
	revisionId: number;
}

/**
 * Cheap first check, before the configuration is even parsed: only reading views of an existing
 * revision, without a diff, can be targets.
 */
export function mayBeTarget( page: PageFacts ): boolean {
	return page.action === 'view' &&
		page.isArticle &&
		!page.isDiff &&
		page.namespace >= 0 &&
		Number.isInteger( page.revisionId ) &&
		page.revisionId > 0;
}

/** The draft this page view works on, or `null` when the eager module must do nothing. */
export function findTarget( config: EagerConfig, page: PageFacts ): Target | null {
	if ( !mayBeTarget( page ) ) {
		return null;
	}
	const match = findDraft( config, page.pageName );
	if ( !match ) {
		return null;
	}
	return {
		draft: match.draft,
		viewedTitle: page.pageName.replace( /_/g, ' ' ),
		sourceTitle: match.draft.title,
		// The page language is what the reader reads (Translate sets it on Meta); the subpage
		// code is the fallback for a wiki that does not record page languages.
		language: page.pageLanguage || match.language,
		isTranslation: match.isTranslation,
		revisionId: page.revisionId,
	};
}
