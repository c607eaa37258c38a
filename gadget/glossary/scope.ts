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
	const direct = settings.draftTitles.indexOf( title );
	if ( direct !== -1 ) {
		return {
			kind: 'content',
			sourceTitle: title,
			translationLanguage: null,
			draftId: settings.draftIds[ direct ] || null,
		};
	}
	const sub = LANGUAGE_SUBPAGE.exec( title );
	if ( sub ) {
		const index = settings.draftTitles.indexOf( sub[ 1 ] as string );
		// Only a subpage whose content language is its suffix is a translation (`Draft/fr` in
		// French); other subpages of a draft (`Draft/archive`) are not.
		if ( index !== -1 && sub[ 2 ] === facts.contentLanguage.toLowerCase() ) {
			return {
				kind: 'content',
				sourceTitle: sub[ 1 ] as string,
				translationLanguage: sub[ 2 ] as string,
				draftId: settings.draftIds[ index ] || null,
			};
		}
	}
	const categories = facts.categories.map( ( c ) => c.replace( /_/g, ' ' ) );
	if ( settings.categories.some( ( c ) => categories.includes( c ) ) ) {
		const translated = sub && sub[ 2 ] === facts.contentLanguage.toLowerCase();
		return {
			kind: 'content',
			sourceTitle: translated ? sub[ 1 ] as string : title,
			translationLanguage: translated ? sub[ 2 ] as string : null,
			draftId: null,
		};
	}
	return { kind: 'none' };
}
