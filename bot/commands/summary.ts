/**
 * `summary`: renders the summary page and the summary JSON from the attribution state and writes
 * them when (and only when) their content changed.
 *
 * Output depends only on the wiki's history and the configuration: the "as of" time is the newest
 * revision read, not the clock, so a second run on an unchanged wiki makes no edit and a run with
 * the cache deleted writes byte-identical pages.
 *
 * @packageDocumentation
 */
import { summarize, type AggregateConfig, type SummaryData } from '../../shared/aggregate/summarize.ts';
import { renderSummaryPage } from '../../shared/aggregate/summary-page.ts';
import { toSummaryJson } from '../../shared/aggregate/summary-json.ts';
import { findDraftByTalkTitle, currentSprint, type Config } from '../../shared/contracts/config.ts';
import { parseSummary, type Summary } from '../../shared/contracts/summary.ts';
import { unifiedDiff } from '../../shared/line-diff.ts';
import { formatProblems } from '../../shared/validate.ts';
import type { AttributionState } from '../../shared/aggregate/attribution.ts';
import { readCurrent } from '../wiki/read.ts';
import { Writer, wouldChange, type EditOutcome } from '../wiki/write.ts';
import { ApiError } from '../wiki/api.ts';
import type { Context } from './context.ts';

/** The two documents. */
export interface SummaryDocuments {
	data: SummaryData;
	page: string;
	json: Summary;
	jsonText: string;
	asOf: string;
}

/** Outcome of `summary`. */
export interface SummaryResult {
	page: EditOutcome;
	json: EditOutcome;
	entries: number;
	flagged: number;
	/** Pages skipped because of exclusion templates. */
	excluded: string[];
}

function aggregateConfig( config: Config ): AggregateConfig {
	return {
		drafts: config.drafts,
		stances: config.stances,
		rubric: config.rubric,
		regions: config.regions,
	};
}

/** Builds both documents from the state (pure apart from reading the configuration). */
export function buildDocuments( config: Config, attribution: AttributionState ): SummaryDocuments {
	const records = Object.keys( attribution.entries ).sort()
		.map( ( id ) => attribution.entries[ id ] )
		.filter( ( r ) => r !== undefined );
	const data = summarize( aggregateConfig( config ), records,
		( title ) => findDraftByTalkTitle( config, title )?.draft.id ?? null );
	const asOf = Object.values( attribution.pages )
		.reduce( ( m, p ) => p.lastTimestamp > m ? p.lastTimestamp : m, '' ) || '1970-01-01T00:00:00Z';
	const sprint = currentSprint( config, asOf );
	const json = toSummaryJson( data, config.rubric.scale, asOf.replace( /\.\d+Z$/, 'Z' ), sprint?.id );
	const check = parseSummary( json );
	if ( !check.ok ) {
		// Never publish a document the gadget would reject.
		throw new Error( `The summary JSON does not satisfy its contract (a bug):\n${ formatProblems( check.problems ) }` );
	}
	return {
		data,
		page: renderSummaryPage( aggregateConfig( config ), data, { asOf } ),
		json,
		jsonText: JSON.stringify( json, null, '\t' ) + '\n',
		asOf,
	};
}

function totals( doc: Summary | null ): { entries: number; flagged: number } {
	if ( !doc ) {
		return { entries: 0, flagged: 0 };
	}
	const entries = Object.values( doc.drafts ).reduce( ( t, d ) => t + d.entries, 0 );
	return { entries, flagged: doc.flagged.total };
}

function signed( n: number ): string {
	return n > 0 ? `+${ n }` : String( n );
}

/** Edit summary saying what changed, from the previous JSON (if readable) to the new one. */
export function editSummary( previous: Summary | null, next: Summary, what: string ): string {
	const a = totals( previous );
	const b = totals( next );
	const parts = [
		`${ b.entries } entries (${ signed( b.entries - a.entries ) })`,
		`${ b.flagged } flagged (${ signed( b.flagged - a.flagged ) })`,
	];
	function entriesOf( doc: Summary | null, id: string ): number {
		return doc?.drafts[ id ]?.entries ?? 0;
	}
	const changedDrafts = Object.keys( next.drafts )
		.filter( ( id ) => entriesOf( previous, id ) !== entriesOf( next, id ) );
	if ( changedDrafts.length ) {
		parts.push( `new figures for ${ changedDrafts.join( ', ' ) }` );
	}
	return `Bot: update ${ what }: ${ parts.join( ', ' ) }`;
}

/** Runs `summary` (after `collect` has brought the state up to date). */
export async function summary( ctx: Context ): Promise<SummaryResult> {
	const { config, out } = ctx;
	const docs = buildDocuments( config, ctx.state.attribution );
	const pageTitle = config.pages.summary;
	const jsonTitle = config.pages.summaryJson;
	const current = await readCurrent( ctx.api, [ pageTitle, jsonTitle ], ctx.account.highLimits );
	const oldPage = current.get( pageTitle );
	const oldJson = current.get( jsonTitle );
	const previous = oldJson && !oldJson.missing ? parseSummary( oldJson.text ) : null;
	const previousSummary = previous && previous.ok ? previous.value : null;
	const pacingEnv = process.env.LDWG_BOT_PACING === 'off';
	const writer = new Writer( ctx.api, {
		botName: config.bot.username,
		shutoffTitle: config.pages.shutoff,
		editsPerMinute: ctx.options.pacing && !pacingEnv ? config.bot.editsPerMinute : 0,
		highLimits: ctx.account.highLimits,
		dryRun: ctx.options.dryRun,
		onDryRun: ( title, before, after ) => {
			out.result( unifiedDiff( before, after, { from: `${ title } (current)`, to: `${ title } (new)` } ) );
		},
		log: ( line ) => out.info( line ),
	} );
	const outcome = async (
		title: string, text: string, model: 'wikitext' | 'json',
		existing: typeof oldPage, what: string,
	): Promise<EditOutcome> => {
		// Cheap pre-check with the text read above; the writer checks again right before saving.
		if ( existing && !existing.missing && !wouldChange( existing.text, text, model ) ) {
			return 'unchanged';
		}
		const comment = editSummary( previousSummary, docs.json, what );
		return writer.write( { title, text, summary: comment, contentModel: model } );
	};
	// The two pages are independent: an API error on the summary page (protected, say) must not
	// freeze the JSON the gadget's counts come from. Stops (shutoff, wait budget) still stop.
	let pageError: ApiError | null = null;
	let page: EditOutcome = 'unchanged';
	try {
		page = await outcome( pageTitle, docs.page, 'wikitext', oldPage, 'feedback summary' );
	} catch ( e ) {
		if ( !( e instanceof ApiError ) ) {
			throw e;
		}
		pageError = e;
		out.warn( `${ pageTitle } was not written (${ e.message }); writing ${ jsonTitle } all the same` );
	}
	const json = await outcome( jsonTitle, docs.jsonText, 'json', oldJson, 'summary data' );
	if ( pageError ) {
		throw new ApiError( pageError.code, `${ pageTitle }: ${ pageError.message }` );
	}
	return {
		page,
		json,
		entries: docs.data.totals.entries,
		flagged: docs.data.totals.flagged,
		excluded: writer.excluded,
	};
}
