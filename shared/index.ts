/**
 * Public API of ldwg-tools' shared core: pure functions and types used by the gadget, the bot and
 * other tools. Nothing here touches the DOM, Node or `mw`.
 *
 * @packageDocumentation
 */
export {};

// Glossary: data contracts, compiler, term index and matcher (issue 5).
export {
	parseGlossary,
	parseTermIndex,
	validateGlossary,
	validateTermIndex,
	CONCEPT_TYPES,
	CONCEPT_STATUSES,
} from './contracts/glossary.ts';
export type {
	CompiledGlossary,
	GlossaryConcept,
	GlossaryEntry,
	GlossaryTermIndex,
	ConceptType,
	ConceptStatus,
	EntryStatus,
} from './contracts/glossary.ts';
export { createMatcher } from './glossary/matcher.ts';
export type { Match, Matcher, MatcherSource } from './glossary/matcher.ts';
export { buildTermIndex, isUsableEntry } from './glossary/term-index.ts';
export type { TermIndexOptions } from './glossary/term-index.ts';
export { languageFallbacks, foldText } from './glossary/language.ts';
