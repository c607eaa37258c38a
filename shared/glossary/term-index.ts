/**
 * Builds the per-language term index (`User:LDWG-bot/glossary-terms/<lang>.json`): only the terms
 * and aliases marking needs, so pages load no definitions until a popup opens.
 *
 * @packageDocumentation
 */
import type {
	CompiledGlossary,
	GlossaryEntry,
	GlossaryTermIndex,
} from '../contracts/glossary.ts';
import { foldText, languageFallbacks, normalizeLanguage } from './language.ts';

/** Options for {@link buildTermIndex}. */
export interface TermIndexOptions {
	/**
	 * Languages to try after the index's language, in order; defaults to
	 * {@link languageFallbacks} ending with the glossary's source language.
	 */
	fallbacks?: string[];
}

/** Whether an entry's term may be used for marking: translated and not outdated. */
export function isUsableEntry( entry: GlossaryEntry | undefined ): entry is GlossaryEntry {
	return !!entry && typeof entry.term === 'string' && entry.term.trim() !== '' &&
		!entry.termOutdated;
}

/**
 * The term index of `language`: for each concept, the term and aliases of the first language
 * in `[ language, ...fallbacks ]` whose entry is usable ({@link isUsableEntry}), so a concept
 * not yet translated into `pt-br` is still marked with its `pt` or English term. A term that
 * folds to one already taken keeps the first concept (the compiler reports such duplicates).
 * Terms are sorted by code unit so that the published JSON only changes when terms change.
 */
export function buildTermIndex(
	glossary: CompiledGlossary,
	language: string,
	options: TermIndexOptions = {},
): GlossaryTermIndex {
	const lang = normalizeLanguage( language );
	const fallbacks = ( options.fallbacks ?? languageFallbacks( lang, glossary.sourceLanguage ) )
		.map( normalizeLanguage )
		.filter( ( l ) => l !== lang );
	const chain = [ lang, ...fallbacks ];
	const seen = new Set<string>();
	const terms: [ string, string ][] = [];
	const add = ( term: string, id: string ): void => {
		const clean = term.replace( /\s+/g, ' ' ).trim();
		const key = foldText( clean, lang );
		if ( clean !== '' && !seen.has( key ) ) {
			seen.add( key );
			terms.push( [ clean, id ] );
		}
	};
	for ( const concept of glossary.concepts ) {
		for ( const l of chain ) {
			const entry = concept.entries[ l ];
			if ( isUsableEntry( entry ) ) {
				add( entry.term, concept.id );
				for ( const alias of entry.aliases ) {
					add( alias, concept.id );
				}
				break;
			}
		}
	}
	terms.sort( ( a, b ) => a[ 0 ] < b[ 0 ] ? -1 : a[ 0 ] > b[ 0 ] ? 1 : 0 );
	return fallbacks.length ?
		{ version: 1, language: lang, fallbacks, terms } :
		{ version: 1, language: lang, terms };
}
