/**
 * Contract conformance of the producer: whatever history the bot's attribution and aggregation
 * see, the summary JSON they publish passes `parseSummary`, so the gadget never refuses the bot's
 * own output. Histories are generated with fast-check over the fixture configuration's ids
 * (members, non-members, hidden users, IPs; edits, removals, archives, status changes).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	applyRevisions, emptyState, isAttributionState, type EntrySnapshot, type RevisionInput,
} from '../../../shared/aggregate/attribution.ts';
import { summarize } from '../../../shared/aggregate/summarize.ts';
import { toSummaryJson } from '../../../shared/aggregate/summary-json.ts';
import { parseSummary } from '../../../shared/contracts/summary.ts';
import { STATUSES } from '../../../shared/contracts/status.ts';
import { findDraftByTalkTitle, isMember, parseConfig } from '../../../shared/contracts/config.ts';
import { formatProblems } from '../../../shared/validate.ts';
import { fixture } from './fixtures.ts';

const parsed = parseConfig( fixture( 'config-site.valid.json' ), fixture( 'config-sprint.valid.json' ) );
if ( !parsed.ok ) {
	throw new Error( 'configuration fixtures must parse' );
}
const config = parsed.value;
const definition = config.drafts[ 0 ];
const plan = config.drafts[ 1 ];
if ( !definition || !plan ) {
	throw new Error( 'the fixture configuration has two drafts' );
}
const titles = [ definition.talkPage, `${ definition.archivePrefix }1`, plan.talkPage ];
const users: { user: string | null; anon: boolean }[] = [
	{ user: 'Alice', anon: false }, { user: 'Bob', anon: false }, { user: 'Chandra', anon: false },
	{ user: '192.0.2.7', anon: true }, { user: null, anon: false },
];
const sections = config.drafts.flatMap( ( d ) => d.sections.map( ( s ) => s.id ) );
const { min, max } = config.rubric.scale;

const entryData = fc.record( {
	section: fc.constantFrom( ...sections ),
	stance: fc.constantFrom( '', ...config.stances.map( ( s ) => s.id ) ),
	rubric: fc.dictionary(
		fc.constantFrom( ...config.rubric.questions.map( ( q ) => q.id ) ),
		// What the codec accepts, not only the scale: a hand-written `r-useful=9` or `0` reaches
		// the aggregation too, and "no opinion" is null.
		fc.oneof( fc.integer( { min, max } ), fc.integer( { min: -1000, max: 1000 } ),
			fc.constant( null ) ),
	),
	region: fc.constantFrom( '', ...config.regions.map( ( r ) => r.id ) ),
	lang: fc.constantFrom( ...config.languages ),
	comment: fc.constantFrom( 'text', 'edited text' ),
	wording: fc.constant( '' ),
	page: fc.constant( definition.title ),
	rev: fc.nat( 100 ),
} );

const snapshot = fc.record( {
	id: fc.constantFrom( ...[ 1, 2, 3, 4, 5, 6 ].map( ( n ) => `20261129-14223${ n }-k3f9q${ n }` ) ),
	data: entryData,
	status: fc.constantFrom( ...STATUSES ),
	statusNote: fc.constantFrom( '', 'why' ),
	signatureUser: fc.constantFrom( null, 'Alice', 'Bob' ),
} );

const history = fc.array( fc.record( {
	title: fc.constantFrom( ...titles ),
	actor: fc.constantFrom( ...users ),
	entries: fc.option(
		fc.uniqueArray( snapshot, { selector: ( e ) => e.id, maxLength: 4 } ),
		{ freq: 8 },
	),
} ), { maxLength: 12 } );

describe( 'summary JSON produced by the aggregation', () => {
	it( 'always passes parseSummary', () => {
		fc.assert( fc.property( history, ( steps ) => {
			const revisions: RevisionInput[] = steps.map( ( step, i ) => ( {
				revid: i + 1,
				title: step.title,
				timestamp: new Date( Date.UTC( 2026, 10, 20, 0, 0, i ) ).toISOString().replace( '.000', '' ),
				user: step.actor.user,
				anon: step.actor.anon,
				entries: step.entries as EntrySnapshot[] | null,
			} ) );
			const state = emptyState();
			applyRevisions( state, revisions, {
				isArchive: ( t ) => typeof findDraftByTalkTitle( config, t )?.archive === 'number',
				isMember: ( u ) => isMember( config, u ),
			} );
			// The cache's check accepts every state the engine makes (else every run rebuilds).
			expect( isAttributionState( JSON.parse( JSON.stringify( state ) ) ) ).toBe( true );
			const data = summarize( config, Object.values( state.entries ),
				( t ) => findDraftByTalkTitle( config, t )?.draft.id ?? null );
			const json = toSummaryJson( data, { min, max }, '2026-11-29T12:00:00Z', 'sprint-3' );
			const result = parseSummary( JSON.parse( JSON.stringify( json ) ) );
			expect( result.ok, formatProblems( result.problems ) ).toBe( true );
		} ), { numRuns: 200 } );
		// The engine and the validator do real work per history; the machine is shared.
	}, 60000 );
} );
