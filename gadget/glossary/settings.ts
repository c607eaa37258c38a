/**
 * What term marking needs from the site configuration (`ldwg-config.json`, the site document of
 * shared/contracts/config.ts), read leniently: marking is an enhancement, so a missing or partly
 * broken configuration means "mark nothing", never an error in readers' consoles. The full
 * `parseConfig` validator is not used here because it would more than double the size of the
 * module every reader of a draft loads; the feedback form validates the same document fully.
 *
 * @packageDocumentation
 */

/** Glossary-related settings with their defaults filled in. */
export interface GlossarySettings {
	/** Source titles of the drafts (spaces, not underscores); their `/xx` subpages count too. */
	draftTitles: string[];
	/** Ids of the drafts, parallel to {@link draftTitles} (for "discuss this term"). */
	draftIds: string[];
	/** Categories (without namespace) whose pages are marked as well. */
	categories: string[];
	/** Mark every occurrence instead of the first per concept and section. */
	markAll: boolean;
	/** Title of the source glossary page (`Glossary`); its translations are `Glossary/xx`. */
	glossaryPage: string;
	/** Title of the compiled glossary JSON page. */
	compiledTitle: string;
	/** Prefix of the per-language term index pages (`…/glossary-terms/` + `fr.json`). */
	termsPrefix: string;
}

function asRecord( value: unknown ): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value ) ?
		value as Record<string, unknown> : {};
}

function asString( value: unknown, fallback: string ): string {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function asStrings( value: unknown ): string[] {
	return Array.isArray( value ) ?
		value.filter( ( v ): v is string => typeof v === 'string' && v.trim() !== '' ) : [];
}

/** Title as MediaWiki shows it in `wgPageName` minus underscores, without a `Category:` prefix. */
function plainTitle( title: string ): string {
	return title.replace( /_/g, ' ' ).replace( /^\s*category\s*:\s*/i, '' ).trim();
}

/**
 * Reads the glossary settings from the raw site configuration document: `glossary.categories`,
 * `glossary.markAll`, `pages.glossary`, `pages.glossaryJson`, `pages.glossaryTermsPrefix` and
 * `drafts[].{ id, title }`. Missing or broken page titles are where the bot publishes by default
 * (shared/contracts/glossary.ts).
 */
export function readGlossarySettings( raw: unknown ): GlossarySettings {
	const config = asRecord( raw );
	const glossary = asRecord( config.glossary );
	const pages = asRecord( config.pages );
	const withTitles = ( Array.isArray( config.drafts ) ? config.drafts.map( asRecord ) : [] )
		.filter( ( d ) => typeof d.title === 'string' && d.title !== '' );
	return {
		draftTitles: withTitles.map( ( d ) => plainTitle( d.title as string ) ),
		draftIds: withTitles.map( ( d ) => asString( d.id, '' ) ),
		categories: asStrings( glossary.categories ).map( plainTitle ),
		markAll: glossary.markAll === true,
		glossaryPage: plainTitle(
			asString( pages.glossary, 'Leadership Development Working Group/Glossary' ) ),
		compiledTitle: asString( pages.glossaryJson, 'User:LDWG-bot/glossary.json' ),
		// A prefix keeps its final slash or space (`…/glossary-terms/`): no trim here.
		termsPrefix: typeof pages.glossaryTermsPrefix === 'string' && pages.glossaryTermsPrefix ?
			pages.glossaryTermsPrefix : 'User:LDWG-bot/glossary-terms/',
	};
}
