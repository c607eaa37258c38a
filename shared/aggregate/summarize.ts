/**
 * Turns attribution records into per-draft, per-section figures for the working group: counts,
 * unique contributors, stance spread, rubric results, regions and languages heard, missing regions,
 * status counts, open entries oldest first, and the flagged items.
 *
 * One pass over the records with maps keyed by id, so the cost grows linearly with the number of
 * entries (`bot.aggregate_growth` in the bench checks this).
 *
 * Counting rules: an entry is counted once, wherever it lives now (talk page or archive). Entries
 * removed by someone else are not counted but listed as flagged, so nothing disappears silently;
 * entries withdrawn by their author count as `withdrawn` only. Forged and edited entries are
 * counted (the author is known from history) and flagged.
 *
 * @packageDocumentation
 */
import { flagsOf, type EntryFlags, type EntryRecord, type StatusValue } from './attribution.ts';
import { roundedMean } from '../contracts/summary.ts';

/** The configuration the aggregation needs (a projection of the configuration contract). */
export interface AggregateConfig {
	drafts: {
		id: string;
		title: string;
		sections: { id: string; label: string }[];
	}[];
	stances: { id: string; label: string }[];
	rubric: {
		/** The configured scale: only whole-number answers within it are scores. */
		scale: { min: number; max: number };
		questions: { id: string; label: string }[];
	};
	regions: { id: string; label: string }[];
}

/** An open entry, as listed for the working group. */
export interface OpenItem {
	id: string;
	author: string | null;
	anon: boolean;
	timestamp: string;
	/** Revision that first contained the entry (orders entries saved in the same second). */
	revid: number;
	stance: string;
	comment: string;
}

/** A flagged entry. */
export interface FlaggedItem {
	id: string;
	draft: string;
	section: string;
	author: string | null;
	timestamp: string;
	/** Revision that first contained the entry (orders entries saved in the same second). */
	revid: number;
	/** Names of the flags that are set. */
	flags: ( keyof EntryFlags )[];
	/** Signature user when forged. */
	signatureUser: string | null;
	/** Who removed it, when removed or withdrawn. */
	removedBy: string | null;
	/** Users who edited it after the author. */
	editedBy: ( string | null )[];
	/** Ignored status changes: who tried what. */
	ignoredStatus: { value: StatusValue; by: string | null }[];
	/** Original and latest comment when edited by others. */
	originalComment: string;
	latestComment: string;
}

/** Results of one rubric question. */
export interface RubricFigures {
	/** Answers per score (keys are whole-number scores). */
	scores: Record<string, number>;
	/** "No opinion" answers. */
	noOpinion: number;
	/** Mean of the scores, two decimals; null with no scores. */
	mean: number | null;
}

/** Figures for one section. */
export interface SectionSummary {
	id: string;
	label: string;
	entries: number;
	contributors: number;
	/** Count per configured stance id (every stance listed, zero included), plus `''` for none. */
	stances: Record<string, number>;
	/** Per rubric question: answers per score, "no opinion" answers and the mean of the scores. */
	rubric: Record<string, RubricFigures>;
	/** Count per region id heard (configured regions only; others under `other`). */
	regions: Record<string, number>;
	/** Configured region ids with no entry yet, in configuration order. */
	missingRegions: string[];
	/** Count per language code. */
	languages: Record<string, number>;
	status: Record<StatusValue | 'withdrawn', number>;
	/** Open entries, oldest first. */
	open: OpenItem[];
	/** Flagged items placed in this section. */
	flagged: number;
}

/** Figures for one draft. */
export interface DraftSummary {
	id: string;
	title: string;
	entries: number;
	contributors: number;
	sections: SectionSummary[];
}

/** The whole summary. */
export interface SummaryData {
	drafts: DraftSummary[];
	flagged: FlaggedItem[];
	/** Entries whose section or draft is not configured (ids). */
	unplaced: string[];
	/**
	 * Rubric answers outside the configured scale (a hand-written `r-useful=9`): not counted as
	 * scores, listed so the working group can ask for a fix. By entry id, then question.
	 */
	outOfScale: { id: string; question: string; answer: number }[];
	totals: { entries: number; contributors: number; flagged: number };
}

