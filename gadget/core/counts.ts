/**
 * What the counts next to a section say: the number of entries and the stance spread, from the
 * bot's summary plus the entries this reader saved since the page loaded. Pure, so the decisions
 * (which stances to list, in which order, how a new entry changes them) are unit-tested.
 *
 * @packageDocumentation
 */
import type { StanceConfig } from '../../shared/contracts/config.ts';
import type { SectionCounts } from './summary-lite.ts';

/** One stance in the spread. */
export interface StanceCount {
	/** Stance id. */
	id: string;
	/** Label in the reader's language (or the configuration's English label). */
	label: string;
	/** Entries with that stance. */
	count: number;
}

/** The counts shown next to a section. */
export interface CountsView {
	/** Entries in the section, including those saved on this page view. */
	entries: number;
	/** Stances chosen at least once, in configuration order. */
	stances: StanceCount[];
	/** Fragment of the section's entries on the summary page. */
	anchor: string;
}

/**
 * Builds the counts of a section, or `null` when the summary has no figures for it: without the
 * bot's figures the total is unknown, and a count of only this reader's entries would mislead.
 *
 * Stances the configuration no longer offers are counted in `entries` but not listed: without a
 * configured label they could not be named.
 *
 * @param figures The section's figures in the summary (`null` when it has none).
 * @param stances The configured stances, in display order.
 * @param label Label of a stance in the reader's language.
 * @param saved Stance ids of the entries saved on this page view (not yet in the summary).
 */
export function countsView(
	figures: SectionCounts | null | undefined,
	stances: readonly Pick<StanceConfig, 'id' | 'label'>[],
	label: ( stance: Pick<StanceConfig, 'id' | 'label'> ) => string,
	saved: readonly string[] = [],
): CountsView | null {
	if ( !figures ) {
		return null;
	}
	const count = ( id: string ): number => {
		const own = Object.prototype.hasOwnProperty.call( figures.stances, id ) ?
			figures.stances[ id ] || 0 : 0;
		return own + saved.filter( ( s ) => s === id ).length;
	};
	return {
		entries: figures.entries + saved.length,
		stances: stances
			.filter( ( s ) => count( s.id ) > 0 )
			.map( ( s ) => ( { id: s.id, label: label( s ), count: count( s.id ) } ) ),
		anchor: figures.anchor,
	};
}
