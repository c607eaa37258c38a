import { describe, expect, it } from 'vitest';
import type { Mwn } from 'mwn';
import { ApiError, StopRequested, WaitBudgetExceeded, WikiApi } from '../../../bot/wiki/api.ts';
import { normaliseForSave, wouldChange, Writer } from '../../../bot/wiki/write.ts';

type Params = Record<string, unknown>;

/**
 * A fake mwn client: answers `query` for titles from `pages`, records edits, and can fail the
 * next requests with given API error codes (fault injection).
 */
type FakePages = Record<string, { text: string; revid: number } | undefined>;

function fakeBot( pages: FakePages, failures: string[] = [] ): { bot: Mwn; edits: Params[] } {
	const edits: Params[] = [];
	const bot = {
		setOptions() {
			// WikiApi turns mwn's retries off; nothing to do here.
		},
		rawRequest: () => Promise.reject( new Error( 'not used' ) ),
		getCsrfToken: () => Promise.resolve( 'token+\\' ),
		request( params: Params ): Promise<unknown> {
			const failure = failures.shift();
			if ( failure ) {
				return Promise.reject( Object.assign( new Error( failure ), { code: failure, info: `fake ${ failure }` } ) );
			}
			if ( params.action === 'edit' ) {
				edits.push( params );
				const title = String( params.title );
				const page = pages[ title ];
				if ( page && params.baserevid !== page.revid ) {
					return Promise.reject( Object.assign( new Error( 'conflict' ), { code: 'editconflict' } ) );
				}
				pages[ title ] = { text: String( params.text ), revid: ( page?.revid ?? 0 ) + 100 };
				return Promise.resolve( { edit: { result: 'Success' } } );
			}
			const titles = params.titles as string[];
			return Promise.resolve( {
				query: {
					pages: titles.map( ( title ) => {
						const page = pages[ title ];
						return page ? {
							title, pageid: 1,
							revisions: [ { revid: page.revid, timestamp: '2026-11-29T00:00:00Z', slots: { main: { content: page.text, contentmodel: 'wikitext' } } } ],
						} : { title, missing: true };
					} ),
				},
			} );
		},
	};
	return { bot: bot as unknown as Mwn, edits };
}

type WriterOptions = ConstructorParameters<typeof Writer>[ 1 ];

function writer( bot: Mwn, extra: Partial<WriterOptions> = {} ): Writer {
	const api = new WikiApi( bot, { waitBudgetSeconds: 10, sleep: () => Promise.resolve() } );
	return new Writer( api, {
		botName: 'LDWG-bot', shutoffTitle: 'User:LDWG-bot/Shutoff', editsPerMinute: 0,
		highLimits: false, dryRun: false, ...extra,
	} );
}

const SHUTOFF = 'User:LDWG-bot/Shutoff';

