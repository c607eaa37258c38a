/**
 * The compiled glossary (definitions, notes, equivalents), fetched once, with the first popup or
 * panel, as a cacheable GET of the bot's JSON page, and validated: it comes from human-edited
 * pages, so nothing in it is trusted.
 *
 * @packageDocumentation
 */
import { parseGlossary, type CompiledGlossary, type GlossaryConcept, type GlossaryEntry } from '../../shared/contracts/glossary.ts';
import { languageFallbacks } from '../../shared/glossary/language.ts';
import { isUsableEntry } from '../../shared/glossary/term-index.ts';
import type { RawLoader } from '../glossary/term-indexes.ts';

let loading: Promise<CompiledGlossary | null> | null = null;

/** Loads (once) and validates the compiled glossary; `null` when it is missing or invalid. */
export function loadGlossary( title: string, load: RawLoader ): Promise<CompiledGlossary | null> {
	if ( !loading ) {
		loading = load( title ).then( ( text ) => {
			if ( text === null ) {
				return null;
			}
			const parsed = parseGlossary( text );
			if ( !parsed.ok ) {
				mw.log.warn( '[ldwg-glossary] invalid compiled glossary', parsed.problems.slice( 0, 5 ) );
				return null;
			}
			return parsed.value;
		} );
		// Let a later popup try again after a network failure.
		loading.then( ( g ) => {
			if ( !g ) {
				loading = null;
			}
		} );
	}
	return loading;
}

/** Forgets the loaded glossary (tests). */
export function resetGlossary(): void {
	loading = null;
}

/** A concept by id. */
export function findConcept( glossary: CompiledGlossary, id: string ): GlossaryConcept | null {
	return glossary.concepts.find( ( c ) => c.id === id ) || null;
}

/** One field of an entry with the language it is actually written in. */
export interface Localised {
	text: string;
	language: string;
}

/**
 * The first usable value of `field` for `language`, following its fallback chain and ending with
 * the glossary's source language; `null` when no language has it.
 *
 * Each field falls back on its own: an entry's `missing` status says that *some* unit is
 * untranslated, and that unit is empty here, so a translated term is used even when the notes
 * are not. A term is usable by the rule marking uses ({@link isUsableEntry}: not empty, not
 * outdated), so the popup's title is the term the page was marked with.
 */
export function localised(
	concept: GlossaryConcept,
	language: string,
	field: 'term' | 'definition' | 'notes',
	sourceLanguage: string,
): Localised | null {
	for ( const lang of [ language, ...languageFallbacks( language, sourceLanguage ) ] ) {
		const entry: GlossaryEntry | undefined = concept.entries[ lang ];
		const text = entry ? entry[ field ] : undefined;
		if ( entry && typeof text === 'string' && text.trim() !== '' &&
			( field !== 'term' || isUsableEntry( entry ) ) ) {
			return { text, language: lang };
		}
	}
	return null;
}

/**
 * The approved terms (term first, then aliases) of a concept in exactly `language`: what a
 * translator should use. An untranslated (empty) or outdated term is not approved; an entry
 * whose other units are untranslated (`status: 'missing'`) still has an approved term.
 */
export function approvedTerms( concept: GlossaryConcept, language: string ): string[] {
	const entry = concept.entries[ language ];
	if ( !isUsableEntry( entry ) ) {
		return [];
	}
	return [ entry.term, ...entry.aliases ];
}
