/**
 * Which page the reader is on, as far as the eager glossary module cares: a draft, a translation
 * of a draft, a page in a configured category, or none of these (then the module does nothing
 * at all: no request, no change to the page). Special:Translate is the Translate editor
 * helper's page, a gadget of its own (gadget/translate/).
 *
 * @packageDocumentation
 */
import type { GlossarySettings } from './settings.ts';

/** What the glossary does on the current page. */
export type PageScope =
	| { kind: 'none' }
	| {
		kind: 'content';
		/** Title of the source page (the draft itself for `/xx` translations). */
		sourceTitle: string;
		/** Language code of the `/xx` subpage, or `null` on a source or category page. */
		translationLanguage: string | null;
		/** Id of the draft (for "discuss this term"), `null` on category pages. */
		draftId: string | null;
	};

/** The page facts scope depends on (from `mw.config`). */
export interface PageFacts {
	/** `wgPageName` (underscores allowed). */
	pageName: string;
	/** `wgAction`. */
	action: string;
	/** `wgCategories`. */
	categories: string[];
	/** `wgPageContentLanguage`. */
	contentLanguage: string;
}

const LANGUAGE_SUBPAGE = /^(.+)\/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/;

/** Decides what the glossary does on the page described by `facts`. */
export function pageScope( facts: PageFacts, settings: GlossarySettings ): PageScope {
	if ( facts.action !== 'view' ) {
		return { kind: 'none' };
	}
	const title = facts.pageName.replace( /_/g, ' ' );
	const titles = settings.draftTitles;
	const direct = titles.indexOf( title );
	const sub = LANGUAGE_SUBPAGE.exec( title );
	// Only a subpage whose content language is its suffix is a translation (`Draft/fr` in
	// French); other subpages of a draft (`Draft/archive`) are not. A draft's own title wins.
	const translated = direct === -1 && sub && sub[ 2 ] === facts.contentLanguage.toLowerCase() ?
		sub : null;
	const index = translated ? titles.indexOf( translated[ 1 ] as string ) : direct;
	const categories = facts.categories.map( ( c ) => c.replace( /_/g, ' ' ) );
	if ( index === -1 && !settings.categories.some( ( c ) => categories.includes( c ) ) ) {
		return { kind: 'none' };
	}
	return {
		kind: 'content',
		sourceTitle: translated ? translated[ 1 ] as string : title,
		translationLanguage: translated ? translated[ 2 ] as string : null,
		// A page in a configured category belongs to no draft.
		draftId: index === -1 ? null : settings.draftIds[ index ] || null,
	};
}
