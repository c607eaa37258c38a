/**
 * Data contracts of the glossary: the compiled glossary the bot publishes as
 * `User:LDWG-bot/glossary.json` (everything a popup or a translator panel shows) and the small
 * per-language term index `User:LDWG-bot/glossary-terms/<lang>.json` (only what marking needs,
 * so that pages load no definitions until someone opens a popup).
 *
 * Both documents come from human-edited wiki pages through the bot, and the gadget fetches them
 * from the wiki: readers treat them as untrusted and validate them before use. The validators
 * report every problem and never throw.
 *
 * @packageDocumentation
 */
import {
	array,
	bool,
	object,
	oneOf,
	optional,
	parseJson,
	pathKey,
	record,
	refine,
	str,
	validate,
	type Result,
	type Schema,
} from '../validate.ts';
import { identifier, isoTimestamp, languageCode, versioned } from './common.ts';

/** Kinds of concept the working group's taxonomy distinguishes. */
export const CONCEPT_TYPES = [ 'leadership-type', 'skill', 'pathway', 'other' ] as const;
/** Kind of a glossary concept. */
export type ConceptType = typeof CONCEPT_TYPES[number];

/** Where the working group stands on a concept's definition. */
export const CONCEPT_STATUSES = [ 'proposed', 'agreed', 'contested' ] as const;
/** Status of a glossary concept. */
export type ConceptStatus = typeof CONCEPT_STATUSES[number];

/**
 * Translation state of one language's entry, absent when the entry is complete and current:
 * - `missing`: some unit (term, aliases, definition or notes) is not translated yet; untranslated
 *   fields are empty here (`term` is `''` when the term itself is untranslated) and readers fall
 *   back to another language for them;
 * - `outdated`: everything is translated but some unit is marked outdated by Translate (fuzzy);
 *   the text is kept so a popup can show it with a warning.
 * An outdated *term* is flagged with `termOutdated` and never used for marking.
 */
export type EntryStatus = 'missing' | 'outdated';

/** One language's equivalent of a concept (not necessarily a literal translation). */
export interface GlossaryEntry {
	/** The term in this language; `''` only when `status` is `missing`. */
	term: string;
	/** Other spellings and forms that mark the concept too (plural, adjective, …). */
	aliases: string[];
	/** Definition in this language; `''` when it is not translated (readers fall back). */
	definition: string;
	/** Usage notes (when to use the term, what it does not mean). */
	notes?: string;
	/** Translation state; absent when complete and current. */
	status?: EntryStatus;
	/**
	 * Whether the term unit itself is outdated (fuzzy); only set with a `status`. An outdated
	 * term is shown but not used for marking.
	 */
	termOutdated?: boolean;
}

/** One concept of the glossary, with its entry in each language that has the glossary page. */
export interface GlossaryConcept {
	/** Stable id (`good-leadership`); feedback about it goes to section `glossary:<id>`. */
	id: string;
	/** Kind of concept. */
	type: ConceptType;
	/** The working group's stance on the definition. */
	status: ConceptStatus;
	/** Ids of related concepts (all present in the same glossary). */
	related: string[];
	/** Entry per language code; always has the glossary's source language. */
	entries: Record<string, GlossaryEntry>;
}

/** The compiled glossary, all languages in one document (`User:LDWG-bot/glossary.json`). */
export interface CompiledGlossary {
	/** Format version of this document. */
	version: 1;
	/** When the bot compiled it (UTC, `YYYY-MM-DDTHH:MM:SSZ`). */
	generated: string;
	/** Language of the source glossary page (`en`). */
	sourceLanguage: string;
	/** Every language that has a glossary page, source language first. */
	languages: string[];
	/** The concepts, in the order of the source page. */
	concepts: GlossaryConcept[];
}

/**
 * What marking needs for one page language (`User:LDWG-bot/glossary-terms/<lang>.json`): each
 * term or alias with its concept id. For each concept the terms come from the first language of
 * `[ language, ...fallbacks ]` that has a usable (translated, current) term.
 */
export interface GlossaryTermIndex {
	/** Format version of this document. */
	version: 1;
	/** Language the index is for. */
	language: string;
	/** The fallback chain used after `language` (e.g. `[ 'pt', 'en' ]` for `pt-br`). */
	fallbacks?: string[];
	/** `[ term or alias, concept id ]` pairs, sorted by term. */
	terms: [ string, string ][];
}

/** Current version of both glossary documents. */
export const GLOSSARY_VERSION = 1;

// Limits keep a vandalised page from producing a document that stalls readers' browsers.
const MAX_TERM = 200;
const MAX_TEXT = 5000;

function termString(): Schema<string> {
	return str( { maxLength: MAX_TERM } );
}

