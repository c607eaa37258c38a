/**
 * The translation loader's request (gadget/i18n/load.ts): it never rejects and never waits
 * forever, since the buttons of a page view and the form on a click wait for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchApiTexts } from '../../../gadget/i18n/load.ts';
import { installFakeMw } from './fake-mw.ts';

afterEach( () => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
} );

/** A fetch that never answers, but gives up when its signal is aborted (as browsers do). */
function stalledFetch(): ReturnType<typeof vi.fn> {
	return vi.fn( ( _url: string, init: { signal?: AbortSignal } ) => new Promise(
		( _resolve, reject ) => {
			init.signal?.addEventListener( 'abort', () => reject( new Error( 'aborted' ) ) );
		} ) );
}

describe( 'fetchApiTexts', () => {
	it( 'gives up on a stalled request after the timeout, as a failure', async () => {
		vi.useFakeTimers();
		installFakeMw( {} );
		const fetch = stalledFetch();
		vi.stubGlobal( 'window', { fetch } );
		let settled: Map<string, string> | null | 'pending' = 'pending';
		const title = 'MediaWiki:Gadget-ldwg-dialog-messages-fr.json';
		const texts = fetchApiTexts( [ title ], 'ua', 15000 ).then( ( t ) => {
			settled = t;
			return t;
		} );
		await vi.advanceTimersByTimeAsync( 14000 );
		expect( settled ).toBe( 'pending' );
		await vi.advanceTimersByTimeAsync( 1000 );
		expect( await texts ).toBeNull();
		expect( fetch ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'reads the pages of an answer that comes in time', async () => {
		installFakeMw( {} );
		vi.stubGlobal( 'window', { fetch: vi.fn( () => Promise.resolve( {
			ok: true,
			json: () => Promise.resolve( { query: { pages: [ {
				title: 'MediaWiki:Gadget-ldwg-messages-fr.json',
				revisions: [ { slots: { main: { content: '{"ldwg-x":"y"}' } } } ],
			} ] } } ),
		} ) ) } );
		const texts = await fetchApiTexts( [ 'MediaWiki:Gadget-ldwg-messages-fr.json' ], 'ua' );
		expect( texts?.get( 'MediaWiki:Gadget-ldwg-messages-fr.json' ) ).toBe( '{"ldwg-x":"y"}' );
	} );

	it.each( [
		[ 'an HTTP error', { ok: false, status: 503, json: () => Promise.resolve( {} ) } ],
		[ 'an API error (maxlag)', { ok: true, json: () => Promise.resolve( { error: { code: 'maxlag' } } ) } ],
		[ 'an answer that is not JSON', { ok: true, json: () => Promise.reject( new SyntaxError( 'x' ) ) } ],
	] )( 'reports %s as a failure, so that the caller can try again', async ( _name, answer ) => {
		installFakeMw( {} );
		vi.stubGlobal( 'window', { fetch: vi.fn( () => Promise.resolve( answer ) ) } );
		expect( await fetchApiTexts( [ 'MediaWiki:Gadget-ldwg-messages-fr.json' ], 'ua' ) ).toBeNull();
	} );

	it( 'reads an answer without the pages asked for as no pages, not as a failure', async () => {
		installFakeMw( {} );
		vi.stubGlobal( 'window', { fetch: vi.fn( () => Promise.resolve( {
			ok: true, json: () => Promise.resolve( { query: { pages: [ { title: 'X', missing: true } ] } } ),
		} ) ) } );
		expect( ( await fetchApiTexts( [ 'X' ], 'ua' ) )?.size ).toBe( 0 );
	} );
} );
