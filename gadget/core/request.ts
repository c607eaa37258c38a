/**
 * The one request the eager module makes on a draft page view: the current text of a few JSON
 * pages (the bot's summary JSON and the reader's translated message files), cacheable by
 * browsers and the CDN. Pure: building the query and reading the answer.
 *
 * One page (the summary alone, for readers of English) is fetched with `action=raw`: the JSON
 * as it is stored, about 140 gzip bytes less than the same text escaped inside an API answer.
 * Several pages (the summary and a reader's translations) go through the Action API, which
 * returns them in one response, so a reader in another language still makes one request;
 * `uselang=content` keeps its URL the same for everyone. Both carry `maxage`/`smaxage`.
 *
 * @packageDocumentation
 */

/**
 * How long browsers and the CDN may keep the answer, in seconds. The bot rewrites the summary
 * at most every few minutes, and a reader's own new entry is counted in place after saving, so a
 * few minutes of staleness cost nothing.
 */
export const CACHE_SECONDS = 300;

/** Query parameters that fetch the current text of `titles` (sorted, so URLs are shared). */
export function pageTextQuery( titles: readonly string[] ): Record<string, string> {
	return {
		action: 'query',
		format: 'json',
		formatversion: '2',
		prop: 'revisions',
		rvprop: 'content',
		rvslots: 'main',
		titles: titles.slice().sort().join( '|' ),
		maxage: String( CACHE_SECONDS ),
		smaxage: String( CACHE_SECONDS ),
		uselang: 'content',
		errorformat: 'plaintext',
	};
}

/** `index.php` parameters that fetch one JSON page's text as stored, cacheable. */
export function rawTextQuery(): Record<string, string> {
	return {
		action: 'raw',
		ctype: 'application/json',
		maxage: String( CACHE_SECONDS ),
		smaxage: String( CACHE_SECONDS ),
	};
}

/** Builds `api.php?…` from the API's URL and {@link pageTextQuery}'s parameters. */
export function queryUrl( api: string, params: Record<string, string> ): string {
	const query = Object.keys( params )
		.map( ( k ) => `${ encodeURIComponent( k ) }=${ encodeURIComponent( params[ k ] ?? '' ) }` )
		.join( '&' );
	return `${ api }?${ query }`;
}

/** The parts of the API's answer that are read; anything else in it is ignored. */
interface QueryAnswer {
	query: {
		normalized?: { from: string; to: string }[];
		pages: { title: string; revisions?: [ { slots: { main: { content: unknown } } } ] }[];
	};
}

/**
 * Reads the API's answer: the text of every page that exists, keyed by the title as it was
 * asked for (the API may answer with a normalised title). An answer of another shape yields
 * fewer pages, never an exception: without its data the gadget shows no counts, and no error.
 */
export function readPageTexts( response: unknown ): Map<string, string> {
	const texts = new Map<string, string>();
	try {
		const { query } = response as QueryAnswer;
		const asked = new Map<string, string>();
		( query.normalized || [] ).forEach( ( n ) => asked.set( n.to, n.from ) );
		for ( const page of query.pages ) {
			const content = page.revisions && page.revisions[ 0 ].slots.main.content;
			if ( typeof content === 'string' ) {
				texts.set( asked.get( page.title ) || page.title, content );
			}
		}
	} catch {
		// Not the shape asked for (an error page, a proxy's answer): keep what was read.
	}
	return texts;
}
