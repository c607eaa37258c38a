/**
 * The few fields of the site configuration the eager module reads, checked field by field.
 *
 * Why not `parseConfig` here: the eager module is loaded with every draft page view, and the full
 * configuration schema (with the validation toolkit and its messages) is bigger than the rest of
 * the module together; the issue caps what a page view loads at 8,000 gzip bytes. The full
 * validation still runs where it matters: the deploy command refuses an invalid configuration,
 * and the form validates it with `parseConfig` before it writes anything. This reader checks
 * every value it uses and, like `parseConfig`, rejects the whole document on any problem in
 * them. test/unit/gadget-core/config-lite.test.ts keeps both readers in agreement.
 *
 * @packageDocumentation
 */
import type { DraftConfig, StanceConfig } from '../../shared/contracts/config.ts';

/** A configured draft, as far as the eager module needs it. */
export type EagerDraft = Pick<DraftConfig, 'id' | 'title' | 'sourceLanguage' | 'sections'>;

/** The part of the configuration the eager module reads. */
export interface EagerConfig {
	/** Drafts open for feedback. */
	drafts: EagerDraft[];
	/** Languages of the consultation (which `/xx` subpages are translations). */
	languages: string[];
	/** Stances, in display order (for the counts). */
	stances: Pick<StanceConfig, 'id' | 'label'>[];
	/** The summary page (wikitext), where each section's entries are listed. */
	summaryPage: string;
	/** The bot's summary JSON page. */
	summaryJson: string;
	/** Operator contact, for the `Api-User-Agent` header. */
	contact: string;
}

/**
 * Stances when the configuration lists none; equal to `DEFAULT_STANCES` of the contract (a unit
 * test checks it), repeated here so the contract's schemas stay out of the eager bundle.
 */
export const DEFAULT_STANCES: readonly Pick<StanceConfig, 'id' | 'label'>[] = [
	{ id: 'support', label: 'Support' },
	{ id: 'support-with-changes', label: 'Support with changes' },
	{ id: 'oppose', label: 'Oppose' },
	{ id: 'neutral', label: 'Neutral or unsure' },
];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

type Doc = Record<string, unknown>;

/** Signals a problem; caught by {@link readEagerConfig}. */
function bad(): never {
	throw new Error( 'configuration' );
}

function obj( value: unknown ): Doc {
	return typeof value === 'object' && value !== null && !Array.isArray( value ) ? value as Doc : bad();
}

function list( value: unknown ): unknown[] {
	return Array.isArray( value ) ? value : bad();
}

function text( value: unknown, pattern?: RegExp ): string {
	return typeof value === 'string' && value.trim() !== '' && ( !pattern || pattern.test( value ) ) ?
		value : bad();
}

/**
 * Normalises a title for comparison with `wgPageName`: underscores and runs of spaces become one
 * space and the first letter is upper-case. Namespace prefixes are left as written: configured
 * titles use canonical namespaces (the contract normalises them so).
 */
export function normalizeTitle( title: string ): string {
	const spaced = title.replace( /[_\s]+/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

function labelled( value: unknown ): { id: string; label: string } {
	const item = obj( value );
	return { id: text( item.id, ID ), label: text( item.label ) };
}

/**
 * Reads the configuration document (parsed, as ResourceLoader hands over a JSON package file),
 * or returns `null` when a field the eager module uses is missing or malformed.
 */
export function readEagerConfig( document: unknown ): EagerConfig | null {
	try {
		const doc = obj( document );
		if ( doc.version !== 1 ) {
			bad();
		}
		const pages = obj( doc.pages );
		return {
			drafts: list( doc.drafts ).map( ( value ) => {
				const draft = obj( value );
				const sections = list( draft.sections ).map( labelled );
				return {
					id: text( draft.id, ID ),
					title: normalizeTitle( text( draft.title ) ),
					sourceLanguage: draft.sourceLanguage === undefined ? 'en' : text( draft.sourceLanguage, LANGUAGE ),
					sections: sections.length ? sections : bad(),
				};
			} ),
			languages: list( doc.languages ).map( ( l ) => text( l, LANGUAGE ) ),
			stances: doc.stances === undefined ?
				DEFAULT_STANCES.slice() :
				list( doc.stances ).map( labelled ),
			summaryPage: normalizeTitle( text( pages.summary ) ),
			summaryJson: normalizeTitle( text( pages.summaryJson ) ),
			contact: text( obj( doc.operator ).contact ),
		};
	} catch {
		return null;
	}
}

/** Where a page title sits among the configured drafts (as `findDraftByTitle` of the contract). */
export interface EagerDraftMatch {
	/** The draft. */
	draft: EagerDraft;
	/** The draft's source language or the translation's code. */
	language: string;
	/** Whether the title is a `/xx` translation subpage. */
	isTranslation: boolean;
}

/**
 * Finds the draft a page belongs to: the source page, or a `<title>/<language>` subpage for a
 * configured language; `null` for any other page.
 */
export function findDraft( config: EagerConfig, title: string ): EagerDraftMatch | null {
	const normal = normalizeTitle( title );
	for ( const draft of config.drafts ) {
		if ( normal === draft.title ) {
			return { draft, language: draft.sourceLanguage, isTranslation: false };
		}
		const code = normal.slice( draft.title.length + 1 );
		if ( normal.startsWith( `${ draft.title }/` ) && config.languages.includes( code ) ) {
			return { draft, language: code, isTranslation: code !== draft.sourceLanguage };
		}
	}
	return null;
}
