/**
 * Reading pages and history in as few requests as the API allows.
 *
 * - {@link listPages}: pages under a prefix with their latest revision ids (one generator query,
 *   up to 500 pages a request with `apihighlimits`, 50 without).
 * - {@link readCurrent}: current text of many titles (500/50 titles a request); a response cut
 *   at the API's size limit leaves pages without revisions and a `continue`: we follow it and
 *   never mistake a cut page for an empty one.
 * - {@link listNewRevisions} and {@link readRevisions}: the revisions since a checkpoint, found
 *   cheaply without content (5,000 a request for bots), then read by id (500/50 a request, or
 *   fewer when the 8 MiB limit cuts a response, which `continue` resumes).
 *
 * @packageDocumentation
 */
import type { ApiParams } from 'mwn';
import type { ApiResponse, WikiApi } from './api.ts';

/** A page's identity and latest revision. */
export interface PageHead {
	title: string;
	pageid: number;
	/** Latest revision id (0 when the page does not exist). */
	lastRevid: number;
	/** Its timestamp ('' when missing). */
	lastTimestamp: string;
	missing: boolean;
}

/** A page's current text. */
export interface PageText extends PageHead {
	/** Current wikitext ('' when missing). */
	text: string;
	/** Content model of the current revision. */
	contentModel: string;
}

/** One revision with its text (null when revision-deleted). */
export interface FullRevision {
	revid: number;
	title: string;
	timestamp: string;
	/** null when the user is revision-deleted. */
	user: string | null;
	anon: boolean;
	text: string | null;
}

interface RawSlot {
	content?: unknown;
	contentmodel?: unknown;
	texthidden?: unknown;
	missing?: unknown;
}
interface RawRevision {
	revid?: unknown;
	timestamp?: unknown;
	user?: unknown;
	userhidden?: unknown;
	anon?: unknown;
	temp?: unknown;
	slots?: { main?: RawSlot };
}
interface RawPage {
	title?: unknown;
	pageid?: unknown;
	missing?: unknown;
	invalid?: unknown;
	revisions?: RawRevision[];
}

/** Batch size of multi-value parameters (`titles`, `revids`): 500 with apihighlimits, else 50. */
export function batchSize( highLimits: boolean ): number {
	return highLimits ? 500 : 50;
}

function pagesOf( response: ApiResponse ): RawPage[] {
	const query = response.query as { pages?: RawPage[] } | undefined;
	return Array.isArray( query?.pages ) ? query.pages : [];
}

function continueOf( response: ApiResponse ): Record<string, string> | null {
	const c = response.continue;
	return c && typeof c === 'object' ? c as Record<string, string> : null;
}

function str( value: unknown ): string {
	return typeof value === 'string' ? value : '';
}

function num( value: unknown ): number {
	return typeof value === 'number' ? value : 0;
}

/** True for IPv4/IPv6 addresses, which MediaWiki uses as the "user" of logged-out edits. */
export function isIp( name: string ): boolean {
	const parts = name.split( '.' );
	if ( parts.length === 4 && parts.every( ( p ) => /^\d{1,3}$/.test( p ) ) ) {
		return true;
	}
	return name.includes( ':' ) && /^[0-9a-f:]+$/i.test( name );
}

/**
 * Follows `continue` until the query is complete, calling `each` with every response.
 */
async function queryAll(
	api: WikiApi,
	params: ApiParams,
	each: ( response: ApiResponse ) => void,
): Promise<void> {
	let cont: Record<string, string> | null = {};
	while ( cont ) {
		const response = await api.get( { action: 'query', ...params, ...cont } );
		each( response );
		cont = continueOf( response );
	}
}

/**
 * Lists the pages in a namespace whose title (without namespace) starts with `prefix`, with their
 * latest revision id.
 */
export async function listPages(
	api: WikiApi,
	namespace: number,
	prefix: string,
	highLimits: boolean,
): Promise<PageHead[]> {
	const heads = new Map<string, PageHead>();
	await queryAll( api, {
		generator: 'allpages',
		gapnamespace: namespace,
		gapprefix: prefix,
		gaplimit: batchSize( highLimits ),
		prop: 'revisions',
		rvprop: 'ids|timestamp',
	}, ( response ) => {
		for ( const p of pagesOf( response ) ) {
			const rev = p.revisions?.[ 0 ];
			const title = str( p.title );
			if ( !rev ) {
				// Revisions come in a later continuation of the same query.
				if ( !heads.has( title ) ) {
					heads.set( title, { title, pageid: num( p.pageid ), lastRevid: 0, lastTimestamp: '', missing: false } );
				}
				continue;
			}
			heads.set( title, {
				title, pageid: num( p.pageid ), lastRevid: num( rev.revid ),
				lastTimestamp: str( rev.timestamp ), missing: false,
			} );
		}
	} );
	const incomplete = [ ...heads.values() ].filter( ( h ) => h.lastRevid === 0 );
	if ( incomplete.length ) {
		throw new Error( `The API returned no revision for ${ incomplete.map( ( h ) => h.title ).join( ', ' ) }: cannot tell what changed` );
	}
	return [ ...heads.values() ].sort( ( a, b ) => a.title.localeCompare( b.title ) );
}

/**
 * Reads the current text of `titles` (batched). Missing pages come back with `missing: true`.
 *
 * @throws Error when an existing page comes back without its text even after continuation
 */
