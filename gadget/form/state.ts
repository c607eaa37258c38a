/**
 * The feedback form's state and validation, free of DOM and `mw` so that it can be unit-tested
 * in plain Node: what the reader has chosen and typed, which of it is required, and what the
 * entry to be saved looks like.
 *
 * @packageDocumentation
 */
import type { Config } from '../../shared/contracts/config.ts';
import { ENTRY_VERSION, type FeedbackEntry } from '../../shared/contracts/entry.ts';

/** One choice offered by the configuration (a stance, a region, a rubric question). */
export interface Choice {
	/** Configuration id (also the suffix of the `ldwg-stance-<id>`-style message keys). */
	id: string;
	/** Label from the configuration, used when no i18n message exists for the id. */
	label: string;
}

/** A stance; `asksForChanges` stances offer the "suggested wording" field. */
export interface StanceChoice extends Choice {
	/** Whether choosing this stance means the reader wants the text changed. */
	asksForChanges?: boolean;
}

/**
 * What the form needs from the configuration. A structural subset of the shared `Config`, so the
 * form depends only on the fields it uses (see `fromConfig` in `config.ts`).
 */
export interface FormSettings {
	/** Stances, in display order. */
	stances: StanceChoice[];
	/** Rubric questions, in display order. */
	questions: Choice[];
	/** The rubric's scale, inclusive at both ends (e.g. 1–5). */
	scale: { min: number; max: number };
	/** Whether "no opinion" is offered (then it is the default; otherwise each is required). */
	noOpinion: boolean;
	/** Regions, in display order ("prefer not to say" is added by the form). */
	regions: Choice[];
	/** Language codes the reader may say they write in. */
	languages: string[];
	/** Maximum length of the comment, in characters (code points). */
	commentMaxLength: number;
	/** Maximum length of the suggested wording, in characters (code points). */
	wordingMaxLength: number;
}

/** The rubric answer meaning "no opinion" (the entry contract's `na`). */
export const NO_OPINION = 'na';

/** The region value meaning "prefer not to say". */
export const REGION_UNSAID = '';

/** A rubric answer: a number on the scale, {@link NO_OPINION}, or `null` when not answered. */
export type RubricAnswer = number | typeof NO_OPINION | null;

/** Everything the reader has chosen or typed. */
export interface FormValues {
	/** Chosen stance id, or `null` before one is chosen. */
	stance: string | null;
	/** Rubric answer per question id. */
	rubric: Record<string, RubricAnswer>;
	/** Free comment. */
	comment: string;
	/** Suggested wording (only kept when the stance asks for changes). */
	wording: string;
	/** Region id, or {@link REGION_UNSAID}. */
	region: string;
	/** Language code the reader writes in. */
	language: string;
}

/** The form's fields, as named in errors and in the DOM. */
export type FieldName = 'stance' | 'comment' | 'wording' | 'region' | 'language' |
	`rubric-${ string }`;

/** One validation problem: which field, and the message (key and parameters) to show. */
export interface FieldError {
	/** Field the problem is about; its message is shown next to it. */
	field: FieldName;
	/** i18n key of the message (`ldwg-form-error-…`). */
	key: string;
	/** Message parameters ($1, $2…). */
	params: ( string | number )[];
}

/** Length of a text as readers count it: code points after NFC normalisation. */
export function textLength( text: string ): number {
	return [ ...text.normalize( 'NFC' ) ].length;
}

/** Whether a stance id asks for changes under these settings. */
export function asksForChanges( settings: FormSettings, stance: string | null ): boolean {
	return stance !== null &&
		settings.stances.some( ( s ) => s.id === stance && !!s.asksForChanges );
}

/**
 * Initial values: every rubric question at "no opinion" when the configuration offers it (so a
 * reader in a hurry can give just a stance), else unanswered; region and language from what the
 * reader chose last time when given, else "prefer not to say" and the page's language.
 */