/** Maps a page title (talk page or archive) to the draft id it collects feedback for. */
export type DraftOfTitle = ( title: string ) => string | null;

interface SectionAcc {
	summary: SectionSummary;
	contributors: Set<string>;
}

/**
 * A count or result stored under `key`, own properties only: the keys are ids from talk pages,
 * and `constructor` is a valid id that a plain lookup finds on `Object.prototype`.
 */
function own<T>( map: Record<string, T>, key: string ): T | undefined {
	return Object.prototype.hasOwnProperty.call( map, key ) ? map[ key ] : undefined;
}

function contributorKey( record: EntryRecord ): string {
	// Hidden users cannot be told apart; count each hidden-author entry on its own.
	return record.author.name === null ? `#hidden:${ record.id }` : record.author.name;
}

/**
 * Aggregates the records. Output order is deterministic: drafts and sections in configuration
 * order, flagged items by first revision, open items by timestamp then id.
 */
export function summarize(
	config: AggregateConfig,
	records: readonly EntryRecord[],
	draftOf: DraftOfTitle,
): SummaryData {
	const sections = new Map<string, SectionAcc>();
	const draftContributors = new Map<string, Set<string>>();
	const drafts: DraftSummary[] = config.drafts.map( ( d ) => {
		draftContributors.set( d.id, new Set() );
		return {
			id: d.id,
			title: d.title,
			entries: 0,
			contributors: 0,
			sections: d.sections.map( ( s ) => {
				const summary: SectionSummary = {
					id: s.id,
					label: s.label,
					entries: 0,
					contributors: 0,
					stances: zeroes( config.stances.map( ( st ) => st.id ) ),
					rubric: emptyRubric( config.rubric.questions.map( ( q ) => q.id ) ),
					regions: {},
					missingRegions: [],
					languages: {},
					status: { open: 0, accepted: 0, declined: 0, withdrawn: 0 },
					open: [],
					flagged: 0,
				};
				sections.set( `${ d.id }\u0000${ s.id }`, {
					summary, contributors: new Set(),
				} );
				return summary;
			} ),
		};
	} );
	const draftById = new Map( drafts.map( ( d ) => [ d.id, d ] ) );
	const regionIds = new Set( config.regions.map( ( r ) => r.id ) );
	const flagged: FlaggedItem[] = [];
	const unplaced: string[] = [];
	const outOfScale: SummaryData[ 'outOfScale' ] = [];
	const { min, max } = config.rubric.scale;
	const allContributors = new Set<string>();
	let total = 0;

	for ( const record of records ) {
		const flags = flagsOf( record );
		const draftId = draftOf( record.firstTitle );
		const data = record.latest;
		const on = ( Object.keys( flags ) as ( keyof EntryFlags )[] ).filter( ( k ) => flags[ k ] );
		// Archived is routine housekeeping, not something the working group must look at.
		const attention = on.filter( ( f ) => f !== 'archived' );
		if ( attention.length ) {
			flagged.push( {
				id: record.id,
				draft: draftId ?? '',
				section: data.section,
				author: record.author.name,
				timestamp: record.firstTimestamp,
				revid: record.firstRevid,
				flags: on,
				signatureUser: record.forged ? record.signatureUser : null,
				removedBy: record.removal ? record.removal.by : null,
				editedBy: record.foreignEdits.map( ( e ) => e.by ),
				ignoredStatus: record.ignoredStatus.map(
					( s ) => ( { value: s.value, by: s.by } ) ),
				originalComment: record.original.comment,
				latestComment: data.comment,
			} );
		}
		const key = `${ draftId ?? '' }\u0000${ data.section }`;
		const acc = draftId === null ? undefined : sections.get( key );
		const draft = draftId === null ? undefined : draftById.get( draftId );
		if ( !acc || !draft ) {
			unplaced.push( record.id );
			continue;
		}
		const s = acc.summary;
		if ( attention.length ) {
			s.flagged++;
		}
		if ( flags.withdrawn ) {
			s.status.withdrawn++;
			continue;
		}
		if ( flags.removed ) {
			continue;
		}
		total++;
		s.entries++;
		draft.entries++;
		const who = contributorKey( record );
		acc.contributors.add( who );
		draftContributors.get( draft.id )?.add( who );
		allContributors.add( who );
		s.stances[ data.stance ] = ( own( s.stances, data.stance ) ?? 0 ) + 1;
		for ( const [ q, score ] of Object.entries( data.rubric ) ) {
			const r = own( s.rubric, q );
			if ( !r ) {
				continue;
			}
			if ( score === null ) {
				r.noOpinion++;
			} else if ( Number.isInteger( score ) && score >= min && score <= max ) {
				r.scores[ score ] = ( r.scores[ score ] ?? 0 ) + 1;
			} else {
				// The codec accepts any whole number (it does not know the scale); a score off the
				// scale would skew the mean and make the summary JSON break its contract, which
				// used to stop every summary run.
				outOfScale.push( { id: record.id, question: q, answer: score } );
			}
		}
		const region = regionIds.has( data.region ) ? data.region : ( data.region ? 'other' : '' );
		if ( region ) {
			s.regions[ region ] = ( own( s.regions, region ) ?? 0 ) + 1;
		}
		if ( data.lang ) {
			s.languages[ data.lang ] = ( own( s.languages, data.lang ) ?? 0 ) + 1;
		}
		s.status[ record.status.value ]++;
		if ( record.status.value === 'open' ) {
			s.open.push( {
				id: record.id,
				author: record.author.name,
				anon: record.author.anon,
				timestamp: record.firstTimestamp,
				revid: record.firstRevid,
				stance: data.stance,
				comment: data.comment,
			} );
		}
	}

	for ( const acc of sections.values() ) {
		const s = acc.summary;
		s.contributors = acc.contributors.size;
		for ( const r of Object.values( s.rubric ) ) {
			r.mean = roundedMean( r.scores );
		}
		s.missingRegions = config.regions.map( ( r ) => r.id )
			.filter( ( id ) => !own( s.regions, id ) );
		s.regions = sortKeys( s.regions );
		s.languages = sortKeys( s.languages );
		s.open.sort( byTime );
	}
	for ( const d of drafts ) {
		d.contributors = draftContributors.get( d.id )?.size ?? 0;
	}
	flagged.sort( byTime );
	unplaced.sort();
	outOfScale.sort( ( a, b ) => a.id.localeCompare( b.id ) ||
		a.question.localeCompare( b.question ) );
	return {
		drafts,
		flagged,
		unplaced,
		outOfScale,
		totals: { entries: total, contributors: allContributors.size, flagged: flagged.length },
	};
}

function sortKeys( map: Record<string, number> ): Record<string, number> {
	const out: Record<string, number> = {};
	for ( const k of Object.keys( map ).sort() ) {
		out[ k ] = map[ k ] ?? 0;
	}
	return out;
}

function zeroes( ids: string[] ): Record<string, number> {
	const out: Record<string, number> = {};
	for ( const id of ids ) {
		out[ id ] = 0;
	}
	return out;
}

function emptyRubric( ids: string[] ): SectionSummary[ 'rubric' ] {
	const out: SectionSummary[ 'rubric' ] = {};
	for ( const id of ids ) {
		out[ id ] = { scores: {}, noOpinion: 0, mean: null };
	}
	return out;
}

type Timed = { timestamp: string; revid: number; id: string };

/**
 * Oldest first. Timestamps have one-second resolution, so ties are broken by revision id, which
 * MediaWiki assigns in save order across all pages; the id only settles what is still equal.
 */
function byTime( a: Timed, b: Timed ): number {
	return a.timestamp.localeCompare( b.timestamp ) || a.revid - b.revid ||
		a.id.localeCompare( b.id );
}
