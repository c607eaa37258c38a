/**
 * `collect`: reads the talk pages and their archives, applies every revision since the last
 * checkpoint to the attribution state, and saves it.
 *
 * Requests: one generator query lists every watched page with its latest revision id (pages under
 * the common prefix of the talk pages and archive prefixes, 500 a request with the bot flag); only
 * pages changed since their checkpoint are read further: a page's history directly when there are
 * few such pages (or it was never read: listing the whole namespace from the beginning would be
 * far worse on Meta), otherwise `list=allrevisions` since the oldest checkpoint (5,000 ids a
 * request) and then the revisions' texts by id (500 a request, resumed when a response is cut).
 *
 * @packageDocumentation
 */
import {
	applyRevisions, flagsOf, liveDuplicates, type EntrySnapshot, type RevisionInput,
	type AttributionOptions,
} from '../../shared/aggregate/attribution.ts';
import { findDraftByTalkTitle, isMember } from '../../shared/contracts/config.ts';
import type { Config } from '../../shared/contracts/config.ts';
import { parseEntries } from '../../shared/entry/parse.ts';
import { saveState } from '../state/store.ts';
import {
	listNewRevisions, listPages, readPageHistory, readRevisions,
	type FullRevision, type PageHead,
} from '../wiki/read.ts';
import type { Context } from './context.ts';

/** Outcome of a collect. */
export interface CollectResult {
	/** Watched pages (talk pages and archives that exist). */
	pages: number;
	/** Pages with new revisions. */
	changedPages: number;
	/** Revisions applied. */
	revisions: number;
	/** Entry ids seen for the first time. */
	newEntries: number;
	/** Entry ids known in total. */
	entries: number;
	/** Entries with at least one flag other than archived. */
	flagged: number;
	/** Newest revision applied. */
	checkpoint: number;
}

/** Attribution options from the configuration. */
export function attributionOptions( config: Config ): AttributionOptions {
	return {
		isArchive: ( title ) => findDraftByTalkTitle( config, title )?.archive !== null,
		isMember: ( user ) => isMember( config, user ),
	};
}

/** Parses one revision's text into entry snapshots (the codec does the reading). */
export function snapshotsOf( text: string, template: string ): EntrySnapshot[] {
	return parseEntries( text, { template } ).entries.map( ( p ): EntrySnapshot => {
		const e = p.entry;
		const rubric: Record<string, number | null> = {};
		for ( const [ q, a ] of Object.entries( e.rubric ?? {} ) ) {
			rubric[ q ] = a === 'na' ? null : a;
		}
		return {
			id: e.id,
			data: {
				section: e.section ?? '',
				stance: e.stance ?? '',
				rubric,
				region: e.region ?? '',
				lang: e.lang ?? '',
				comment: e.comment ?? '',
				wording: e.wording ?? '',
				page: e.page ?? '',
				rev: e.rev ?? 0,
			},
			status: e.status ?? 'open',
			statusNote: e.statusNote ?? '',
			signatureUser: p.signature ? p.signature.user : null,
		};
	} );
}

function commonPrefix( values: string[] ): string {
	if ( !values.length ) {
		return '';
	}
	let prefix = values[ 0 ] ?? '';
	for ( const v of values ) {
		while ( !v.startsWith( prefix ) ) {
			prefix = prefix.slice( 0, -1 );
		}
	}
	return prefix;
}

/** Lists the talk pages and archives that exist, with their latest revision. */
async function watchedPages( ctx: Context ): Promise<PageHead[]> {
	const byNamespace = new Map<number, string[]>();
	for ( const draft of ctx.config.drafts ) {
		for ( const t of [ draft.talkPage, draft.archivePrefix ] ) {
			const title = new ctx.bot.Title( t.trim() || t );
			const ns = title.getNamespaceId();
			const list = byNamespace.get( ns ) ?? [];
			// Main text without a trailing space (archive prefixes may end with one).
			list.push( t.endsWith( ' ' ) ? `${ title.getMainText() } ` : title.getMainText() );
			byNamespace.set( ns, list );
		}
	}
	const heads: PageHead[] = [];
	for ( const [ ns, names ] of byNamespace ) {
		const prefix = commonPrefix( names );
		const listed = await listPages( ctx.api, ns, prefix, ctx.account.highLimits );
		heads.push( ...listed.filter( ( h ) => findDraftByTalkTitle( ctx.config, h.title ) ) );
	}
	return heads;
}

function toInput( rev: FullRevision, template: string ): RevisionInput {
	return {
		revid: rev.revid,
		title: rev.title,
		timestamp: rev.timestamp,
		user: rev.user,
		anon: rev.anon,
		entries: rev.text === null ? null : snapshotsOf( rev.text, template ),
	};
}

