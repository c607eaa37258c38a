/**
 * Loading the per-language term indexes (`…/glossary-terms/<lang>.json`), only what marking
 * needs, as cacheable GET requests (`action=raw` with `maxage`/`smaxage`) so that browsers and
 * the wiki's caches keep them.
 *
 * @packageDocumentation
 */
import type { GlossaryTermIndex } from '../../shared/contracts/glossary.ts';
import { languageFallbacks } from '../../shared/glossary/language.ts';

/** Fetches a page's raw text, or `null` when it does not exist or cannot be loaded. */
export type RawLoader = ( title: string ) => Promise<string | null>;

/** How long browsers and caches may keep the JSON pages, in seconds. */
export const CACHE_SECONDS = 3600;

/** URL of a JSON page's raw text that browsers and the wiki's caches may keep. */
export function rawJsonUrl( title: string ): string {
	const seconds = String( CACHE_SECONDS );
	return mw.util.getUrl( title, {
		action: 'raw',
		ctype: 'application/json',
		maxage: seconds,
		smaxage: seconds,
	} );
}

/** The default loader: a plain GET of {@link rawJsonUrl}, `null` on 404 or network errors. */
// eslint-disable-next-line n/no-unsupported-features/node-builtins -- browser code, not Node
export const fetchRaw: RawLoader = ( title ) => window.fetch( rawJsonUrl( title ), { credentials: 'same-origin' } )
	.then( ( response ) => response.ok ? response.text() : null )
	.catch( () => null );

/**
 * Reads a term index's JSON text; `null` when it is not one (or there is no text). Only the
 * outer shape is checked:
 * the matcher skips malformed pairs itself and never throws, and the full validator would
 * triple the size of the module every reader loads.
 */
export function readTermIndex( text: string | null ): GlossaryTermIndex | null {
	let data: unknown;
	try {
		// `null` (a missing page) reads as the JSON text "null": no index.
		data = JSON.parse( String( text ) );
	} catch {
		return null;
	}
	// A JSON primitive has no `version`: only an object can pass.
	const index = data as Partial<GlossaryTermIndex> | null;
	return index && index.version === 1 &&
		typeof index.language === 'string' && Array.isArray( index.terms ) ?
		index as GlossaryTermIndex : null;
}

/** A (normalised) language code a term index may exist for: a few short subtags at most. */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,12}){0,4}$/;

/**
 * Returns a function giving the term index for text in a language: that language's index, or
 * the first one of its fallback chain that exists (each index already holds its own fallback
 * terms). Every page is requested at most once; invalid documents count as missing.
 */
export function termIndexLoader(
	prefix: string,
	load: RawLoader,
): ( language: string ) => Promise<GlossaryTermIndex | null> {
	const pages = new Map<string, Promise<GlossaryTermIndex | null>>();
	const page = ( language: string ): Promise<GlossaryTermIndex | null> => {
		let promise = pages.get( language );
		if ( !promise ) {
			promise = load( `${ prefix }${ language }.json` ).then( readTermIndex );
			pages.set( language, promise );
		}
		return promise;
	};
	return async ( language ) => {
		// The language comes from a `lang` attribute anyone can write into marked content: a
		// code with thousands of subtags cost a request per subtag (and quadratic work before),
		// and other characters made titles that are not the bot's term index pages.
		if ( !LANGUAGE_CODE.test( language ) ) {
			return null;
		}
		for ( const candidate of [ language, ...languageFallbacks( language ) ] ) {
			const index = await page( candidate );
			if ( index ) {
				return index;
			}
		}
		return null;
	};
}