export function initialValues(
	settings: FormSettings,
	pageLanguage: string,
	remembered: { region?: string; language?: string } = {},
): FormValues {
	const rubric: Record<string, RubricAnswer> = {};
	for ( const q of settings.questions ) {
		rubric[ q.id ] = settings.noOpinion ? NO_OPINION : null;
	}
	const region = remembered.region !== undefined &&
		settings.regions.some( ( r ) => r.id === remembered.region ) ?
		remembered.region : REGION_UNSAID;
	return {
		stance: null,
		rubric,
		comment: '',
		wording: '',
		region,
		language: chooseLanguage( settings, pageLanguage, remembered.language ),
	};
}

/**
 * The language the form starts with: the remembered one when the configuration still offers it,
 * else the page's language, else its base language (`pt-br` → `pt`), else the first configured.
 */
export function chooseLanguage(
	settings: FormSettings,
	pageLanguage: string,
	remembered?: string,
): string {
	const offered = ( code: string | undefined ): boolean => code !== undefined &&
		settings.languages.includes( code );
	if ( remembered !== undefined && offered( remembered ) ) {
		return remembered;
	}
	if ( offered( pageLanguage ) ) {
		return pageLanguage;
	}
	const base = pageLanguage.split( '-' )[ 0 ] ?? pageLanguage;
	if ( offered( base ) ) {
		return base;
	}
	return settings.languages[ 0 ] ?? pageLanguage;
}

/**
 * Checks the values. Required: a stance; and, when the stance asks for changes, a comment or a
 * suggested wording saying what should change (otherwise the working group cannot act on it).
 * Every rubric question needs an answer ("no opinion" is the default where the configuration
 * offers it, so this only binds when it does not); region and language always have a value.
 * Lengths are checked against the configured limits.
 *
 * @return every problem, in the fields' visual order (the summary lists them in that order)
 */
export function validate( settings: FormSettings, values: FormValues ): FieldError[] {
	const errors: FieldError[] = [];
	if ( values.stance === null || !settings.stances.some( ( s ) => s.id === values.stance ) ) {
		errors.push( { field: 'stance', key: 'ldwg-form-error-stance-required', params: [] } );
	}
	for ( const q of settings.questions ) {
		const answer = values.rubric[ q.id ];
		const valid = ( answer === NO_OPINION && settings.noOpinion ) || ( typeof answer === 'number' &&
			Number.isInteger( answer ) && answer >= settings.scale.min &&
			answer <= settings.scale.max );
		if ( !valid ) {
			errors.push( { field: `rubric-${ q.id }`, key: 'ldwg-form-error-rubric-required',
				params: [] } );
		}
	}
	const changes = asksForChanges( settings, values.stance );
	const comment = values.comment.trim();
	const wording = changes ? values.wording.trim() : '';
	if ( changes && comment === '' && wording === '' ) {
		errors.push( { field: 'comment', key: 'ldwg-form-error-changes-need-text', params: [] } );
	}
	const commentLength = textLength( values.comment );
	if ( commentLength > settings.commentMaxLength ) {
		errors.push( { field: 'comment', key: 'ldwg-form-error-too-long',
			params: [ settings.commentMaxLength, commentLength - settings.commentMaxLength ] } );
	}
	if ( changes ) {
		const wordingLength = textLength( values.wording );
		if ( wordingLength > settings.wordingMaxLength ) {
			errors.push( { field: 'wording', key: 'ldwg-form-error-too-long',
				params: [ settings.wordingMaxLength,
					wordingLength - settings.wordingMaxLength ] } );
		}
	}
	if ( values.region !== REGION_UNSAID &&
		!settings.regions.some( ( r ) => r.id === values.region ) ) {
		errors.push( { field: 'region', key: 'ldwg-form-error-region-invalid', params: [] } );
	}
	if ( !settings.languages.includes( values.language ) ) {
		errors.push( { field: 'language', key: 'ldwg-form-error-language-invalid', params: [] } );
	}
	return errors;
}

/** Where the reader was when giving feedback (from the form request). */
export interface EntryContext {
	/** Entry id (from the codec's generator). */
	id: string;
	/** Section marker id. */
	sectionId: string;
	/** Page the reader was viewing. */
	viewedTitle: string;
	/** Source draft. */
	sourceTitle: string;
	/** Revision of the viewed page. */
	revisionId: number;
}

