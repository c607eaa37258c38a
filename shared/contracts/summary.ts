/**
 * The summary JSON contract: the counts the bot publishes in its user space
 * (`User:LDWG-bot/summary.json`) and the gadget shows next to every section.
 *
 * Figures only, no feedback text: the document is loaded with every draft page view, so it stays
 * small, and the text belongs on the talk page where its author wrote it. Objects are keyed by id
 * so that the gadget finds a section's figures with two lookups.
 *
 * Readers ignore fields they do not know (additive changes keep the version) and reject a newer
 * version with a clear message.
 *
 * @packageDocumentation
 */
import {
	num, object, optional, pathKey, record, refine, str, validate,
	type Optional, type Problem, type Result, type Schema,
} from '../validate.ts';
import {
	identifier, isoTimestamp, languageCode, pageTitle, versioned, ID_PATTERN,
} from './common.ts';
import { EFFECTIVE_STATUSES, type EffectiveStatus } from './status.ts';

/** Version of the summary document written and read by this code. */
export const SUMMARY_VERSION = 1;

/**
 * Kinds of flagged items (see the bot's attribution): a forged signature, an entry edited by
 * someone other than its author, an entry removed by someone else, withdrawn by its author,
 * moved to an archive, a status set by a non-member (ignored), and an attribution the bot could
 * not establish with certainty (e.g. revision-deleted history).
 */
export const FLAG_KINDS = [ 'forged', 'editedByOthers', 'removed', 'withdrawn', 'archived', 'statusByNonMember', 'uncertain' ] as const;

/** A kind of flagged item. */
export type FlagKind = typeof FLAG_KINDS[number];

/** Results of one rubric question in one section. */
export interface RubricResult {
	/** Number of answers per score, keyed by the score written as a whole number (`"1"`…`"5"`). */
	scores: Record<string, number>;
	/** Number of "no opinion" answers. */
	noOpinion: number;
	/** Mean of the scores, rounded to 2 decimals; `null` when nobody gave a score. */
	mean: number | null;
}

/** Entries per status. `open + accepted + declined` is the section's `entries`. */
export type StatusCounts = Record<EffectiveStatus, number>;

/** Figures of one section. */
export interface SectionSummary {
	/** Entries that count (not withdrawn, not removed by someone else). */
	entries: number;
	/** Distinct authors of those entries (by page history, not signature). */
	contributors: number;
	/** Entries per stance id (stances nobody chose may be left out). */
	stances: Record<string, number>;
	/** Results per rubric question id. */
	rubric: Record<string, RubricResult>;
	/**
	 * Entries per region id (regions not heard from are left out; "prefer not to say" is not
	 * counted).
	 */
	regions: Record<string, number>;
	/** Entries per language code the feedback was given in. */
	languages: Record<string, number>;
	/** Entries per status. */
	status: StatusCounts;
	/** Fragment of the summary page where this section's entries are listed (without `#`). */
	anchor: string;
	/** Flagged items in this section. */
	flagged: number;
}

/** Figures of one draft. */
export interface DraftSummary {
	/** Title of the source page. */
	title: string;
	/** Sum of the sections' entries. */
	entries: number;
	/** Distinct authors across the draft. */
	contributors: number;
	/** Figures per section id (sections without entries may be left out). */
	sections: Record<string, SectionSummary>;
}

/** The summary document. */
export interface Summary {
	/** Document version, {@link SUMMARY_VERSION}. */
	version: 1;
	/** When the bot generated it (UTC, `YYYY-MM-DDTHH:MM:SSZ`). */
	generated: string;
	/** Id of the sprint running when it was generated, if any. */
	sprint?: string;
	/** The rubric scale the scores are on. */
	scale: { min: number; max: number };
	/** Figures per draft id. */
	drafts: Record<string, DraftSummary>;
	/**
	 * Flagged items for the working group, per kind, and their total (an item may have several
	 * kinds).
	 */
	flagged: { total: number } & Partial<Record<FlagKind, number>>;
}

const count = (): Schema<number> => num( { integer: true, min: 0 } );

/**
 * Section keys: configured section ids, or `glossary:<concept id>` for feedback on a glossary
 * term (the same pipeline as a section).
 */
const SECTION_KEY = new RegExp( `^(?:glossary:)?${ ID_PATTERN.source.slice( 1, -1 ) }$` );

const sectionKey = (): Schema<string> => str( {
	maxLength: 100,
	pattern: SECTION_KEY,
	patternDescription: 'a section id or glossary:<concept id>',
} );

