/**
 * Reads the counts the eager module shows from the bot's summary JSON: for one draft, each
 * section's entries, stance spread and anchor on the summary page.
 *
 * Why not `parseSummary` here: see config-lite.ts (the eager module's size budget). This reader
 * follows the summary contract (shared/contracts/summary.ts) for every field it uses, including
 * its consistency rule (stance counts add up to at most the entries), refuses other versions,
 * and rejects the whole document on any problem in what it reads, so a broken or hostile summary
 * shows no counts rather than wrong ones. test/unit/gadget-core/summary-lite.test.ts checks it
 * against `parseSummary` on the contract's fixtures.
 *
 * @packageDocumentation
 */
import type { SectionSummary } from '../../shared/contracts/summary.ts';

/** The figures of one section the eager module shows. */
export type SectionCounts = Pick<SectionSummary, 'entries' | 'stances' | 'anchor'>;

const ID = /^(?:glossary:)?[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** As the contract: a page fragment without spaces or `# < > [ ] { } |`. */
const ANCHOR = /^[^\s#<>[\]{}|]{1,200}$/;

function isRecord( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function isCount( value: unknown ): value is number {
	// Number.isInteger is false for anything that is not a number.
	return Number.isInteger( value ) && ( value as number ) >= 0;
}

function readSection( value: unknown ): SectionCounts | null {
	if ( !isRecord( value ) || !isCount( value.entries ) || !isRecord( value.stances ) ||
		typeof value.anchor !== 'string' || !ANCHOR.test( value.anchor ) ) {
		return null;
	}
	const stances: Record<string, number> = {};
	let sum = 0;
	for ( const id of Object.keys( value.stances ) ) {
		const n = value.stances[ id ];
		if ( !ID.test( id ) || !isCount( n ) ) {
			return null;
		}
		stances[ id ] = n;
		sum += n;
	}
	return sum > value.entries ? null : { entries: value.entries, stances, anchor: value.anchor };
}

/**
 * The counts per section id of one draft, from the summary document's JSON text. `null` when
 * the text is not a version 1 summary or anything read is invalid; an empty map when the draft
 * has no figures yet.
 */
export function readSectionCounts(
	json: string,
	draftId: string,
): Map<string, SectionCounts> | null {
	let doc: unknown;
	try {
		doc = JSON.parse( json );
	} catch {
		return null;
	}
	if ( !isRecord( doc ) || doc.version !== 1 || !isRecord( doc.drafts ) ) {
		return null;
	}
	const counts = new Map<string, SectionCounts>();
	if ( !Object.prototype.hasOwnProperty.call( doc.drafts, draftId ) ) {
		return counts;
	}
	const draft = doc.drafts[ draftId ];
	if ( !isRecord( draft ) || !isRecord( draft.sections ) ) {
		return null;
	}
	for ( const id of Object.keys( draft.sections ) ) {
		const section = readSection( draft.sections[ id ] );
		if ( !ID.test( id ) || !section ) {
			return null;
		}
		counts.set( id, section );
	}
	return counts;
}
