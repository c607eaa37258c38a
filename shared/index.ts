/**
 * Public API of ldwg-tools' shared core: pure functions and types used by the gadget, the bot and
 * other tools. Nothing here touches the DOM, Node or `mw`.
 *
 * @packageDocumentation
 */

// Data contracts: configuration, summary JSON, entry status, common little schemas (issue 2).
export {
	parseConfig,
	findDraftByTitle,
	findDraftByTalkTitle,
	findSection,
	archiveTitle,
	isMember,
	currentSprint,
	reportTitle,
	sprintDrafts,
	glossaryTermsTitle,
	translationTitle,
	labelMessageKey,
	localLabel,
	userAgent,
	CONFIG_VERSION,
	DEFAULT_STANCES,
	DEFAULT_RUBRIC,
	DEFAULT_REGIONS,
	DEFAULT_TEMPLATES,
	DEFAULT_LIMITS,
	DEFAULT_GLOSSARY_OPTIONS,
} from './contracts/config.ts';
export type {
	Config,
	SiteDocument,
	SprintDocument,
	OperatorConfig,
	DraftConfig,
	SectionConfig,
	StanceConfig,
	RubricConfig,
	RubricQuestionConfig,
	RegionConfig,
	PagesConfig,
	TemplatesConfig,
	LimitsConfig,
	GlossaryOptions,
	BotOptions,
	SprintConfig,
	ReportsConfig,
	DraftMatch,
	LabelKind,
} from './contracts/config.ts';
export {
	parseSummary,
	sectionFigures,
	sectionAnchor,
	roundedMean,
	summarySchema,
	SUMMARY_VERSION,
	FLAG_KINDS,
} from './contracts/summary.ts';
export type {
	Summary,
	DraftSummary,
	SectionSummary,
	RubricResult,
	StatusCounts,
	FlagKind,
} from './contracts/summary.ts';
export {
	parseStatusFields,
	readStatus,
	resolveStatus,
	isStatus,
	statusFieldsSchema,
	STATUSES,
	EFFECTIVE_STATUSES,
	STATUS_NOTE_MAX_LENGTH,
} from './contracts/status.ts';
export type {
	Status,
	EffectiveStatus,
	StatusFields,
	ObservedStatus,
	ResolvedStatus,
} from './contracts/status.ts';
export {
	normalizeTitle,
	normalizeUsername,
	talkPageOf,
	isLanguageCode,
	isIsoDate,
	isIsoTimestamp,
} from './contracts/common.ts';
export { formatProblems } from './validate.ts';
export type { Problem, Result } from './validate.ts';

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
export { createMatcher, createTermMatcher } from './glossary/matcher.ts';
export type { Match, Matcher, MatcherSource, TermSource } from './glossary/matcher.ts';
export { buildTermIndex, isUsableEntry } from './glossary/term-index.ts';
export type { TermIndexOptions } from './glossary/term-index.ts';
export { languageFallbacks, foldText } from './glossary/language.ts';
export { compileGlossary } from './glossary/compile.ts';
export type {
	CompileOptions,
	CompileResult,
	GlossaryPage,
	GlossaryProblem,
	GlossaryProblemCode,
	ProblemSeverity,
} from './glossary/compile.ts';

// Feedback entries: contract and codec (issue 2).
export {
	ENTRY_VERSION,
	ENTRY_FIELD_SCHEMAS,
	entrySchema,
	validateEntry,
	parseEntryJson,
} from './contracts/entry.ts';
export type { FeedbackEntry, RubricAnswer } from './contracts/entry.ts';
export { formatEntry, ENTRY_TEMPLATE, ENTRY_PARAMS, RUBRIC_PARAM_PREFIX } from './entry/format.ts';
export type { FormatOptions } from './entry/format.ts';
export { parseEntries } from './entry/parse.ts';
export type {
	ParseOptions,
	ParseResult,
	ParsedEntry,
	EntryProblem,
	EntryProblemCode,
} from './entry/parse.ts';
export { encodeText, decodeText, normalizeText, decodeParameterValue } from './entry/escape.ts';
export {
	newEntryId,
	isEntryId,
	entryIdTime,
	entryAnchor,
	ENTRY_ID_PATTERN,
	ENTRY_ANCHOR_PREFIX,
} from './entry/ids.ts';
export { findSignature, userFromLinkTarget } from './entry/signature.ts';
export type { Signature, SignatureNames, SignatureLinkKind } from './entry/signature.ts';