const entrySchema: Schema<GlossaryEntry> = refine( object( {
	term: termString(),
	aliases: array( str( { minLength: 1, maxLength: MAX_TERM } ), { maxItems: 50 } ),
	definition: str( { maxLength: MAX_TEXT } ),
	notes: optional( str( { maxLength: MAX_TEXT } ) ),
	status: optional( oneOf( [ 'missing', 'outdated' ] as const ) ),
	termOutdated: optional( bool() ),
} ), ( entry, path, problems ) => {
	if ( entry.term.trim() === '' && entry.status !== 'missing' ) {
		problems.push( { path: `${ path }.term`, message: 'must not be empty unless the entry is missing' } );
	}
	if ( entry.termOutdated && entry.status === undefined ) {
		problems.push( { path: `${ path }.termOutdated`, message: 'only allowed with a status' } );
	}
} );

const conceptSchema: Schema<GlossaryConcept> = object( {
	id: identifier(),
	type: oneOf( CONCEPT_TYPES ),
	status: oneOf( CONCEPT_STATUSES ),
	related: array( identifier(), { maxItems: 50 } ),
	entries: record( entrySchema, languageCode() ),
} );

/** Schema of {@link CompiledGlossary}, with its cross-field rules. */
export const compiledGlossarySchema: Schema<CompiledGlossary> = refine( object( {
	version: oneOf( [ 1 ] as const ),
	generated: isoTimestamp(),
	sourceLanguage: languageCode(),
	languages: array( languageCode(), { minItems: 1, uniqueBy: ( l ) => l, uniqueName: 'language' } ),
	concepts: array( conceptSchema, { maxItems: 5000, uniqueBy: ( c ) => c.id, uniqueName: 'concept id' } ),
}, { allowUnknown: true } ), ( glossary, path, problems ) => {
	if ( glossary.languages[ 0 ] !== glossary.sourceLanguage ) {
		problems.push( { path: `${ path }.languages`, message: 'must start with the source language' } );
	}
	const ids = new Set( glossary.concepts.map( ( c ) => c.id ) );
	const languages = new Set( glossary.languages );
	glossary.concepts.forEach( ( concept, i ) => {
		const at = `${ path }.concepts[${ i }]`;
		const source = concept.entries[ glossary.sourceLanguage ];
		if ( !source || source.status !== undefined || source.definition.trim() === '' ) {
			problems.push( { path: `${ at }.entries`, message: 'needs a complete entry in the source language' } );
		}
		for ( const lang of Object.keys( concept.entries ) ) {
			if ( !languages.has( lang ) ) {
				problems.push( { path: `${ at }.entries${ pathKey( lang ) }`, message: 'language is not listed in languages' } );
			}
		}
		concept.related.forEach( ( id, j ) => {
			if ( !ids.has( id ) ) {
				problems.push( { path: `${ at }.related[${ j }]`, message: `unknown concept ${ JSON.stringify( id ) }` } );
			}
		} );
	} );
} ) as Schema<CompiledGlossary>;

const termPairSchema: Schema<[ string, string ]> = {
	expected: '[ term, concept id ]',
	check( value, path, problems ) {
		if ( !Array.isArray( value ) || value.length !== 2 ) {
			problems.push( { path, message: 'expected a [ term, concept id ] pair' } );
			return undefined;
		}
		const before = problems.length;
		const term = str( { minLength: 1, maxLength: MAX_TERM } ).check( value[ 0 ], `${ path }[0]`, problems );
		const id = identifier().check( value[ 1 ], `${ path }[1]`, problems );
		return problems.length === before && term !== undefined && id !== undefined ?
			[ term, id ] : undefined;
	},
};

/** Schema of {@link GlossaryTermIndex}. */
export const glossaryTermIndexSchema: Schema<GlossaryTermIndex> = object( {
	version: oneOf( [ 1 ] as const ),
	language: languageCode(),
	fallbacks: optional( array( languageCode(), { maxItems: 10 } ) ),
	terms: array( termPairSchema, { maxItems: 50000 } ),
}, { allowUnknown: true } );

const glossaryDocument = versioned( compiledGlossarySchema, GLOSSARY_VERSION, 'glossary' );
const termIndexDocument = versioned( glossaryTermIndexSchema, GLOSSARY_VERSION, 'glossary term index' );

/** Validates an already parsed compiled glossary. Never throws. */
export function validateGlossary( value: unknown ): Result<CompiledGlossary> {
	return validate( glossaryDocument, value );
}

/**
 * Parses and validates a compiled glossary: JSON text (as fetched from the wiki) or an already
 * parsed value. Never throws.
 */
export function parseGlossary( input: unknown ): Result<CompiledGlossary> {
	return typeof input === 'string' ?
		parseJson( glossaryDocument, input ) :
		validateGlossary( input );
}

/** Validates an already parsed term index. Never throws. */
export function validateTermIndex( value: unknown ): Result<GlossaryTermIndex> {
	return validate( termIndexDocument, value );
}

/**
 * Parses and validates a term index: JSON text or an already parsed value. Never throws.
 */
export function parseTermIndex( input: unknown ): Result<GlossaryTermIndex> {
	return typeof input === 'string' ?
		parseJson( termIndexDocument, input ) :
		validateTermIndex( input );
}