/**
 * Builds the entry from valid values (call {@link validate} first). Texts keep what the reader
 * typed apart from white space at the ends; the wording is dropped when the stance no longer asks
 * for changes (the reader may have typed some and then changed their mind); unanswered rubric
 * questions are left out.
 */
export function buildEntry(
	settings: FormSettings,
	values: FormValues,
	context: EntryContext,
): FeedbackEntry {
	const rubric: Record<string, number | typeof NO_OPINION> = {};
	for ( const q of settings.questions ) {
		const answer = values.rubric[ q.id ];
		if ( answer !== null && answer !== undefined ) {
			rubric[ q.id ] = answer;
		}
	}
	const entry: FeedbackEntry = {
		version: ENTRY_VERSION,
		id: context.id,
		page: context.viewedTitle,
		source: context.sourceTitle,
		section: context.sectionId,
		rev: context.revisionId,
		stance: values.stance ?? undefined,
		lang: values.language,
	};
	if ( Object.keys( rubric ).length ) {
		entry.rubric = rubric;
	}
	if ( values.region !== REGION_UNSAID ) {
		entry.region = values.region;
	}
	const comment = values.comment.trim();
	if ( comment !== '' ) {
		entry.comment = comment;
	}
	const wording = values.wording.trim();
	if ( wording !== '' && asksForChanges( settings, values.stance ) ) {
		entry.wording = wording;
	}
	return entry;
}

/** The form's settings from a validated configuration. */
export function settingsFromConfig( config: Config ): FormSettings {
	return {
		stances: config.stances.map( ( s ) => ( { ...s } ) ),
		questions: config.rubric.questions.map( ( q ) => ( { ...q } ) ),
		scale: { min: config.rubric.scale.min, max: config.rubric.scale.max },
		noOpinion: config.rubric.noOpinion,
		regions: config.regions.map( ( r ) => ( { ...r } ) ),
		languages: config.languages.slice(),
		commentMaxLength: config.limits.commentMaxLength,
		wordingMaxLength: config.limits.wordingMaxLength,
	};
}

/** Whether the reader has put anything in the form worth keeping as a local draft. */
export function hasContent( values: FormValues ): boolean {
	return values.stance !== null || values.comment.trim() !== '' || values.wording.trim() !== '' ||
		Object.keys( values.rubric ).some( ( k ) => typeof values.rubric[ k ] === 'number' );
}

/**
 * Restores values from a stored draft, keeping only what still fits the settings (a stance or
 * question the configuration no longer has is dropped rather than trusted).
 */
export function restoreValues(
	settings: FormSettings,
	base: FormValues,
	stored: unknown,
): FormValues {
	if ( typeof stored !== 'object' || stored === null ) {
		return base;
	}
	const s = stored as Record<string, unknown>;
	const values: FormValues = { ...base, rubric: { ...base.rubric } };
	if ( typeof s.stance === 'string' && settings.stances.some( ( x ) => x.id === s.stance ) ) {
		values.stance = s.stance;
	}
	if ( typeof s.comment === 'string' ) {
		values.comment = s.comment;
	}
	if ( typeof s.wording === 'string' ) {
		values.wording = s.wording;
	}
	if ( typeof s.region === 'string' &&
		( s.region === REGION_UNSAID || settings.regions.some( ( r ) => r.id === s.region ) ) ) {
		values.region = s.region;
	}
	if ( typeof s.language === 'string' && settings.languages.includes( s.language ) ) {
		values.language = s.language;
	}
	const rubric = s.rubric;
	if ( typeof rubric === 'object' && rubric !== null ) {
		for ( const q of settings.questions ) {
			const a = ( rubric as Record<string, unknown> )[ q.id ];
			if ( ( a === NO_OPINION && settings.noOpinion ) || ( typeof a === 'number' && Number.isInteger( a ) &&
				a >= settings.scale.min && a <= settings.scale.max ) ) {
				values.rubric[ q.id ] = a;
			}
		}
	}
	return values;
}