/** Runs collect and saves the state. */
export async function collect( ctx: Context ): Promise<CollectResult> {
	const { api, config, state, out } = ctx;
	const attribution = state.attribution;
	const high = ctx.account.highLimits;
	const heads = await watchedPages( ctx );
	out.verbose( `Watching ${ heads.length } pages: ${ heads.map( ( h ) => h.title ).join( ', ' ) }` );
	for ( const title of Object.keys( attribution.pages ) ) {
		if ( !heads.some( ( h ) => h.title === title ) ) {
			out.warn( `${ title } was read before but no longer exists (deleted or moved); ` +
				'its entries keep their last known state' );
		}
	}
	const checkpointOf = ( title: string ): number => attribution.pages[ title ]?.lastRevid ?? 0;
	const changed = heads.filter( ( h ) => h.lastRevid > checkpointOf( h.title ) );
	const fresh = changed.filter( ( h ) => !attribution.pages[ h.title ] );
	const known = changed.filter( ( h ) => attribution.pages[ h.title ] );
	const revisions: FullRevision[] = [];
	const perPage = known.length <= 2 ? [ ...fresh, ...known ] : fresh;
	const bulk = perPage === fresh && known.length > 0;
	const steps = perPage.length + ( bulk ? 1 : 0 );
	let done = 0;
	if ( steps ) {
		out.progress( 'Reading history', done, steps );
	}
	for ( const h of perPage ) {
		revisions.push( ...await readPageHistory( api, h.title, checkpointOf( h.title ), high ) );
		out.progress( 'Reading history', ++done, steps );
	}
	if ( bulk ) {
		// Many changed pages: list new revision ids per namespace, then read them by id.
		const byNs = new Map<number, PageHead[]>();
		for ( const h of known ) {
			const ns = new ctx.bot.Title( h.title ).getNamespaceId();
			byNs.set( ns, [ ...( byNs.get( ns ) ?? [] ), h ] );
		}
		const ids: number[] = [];
		for ( const [ ns, pages ] of byNs ) {
			const since = new Map( pages.map( ( h ) => [ h.title, checkpointOf( h.title ) ] ) );
			const start = pages.map( ( h ) => attribution.pages[ h.title ]?.lastTimestamp ?? '' )
				.sort()[ 0 ] ?? '';
			const found = await listNewRevisions( api, ns, since, start, high );
			ids.push( ...found.map( ( r ) => r.revid ) );
		}
		out.verbose( `${ ids.length } new revisions on ${ known.length } pages` );
		revisions.push( ...await readRevisions( api, ids, high ) );
		out.progress( 'Reading history', steps, steps );
	}
	const before = Object.keys( attribution.entries ).length;
	const template = config.templates.entry;
	const inputs = revisions.map( ( r ) => toInput( r, template ) );
	const options = attributionOptions( config );
	const knownDuplicates = new Set( liveDuplicates( attribution, options.isArchive )
		.map( ( d ) => d.id ) );
	const applied = applyRevisions( attribution, inputs, options );
	for ( const d of liveDuplicates( attribution, options.isArchive ) ) {
		if ( !knownDuplicates.has( d.id ) ) {
			out.warn( `entry id ${ d.id } is on ${ d.pages.join( ' and ' ) }: it is counted once, ` +
				'with the other copy as an edit by its writer; check whether they are one entry' );
		}
	}
	// Entry problems on the current text of each changed page, for `status` and the log.
	for ( const h of changed ) {
		const latest = revisions.filter( ( r ) => r.title === h.title )
			.sort( ( a, b ) => b.revid - a.revid )[ 0 ];
		if ( !latest || latest.text === null ) {
			continue;
		}
		const problems = parseEntries( latest.text, { template } ).problems
			.map( ( p ) => ( { line: p.line, message: p.message } ) );
		state.problems = state.problems.filter( ( p ) => p.title !== h.title );
		if ( problems.length ) {
			state.problems.push( { title: h.title, problems } );
			for ( const p of problems ) {
				out.warn( `${ h.title }, line ${ p.line }: ${ p.message }` );
			}
		}
	}
	const records = Object.values( attribution.entries );
	const checkpoint = Object.values( attribution.pages )
		.reduce( ( m, p ) => Math.max( m, p.lastRevid ), 0 );
	saveState( ctx.statePath, state );
	return {
		pages: heads.length,
		changedPages: changed.length,
		revisions: applied,
		newEntries: records.length - before,
		entries: records.length,
		flagged: records.filter( ( r ) => {
			const f = flagsOf( r );
			return f.forged || f.editedByOthers || f.removed || f.withdrawn ||
				f.statusByNonMember || f.uncertain;
		} ).length,
		checkpoint,
	};
}