export async function readCurrent(
	api: WikiApi,
	titles: readonly string[],
	highLimits: boolean,
): Promise<Map<string, PageText>> {
	const out = new Map<string, PageText>();
	const size = batchSize( highLimits );
	for ( let i = 0; i < titles.length; i += size ) {
		const batch = titles.slice( i, i + size );
		await queryAll( api, {
			titles: batch,
			prop: 'revisions',
			rvprop: 'ids|timestamp|content',
			rvslots: 'main',
		}, ( response ) => {
			for ( const p of pagesOf( response ) ) {
				const title = str( p.title );
				if ( p.missing !== undefined || p.invalid !== undefined ) {
					out.set( title, {
						title, pageid: 0, lastRevid: 0, lastTimestamp: '', missing: true,
						text: '', contentModel: '',
					} );
					continue;
				}
				const rev = p.revisions?.[ 0 ];
				const main = rev?.slots?.main;
				if ( !rev || !main || typeof main.content !== 'string' ) {
					continue;
				}
				out.set( title, {
					title, pageid: num( p.pageid ), lastRevid: num( rev.revid ),
					lastTimestamp: str( rev.timestamp ), missing: false,
					text: main.content, contentModel: str( main.contentmodel ),
				} );
			}
		} );
	}
	// Compare with MediaWiki's normalised titles: the API returns its own spelling.
	const got = new Set( [ ...out.keys() ] );
	const lost = titles.filter( ( t ) => !got.has( t ) && !got.has( t.replace( /_/g, ' ' ) ) );
	if ( lost.length ) {
		throw new Error( `The API returned no text for ${ lost.join( ', ' ) } (response cut or text hidden): not treating them as empty` );
	}
	return out;
}

/**
 * Revision ids since a checkpoint, for many pages at once, from `list=allrevisions` in their
 * namespace (no content: 5,000 a request with apihighlimits, 500 without). `since` maps each
 * page's title to the last revision already applied (only later ones are returned); `start` is
 * the timestamp to start from (the oldest checkpoint among those pages, '' for all history).
 */
export async function listNewRevisions(
	api: WikiApi,
	namespace: number,
	since: Map<string, number>,
	start: string,
	highLimits: boolean,
): Promise<{ revid: number; title: string }[]> {
	const found: { revid: number; title: string }[] = [];
	const params: ApiParams = {
		list: 'allrevisions',
		arvnamespace: namespace,
		arvdir: 'newer',
		arvprop: 'ids',
		arvlimit: highLimits ? 5000 : 500,
	};
	if ( start ) {
		params.arvstart = start;
	}
	await queryAll( api, params, ( response ) => {
		const query = response.query as { allrevisions?: RawPage[] } | undefined;
		for ( const p of query?.allrevisions ?? [] ) {
			const title = str( p.title );
			const after = since.get( title );
			if ( after === undefined ) {
				continue;
			}
			for ( const rev of p.revisions ?? [] ) {
				const revid = num( rev.revid );
				if ( revid > after ) {
					found.push( { revid, title } );
				}
			}
		}
	} );
	return found;
}

/**
 * Revisions of one page after `afterRevid` (0: its whole history), oldest first, with content
 * (for a few pages this is cheaper than listing the whole namespace).
 */
export async function readPageHistory(
	api: WikiApi,
	title: string,
	afterRevid: number,
	highLimits: boolean,
): Promise<FullRevision[]> {
	const out: FullRevision[] = [];
	const params: ApiParams = {
		titles: title,
		prop: 'revisions',
		rvprop: 'ids|timestamp|user|flags|content',
		rvslots: 'main',
		rvdir: 'newer',
		rvlimit: highLimits ? 500 : 50,
	};
	if ( afterRevid > 0 ) {
		// rvstartid must be an existing revision; the checkpoint is one (re-read, then skipped).
		params.rvstartid = afterRevid;
	}
	await queryAll( api, params, ( response ) => {
		for ( const p of pagesOf( response ) ) {
			for ( const rev of p.revisions ?? [] ) {
				const full = toFull( str( p.title ), rev );
				if ( full.revid > afterRevid ) {
					out.push( full );
				}
			}
		}
	} );
	return out;
}

function toFull( title: string, rev: RawRevision ): FullRevision {
	const hiddenUser = rev.userhidden !== undefined && rev.userhidden !== false;
	const user = hiddenUser ? null : str( rev.user ) || null;
	const main = rev.slots?.main;
	const textHidden = !main || ( main.texthidden !== undefined && main.texthidden !== false ) ||
		typeof main.content !== 'string';
	return {
		revid: num( rev.revid ),
		title,
		timestamp: str( rev.timestamp ),
		user,
		anon: rev.anon === true || rev.temp === true || ( user !== null && isIp( user ) ),
		text: textHidden ? null : String( main?.content ),
	};
}

/**
 * Reads revisions by id with their content (batched; responses cut at the size limit are resumed
 * with `continue`).
 *
 * @throws Error when a requested revision never comes back
 */
export async function readRevisions(
	api: WikiApi,
	revids: readonly number[],
	highLimits: boolean,
): Promise<FullRevision[]> {
	const out = new Map<number, FullRevision>();
	const size = batchSize( highLimits );
	for ( let i = 0; i < revids.length; i += size ) {
		const batch = revids.slice( i, i + size );
		await queryAll( api, {
			revids: batch.map( String ),
			prop: 'revisions',
			rvprop: 'ids|timestamp|user|flags|content',
			rvslots: 'main',
		}, ( response ) => {
			for ( const p of pagesOf( response ) ) {
				for ( const rev of p.revisions ?? [] ) {
					const full = toFull( str( p.title ), rev );
					out.set( full.revid, full );
				}
			}
		} );
	}
	const lost = revids.filter( ( r ) => !out.has( r ) );
	if ( lost.length ) {
		throw new Error( `The API did not return revisions ${ lost.slice( 0, 10 ).join( ', ' ) }${ lost.length > 10 ? ' …' : '' }` );
	}
	return [ ...out.values() ].sort( ( a, b ) => a.revid - b.revid );
}
