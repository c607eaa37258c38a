/**
 * Publishing a set of pages through the Action API: read what is there, edit only what differs.
 *
 * Shared by the deploy command (gadget, definition, configuration, templates) and by the local
 * wiki's seed step (demo content), so both follow the same rules: one request reads 50 pages, an
 * edit is made only when text or content model changed, edits are serial and carry `assert=user`.
 *
 * @packageDocumentation
 */
import type { Mwn } from 'mwn';

/** One page to publish. */
export interface PlannedPage {
	/** Full title, e.g. `MediaWiki:Gadget-ldwg-core.js`. */
	title: string;
	/** Wikitext, JS, CSS or JSON text. */
	text: string;
	/** Content model to set when it must differ from the title's default (e.g. `json`). */
	contentModel?: string;
	/** Where the text comes from in the repository (for the operator's report). */
	source: string;
}

/** What a page looks like on the wiki now (null: it does not exist). */
export interface CurrentPage {
	text: string;
	contentModel: string;
}

/** The outcome for one page. */
export interface PublishResult {
	title: string;
	source: string;
	/** `created`/`updated` (or, in a dry run, what would happen), `unchanged`. */
	action: 'created' | 'updated' | 'unchanged';
	/** New revision id, when an edit was made. */
	revid?: number;
}

/**
 * Narrows an unknown JSON value to an object whose properties can be read.
 */
function asRecord( value: unknown ): Record<string, unknown> {
	return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
}

/**
 * Reads the current text and content model of pages, 50 titles per request. Titles the wiki
 * normalises (underscores, first letter) are mapped back to the titles asked for.
 *
 * @throws Error when a response is incomplete (a page without revisions that is not missing:
 *  mwn can return that when a response is cut), so a cut response is never read as "empty".
 */
export async function readPages(
	client: Mwn, titles: string[],
): Promise<Map<string, CurrentPage | null>> {
	const result = new Map<string, CurrentPage | null>();
	for ( let i = 0; i < titles.length; i += 50 ) {
		const batch = titles.slice( i, i + 50 );
		const response = asRecord( await client.request( {
			action: 'query',
			prop: 'revisions',
			rvprop: 'content|contentmodel',
			rvslots: 'main',
			titles: batch,
			formatversion: '2',
		} ) );
		const query = asRecord( response.query );
		const asked = new Map<string, string>( batch.map( ( t ) => [ t, t ] ) );
		for ( const item of Array.isArray( query.normalized ) ? query.normalized : [] ) {
			const n = asRecord( item );
			if ( typeof n.from === 'string' && typeof n.to === 'string' ) {
				asked.set( n.to, asked.get( n.from ) ?? n.from );
			}
		}
		for ( const item of Array.isArray( query.pages ) ? query.pages : [] ) {
			const page = asRecord( item );
			const title = String( page.title );
			const original = asked.get( title ) ?? title;
			if ( page.invalid ) {
				throw new Error( `Invalid title: ${ original }` );
			}
			if ( page.missing ) {
				result.set( original, null );
				continue;
			}
			const revisions = Array.isArray( page.revisions ) ? page.revisions : [];
			const slot = asRecord( asRecord( asRecord( revisions[ 0 ] ).slots ).main );
			if ( typeof slot.content !== 'string' ) {
				throw new Error( `The wiki returned ${ original } without its text (cut response?)` );
			}
			result.set( original, {
				text: slot.content,
				contentModel: String( slot.contentmodel ),
			} );
		}
	}
	return result;
}

/**
 * Whether the wiki's copy equals ours. MediaWiki strips trailing whitespace on save, and
 * re-indents JSON pages, so neither difference is a difference.
 */
export function sameText( current: string, planned: string, contentModel?: string ): boolean {
	if ( current.trimEnd() === planned.trimEnd() ) {
		return true;
	}
	if ( contentModel === 'json' ) {
		try {
			const canonical = ( text: string ): string => JSON.stringify( JSON.parse( text ) );
			return canonical( current ) === canonical( planned );
		} catch {
			return false;
		}
	}
	return false;
}

/** Options for {@link publishPages}. */
export interface PublishOptions {
	/** Edit summary (should name the commit the content comes from). */
	summary: string;
	/** Report what would change, edit nothing. */
	dryRun?: boolean;
	/** Progress lines. */
	log?: ( line: string ) => void;
}

/**
 * Publishes pages: creates missing ones, updates changed ones, leaves equal ones alone.
 * Edits are serial (one at a time) as Wikimedia's bot etiquette asks.
 */
export async function publishPages(
	client: Mwn, pages: PlannedPage[], options: PublishOptions,
): Promise<PublishResult[]> {
	const current = await readPages( client, pages.map( ( p ) => p.title ) );
	const results: PublishResult[] = [];
	for ( const page of pages ) {
		const now = current.get( page.title ) ?? null;
		const modelDiffers = page.contentModel !== undefined && now !== null &&
			now.contentModel !== page.contentModel;
		const same = now !== null && sameText( now.text, page.text, now.contentModel );
		if ( same && !modelDiffers ) {
			results.push( { title: page.title, source: page.source, action: 'unchanged' } );
			continue;
		}
		const action = now === null ? 'created' : 'updated';
		if ( options.dryRun ) {
			options.log?.( `would be ${ action }: ${ page.title } (from ${ page.source })` );
			results.push( { title: page.title, source: page.source, action } );
			continue;
		}
		const response = asRecord( await client.request( {
			action: 'edit',
			title: page.title,
			text: page.text,
			summary: options.summary,
			...( page.contentModel ? { contentmodel: page.contentModel } : {} ),
			// A page created meanwhile by someone else must not be overwritten blindly.
			...( now === null ? { createonly: true } : { nocreate: true } ),
			assert: 'user',
			token: client.csrfToken,
			formatversion: '2',
		} ) );
		const edit = asRecord( response.edit );
		if ( edit.result !== 'Success' ) {
			throw new Error( `Editing ${ page.title } failed: ${ JSON.stringify( response ) }` );
		}
		options.log?.( `${ action }: ${ page.title }` );
		results.push( {
			title: page.title,
			source: page.source,
			action,
			...( typeof edit.newrevid === 'number' ? { revid: edit.newrevid } : {} ),
		} );
	}
	return results;
}
