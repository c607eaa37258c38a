/**
 * Converts the aggregation into the summary JSON of the data contract
 * (`shared/contracts/summary.ts`), the small figures-only document the gadget loads.
 *
 * @packageDocumentation
 */
import {
	FLAG_KINDS, SUMMARY_VERSION, sectionAnchor, type DraftSummary, type Summary,
} from '../contracts/summary.ts';
import type { SummaryData } from './summarize.ts';

/** Builds the summary document. `generated` is passed in so equal inputs give equal output. */
export function toSummaryJson(
	data: SummaryData,
	scale: { min: number; max: number },
	generated: string,
	sprint?: string,
): Summary {
	const drafts: Record<string, DraftSummary> = {};
	for ( const d of data.drafts ) {
		const sections: DraftSummary[ 'sections' ] = {};
		for ( const s of d.sections ) {
			const stances: Record<string, number> = {};
			for ( const [ id, n ] of Object.entries( s.stances ) ) {
				// The contract keys stances by id; entries without a stance are simply not counted.
				if ( id !== '' && n > 0 ) {
					stances[ id ] = n;
				}
			}
			const regions: Record<string, number> = {};
			for ( const [ id, n ] of Object.entries( s.regions ) ) {
				if ( id !== 'other' ) {
					regions[ id ] = n;
				}
			}
			sections[ s.id ] = {
				entries: s.entries,
				contributors: s.contributors,
				stances,
				rubric: s.rubric,
				regions,
				languages: s.languages,
				status: { ...s.status },
				anchor: sectionAnchor( d.id, s.id ),
				flagged: s.flagged,
			};
		}
		drafts[ d.id ] = {
			title: d.title, entries: d.entries, contributors: d.contributors, sections,
		};
	}
	const flagged: Summary[ 'flagged' ] = { total: data.flagged.length };
	for ( const kind of FLAG_KINDS ) {
		const n = data.flagged.filter( ( f ) => f.flags.includes( kind ) ).length;
		if ( n ) {
			flagged[ kind ] = n;
		}
	}
	const summary: Summary = {
		version: SUMMARY_VERSION,
		generated,
		scale: { min: scale.min, max: scale.max },
		drafts,
		flagged,
	};
	if ( sprint ) {
		summary.sprint = sprint;
	}
	return summary;
}