const scoreKey = (): Schema<string> => str( {
	pattern: /^(?:0|[1-9]\d?|100)$/,
	patternDescription: 'a whole-number score between 0 and 100',
} );

const rubricResultSchema: Schema<RubricResult> = object( {
	scores: record( count(), scoreKey() ),
	noOpinion: count(),
	mean: {
		expected: 'number or null',
		check( value, path, problems ) {
			if ( value === null ) {
				return null;
			}
			return num().check( value, path, problems );
		},
	},
}, { allowUnknown: true } );

const statusShape: Record<string, Schema<number>> = {};
for ( const s of EFFECTIVE_STATUSES ) {
	statusShape[ s ] = count();
}

const sectionSchema: Schema<SectionSummary> = refine( object( {
	entries: count(),
	contributors: count(),
	stances: record( count(), identifier() ),
	rubric: record( rubricResultSchema, identifier() ),
	regions: record( count(), identifier() ),
	languages: record( count(), languageCode() ),
	status: object( statusShape, { allowUnknown: true } ) as Schema<StatusCounts>,
	anchor: str( {
		minLength: 1,
		maxLength: 200,
		pattern: /^[^\s#<>[\]{}|]+$/,
		patternDescription: 'a page fragment without spaces or # < > [ ] { } |',
	} ),
	flagged: count(),
}, { allowUnknown: true } ), checkSection );

function sum( values: Record<string, number> ): number {
	return Object.keys( values ).reduce( ( total, key ) => total + ( values[ key ] ?? 0 ), 0 );
}

/** Internal consistency of a section's figures. */
function checkSection( s: SectionSummary, path: string, problems: Problem[] ): void {
	const open = s.status.open + s.status.accepted + s.status.declined;
	if ( open !== s.entries ) {
		problems.push( { path: `${ path }.status`, message: `open + accepted + declined (${ open }) must equal entries (${ s.entries })` } );
	}
	if ( s.contributors > s.entries ) {
		problems.push( { path: `${ path }.contributors`, message: `cannot exceed entries (${ s.entries })` } );
	}
	for ( const key of [ 'stances', 'regions', 'languages' ] as const ) {
		if ( sum( s[ key ] ) > s.entries ) {
			problems.push( { path: `${ path }.${ key }`, message: `counts add up to more than entries (${ s.entries })` } );
		}
	}
	for ( const id of Object.keys( s.rubric ) ) {
		const result = s.rubric[ id ];
		if ( !result ) {
			continue;
		}
		const at = `${ path }.rubric${ pathKey( id ) }`;
		const answers = sum( result.scores );
		if ( answers + result.noOpinion > s.entries ) {
			problems.push( { path: at, message: `answers add up to more than entries (${ s.entries })` } );
		}
		const total = Object.keys( result.scores )
			.reduce( ( t, score ) => t + Number( score ) * ( result.scores[ score ] ?? 0 ), 0 );
		if ( answers === 0 ? result.mean !== null :
			result.mean === null || Math.abs( result.mean - total / answers ) > 0.006 ) {
			problems.push( { path: `${ at }.mean`, message: answers === 0 ?
				'must be null when there are no scores' :
				`does not match the scores (expected ${ ( total / answers ).toFixed( 2 ) })` } );
		}
	}
}

const draftSchema: Schema<DraftSummary> = refine( object( {
	title: pageTitle(),
	entries: count(),
	contributors: count(),
	sections: record( sectionSchema, sectionKey() ),
}, { allowUnknown: true } ), ( d, path, problems ) => {
	const sections = Object.keys( d.sections ).map( ( k ) => d.sections[ k ] as SectionSummary );
	const entries = sections.reduce( ( t, s ) => t + s.entries, 0 );
	if ( entries !== d.entries ) {
		problems.push( { path: `${ path }.entries`, message: `must equal the sum of the sections' entries (${ entries })` } );
	}
	const most = sections.reduce( ( m, s ) => Math.max( m, s.contributors ), 0 );
	if ( d.contributors < most || d.contributors > d.entries ) {
		problems.push( { path: `${ path }.contributors`, message: `must be between the largest section's contributors (${ most }) and entries (${ d.entries })` } );
	}
} );

const flaggedShape: Record<string, Schema<number> | Optional<number>> = {
	total: count(),
};
for ( const kind of FLAG_KINDS ) {
	flaggedShape[ kind ] = optional( count() );
}

/** Schema of {@link Summary}, with its consistency rules. */
export const summarySchema: Schema<Summary> = refine( object( {
	version: num( { integer: true, min: 1, max: 1 } ) as Schema<1>,
	generated: isoTimestamp(),
	sprint: optional( identifier() ),
	scale: refine( object( {
		min: num( { integer: true, min: 0, max: 100 } ),
		max: num( { integer: true, min: 1, max: 100 } ),
	} ), ( scale, path, problems ) => {
		if ( scale.max <= scale.min ) {
			problems.push( { path: `${ path }.max`, message: `must be greater than min (${ scale.min })` } );
		}
	} ),
	drafts: record( draftSchema, identifier() ),
	flagged: object( flaggedShape, { allowUnknown: true } ) as Schema<Summary['flagged']>,
}, { allowUnknown: true } ), ( summary, path, problems ) => {
	const { min, max } = summary.scale;
	for ( const draftId of Object.keys( summary.drafts ) ) {
		const sections = summary.drafts[ draftId ]?.sections ?? {};
		for ( const sectionId of Object.keys( sections ) ) {
			const rubric = sections[ sectionId ]?.rubric ?? {};
			for ( const q of Object.keys( rubric ) ) {
				for ( const score of Object.keys( rubric[ q ]?.scores ?? {} ) ) {
					if ( Number( score ) < min || Number( score ) > max ) {
						problems.push( { path: `${ path }.drafts${ pathKey( draftId ) }.sections${ pathKey( sectionId ) }.rubric${ pathKey( q ) }.scores${ pathKey( score ) }`, message: `score is outside the scale ${ min }–${ max }` } );
					}
				}
			}
		}
	}
	const sectionFlags = Object.keys( summary.drafts ).reduce( ( t, d ) => {
		const sections = summary.drafts[ d ]?.sections ?? {};
		return t + Object.keys( sections )
			.reduce( ( u, s ) => u + ( sections[ s ]?.flagged ?? 0 ), 0 );
	}, 0 );
	if ( sectionFlags > summary.flagged.total ) {
		problems.push( { path: `${ path }.flagged.total`, message: `must be at least the sum of the sections' flagged counts (${ sectionFlags })` } );
	}
	for ( const kind of FLAG_KINDS ) {
		if ( ( summary.flagged[ kind ] ?? 0 ) > summary.flagged.total ) {
			problems.push( { path: `${ path }.flagged.${ kind }`, message: `cannot exceed total (${ summary.flagged.total })` } );
		}
	}
} );

/**
 * Reads a summary document, parsed or as JSON text. Every problem is reported with its JSON
 * path; a document from a newer, incompatible version is refused with a message saying so.
 * Never throws.
 */
export function parseSummary( input: unknown ): Result<Summary> {
	let value = input;
	if ( typeof input === 'string' ) {
		try {
			value = JSON.parse( input );
		} catch ( e ) {
			return { ok: false, problems: [ { path: '$', message: `summary is not valid JSON: ${ e instanceof Error ? e.message : String( e ) }` } ] };
		}
	}
	return validate( versioned( summarySchema, SUMMARY_VERSION, 'summary' ), value );
}

/** The figures of one section, or `null` when the summary has none for it. */
export function sectionFigures(
	summary: Summary,
	draftId: string,
	sectionId: string,
): SectionSummary | null {
	const draft = Object.prototype.hasOwnProperty.call( summary.drafts, draftId ) ?
		summary.drafts[ draftId ] : undefined;
	if ( !draft || !Object.prototype.hasOwnProperty.call( draft.sections, sectionId ) ) {
		return null;
	}
	return draft.sections[ sectionId ] ?? null;
}

/**
 * The anchor the bot gives a section's entries on the summary page, so that the gadget's links
 * and the summary page agree: `<draft id>-<section id>` (a `glossary:` prefix becomes
 * `glossary-`, since `:` is awkward in fragments).
 */
export function sectionAnchor( draftId: string, sectionId: string ): string {
	return `${ draftId }-${ sectionId.replace( /:/g, '-' ) }`;
}

/** Rounds a mean as the summary stores it (2 decimals), or `null` when there are no scores. */
export function roundedMean( scores: Record<string, number> ): number | null {
	let answers = 0;
	let total = 0;
	for ( const score of Object.keys( scores ) ) {
		const n = scores[ score ] ?? 0;
		answers += n;
		total += Number( score ) * n;
	}
	return answers === 0 ? null : Math.round( ( total / answers ) * 100 ) / 100;
}