describe( 'Writer', () => {
	it( 'edits with baserevid, bot flag and assert=bot, never basetimestamp', async () => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: { text: ' run\n', revid: 1 }, Page: { text: 'old', revid: 5 } } );
		expect( await writer( bot ).write( { title: 'Page', text: 'new', summary: 's' } ) ).toBe( 'edited' );
		expect( edits ).toHaveLength( 1 );
		expect( edits[ 0 ] ).toMatchObject( { baserevid: 5, bot: true, assert: 'bot', nocreate: true } );
		expect( edits[ 0 ] ).not.toHaveProperty( 'basetimestamp' );
	} );

	it( 'creates a missing page with createonly', async () => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: { text: 'run', revid: 1 } } );
		expect( await writer( bot ).write( { title: 'New', text: 'x', summary: 's' } ) ).toBe( 'created' );
		expect( edits[ 0 ] ).toMatchObject( { createonly: true } );
	} );

	it.each( [
		[ 'same text', 'a\nb', 'a\nb' ],
		[ 'trailing white space', 'a\nb', 'a\nb \n\n' ],
		[ 'CRLF', 'a\nb', 'a\r\nb' ],
		[ 'NFC', 'caf\u00e9', 'cafe\u0301' ],
	] )( 'does not edit when only %s differs', async ( _name, current, next ) => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: { text: 'run', revid: 1 }, Page: { text: current, revid: 5 } } );
		expect( await writer( bot ).write( { title: 'Page', text: next, summary: 's' } ) ).toBe( 'unchanged' );
		expect( edits ).toHaveLength( 0 );
	} );

	it( 'compares JSON pages by value', () => {
		expect( wouldChange( '{"a":1,"b":[1,2]}', '{\n\t"b": [ 1, 2 ],\n\t"a": 1\n}\n', 'json' ) ).toBe( false );
		expect( wouldChange( '{"a":1}', '{"a":2}', 'json' ) ).toBe( true );
		expect( normaliseForSave( 'x\r\n \n' ) ).toBe( 'x' );
	} );

	it.each( [
		[ 'missing', undefined ],
		[ 'not run', { text: 'stop', revid: 1 } ],
		[ 'run with extra text', { text: 'run please', revid: 1 } ],
	] )( 'stops when the shutoff page is %s', async ( _name, shutoff ) => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: shutoff, Page: { text: 'old', revid: 5 } } );
		await expect( writer( bot ).write( { title: 'Page', text: 'new', summary: 's' } ) ).rejects.toBeInstanceOf( StopRequested );
		expect( edits ).toHaveLength( 0 );
	} );

	it( 'stops when the shutoff page changed during the run', async () => {
		const pages: Record<string, { text: string; revid: number }> = { [ SHUTOFF ]: { text: 'run', revid: 1 }, A: { text: 'a', revid: 5 }, B: { text: 'b', revid: 6 } };
		const { bot } = fakeBot( pages );
		const w = writer( bot );
		await w.write( { title: 'A', text: 'a2', summary: 's' } );
		pages[ SHUTOFF ] = { text: 'run', revid: 2 };
		await expect( w.write( { title: 'B', text: 'b2', summary: 's' } ) ).rejects.toBeInstanceOf( StopRequested );
	} );

	it( 'skips pages whose {{bots}} denies it', async () => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: { text: 'run', revid: 1 }, Page: { text: '{{bots|deny=LDWG-bot}}', revid: 5 } } );
		const w = writer( bot );
		expect( await w.write( { title: 'Page', text: 'new', summary: 's' } ) ).toBe( 'excluded' );
		expect( w.excluded ).toEqual( [ 'Page' ] );
		expect( edits ).toHaveLength( 0 );
	} );

	it( 'in a dry run reports the change and does not edit', async () => {
		const { bot, edits } = fakeBot( { [ SHUTOFF ]: { text: 'run', revid: 1 }, Page: { text: 'old', revid: 5 } } );
		const seen: string[] = [];
		const w = writer( bot, { dryRun: true, onDryRun: ( t, a, b ) => seen.push( `${ t }:${ a }→${ b }` ) } );
		expect( await w.write( { title: 'Page', text: 'new', summary: 's' } ) ).toBe( 'would-edit' );
		expect( seen ).toEqual( [ 'Page:old→new' ] );
		expect( edits ).toHaveLength( 0 );
	} );

	it( 'paces edits', async () => {
		const { bot } = fakeBot( { [ SHUTOFF ]: { text: 'run', revid: 1 }, A: { text: 'a', revid: 5 }, B: { text: 'b', revid: 6 } } );
		let clock = 1000;
		const waits: number[] = [];
		const w = writer( bot, {
			editsPerMinute: 6,
			now: () => clock,
			sleep: ( ms ) => {
				waits.push( ms );
				clock += ms;
				return Promise.resolve();
			},
		} );
		await w.write( { title: 'A', text: 'a2', summary: 's' } );
		await w.write( { title: 'B', text: 'b2', summary: 's' } );
		expect( waits ).toEqual( [ 10000 ] );
	} );
} );

describe( 'WikiApi', () => {
	it( 'waits out maxlag, read-only and rate limits, then succeeds', async () => {
		const { bot } = fakeBot( { X: { text: 'x', revid: 1 } }, [ 'maxlag', 'readonly', 'ratelimited' ] );
		const slept: number[] = [];
		const api = new WikiApi( bot, { waitBudgetSeconds: 100, sleep: ( ms ) => {
			slept.push( ms );
			return Promise.resolve();
		} } );
		await expect( api.get( { action: 'query', titles: [ 'X' ] } ) ).resolves.toHaveProperty( 'query' );
		expect( slept ).toEqual( [ 5000, 10000, 20000 ] );
	} );

	it( 'gives up cleanly when the wait budget is spent', async () => {
		const { bot } = fakeBot( {}, Array( 20 ).fill( 'maxlag' ) );
		const api = new WikiApi( bot, { waitBudgetSeconds: 30, sleep: () => Promise.resolve() } );
		await expect( api.get( { action: 'query', titles: [ 'X' ] } ) ).rejects.toBeInstanceOf( WaitBudgetExceeded );
	} );

	it( 'does not retry other errors', async () => {
		const { bot } = fakeBot( {}, [ 'badtoken' ] );
		const api = new WikiApi( bot, { waitBudgetSeconds: 30, sleep: () => Promise.resolve() } );
		await expect( api.get( { action: 'query', titles: [ 'X' ] } ) ).rejects.toBeInstanceOf( ApiError );
	} );
} );
