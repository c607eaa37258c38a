import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshState, loadState, saveState, statePath } from '../../../bot/state/store.ts';
import { applyRevisions, type RevisionInput } from '../../../shared/aggregate/attribution.ts';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync( join( tmpdir(), 'ldwg-state-' ) );
	dirs.push( dir );
	return dir;
}
afterEach( () => {
	for ( const d of dirs.splice( 0 ) ) {
		rmSync( d, { recursive: true, force: true } );
	}
} );

describe( 'state store', () => {
	it( 'keys the file by wiki host and port', () => {
		expect( statePath( 'http://127.0.0.1:8186/api.php', { LDWG_STATE_DIR: '/s' } ) ).toBe( '/s/127.0.0.1_8186/state.json' );
		expect( statePath( 'https://meta.wikimedia.org/w/api.php', { LDWG_STATE_DIR: '/s' } ) ).toBe( '/s/meta.wikimedia.org/state.json' );
	} );

	it( 'round-trips and leaves no temporary file', () => {
		const path = join( tempDir(), 'w', 'state.json' );
		const state = freshState( 'k' );
		state.lastRun = { command: 'run', at: '2026-11-29T00:00:00Z', result: 'done', checkpoint: 7 };
		saveState( path, state );
		expect( loadState( path, 'k' ) ).toEqual( { state, warning: null } );
		expect( readdirSync( join( path, '..' ) ) ).toEqual( [ 'state.json' ] );
	} );

	it.each( [
		[ 'corrupted', '{ "version": 1, "conf' ],
		[ 'of another format', '{ "version": 9 }' ],
	] )( 'rebuilds from scratch with a warning when the file is %s', ( _name, text ) => {
		const path = join( tempDir(), 'state.json' );
		writeFileSync( path, text );
		const { state, warning } = loadState( path, 'k' );
		expect( state ).toEqual( freshState( 'k' ) );
		expect( warning ).toMatch( /rebuilding from page history/ );
	} );

	it( 'rebuilds attribution but keeps the last run when the configuration changed', () => {
		const path = join( tempDir(), 'state.json' );
		const old = freshState( 'old' );
		old.attribution.pages.X = { lastRevid: 3, lastTimestamp: 't', present: {}, hiddenBefore: false };
		old.lastRun = { command: 'collect', at: 't', result: 'done', checkpoint: 3 };
		saveState( path, old );
		const { state, warning } = loadState( path, 'new' );
		expect( state.attribution.pages ).toEqual( {} );
		expect( state.lastRun ).toEqual( old.lastRun );
		expect( warning ).toMatch( /configuration changed/ );
	} );

	it( 'starts fresh and silently without a file', () => {
		expect( loadState( join( tempDir(), 'none.json' ), 'k' ) ).toEqual( { state: freshState( 'k' ), warning: null } );
	} );

	describe( 'a file that parses but is damaged inside', () => {
		const revision = ( revid: number, ids: string[] ): RevisionInput => ( {
			revid, title: 'Talk:Draft', timestamp: `2026-11-29T00:00:0${ revid }Z`, user: 'Alice', anon: false,
			entries: ids.map( ( id ) => ( {
				id,
				data: { section: 's', stance: '', rubric: {}, region: '', lang: '', comment: 'c', wording: '', page: 'Draft', rev: 1 },
				status: 'open', statusNote: '', signatureUser: null,
			} ) ),
		} );
		const options = { isArchive: () => false, isMember: () => false };
		type Json = Record<string, unknown>;
		const damages: [ string, ( s: Json ) => void ][] = [
			[ 'pages is null', ( s ) => {
				( s.attribution as Json ).pages = null;
			} ],
			[ 'an entry record lost its fields', ( s ) => {
				( ( s.attribution as Json ).entries as Json ).a = { id: 'a' };
			} ],
			[ 'a checkpoint lost its entries', ( s ) => {
				( ( ( s.attribution as Json ).pages as Json )[ 'Talk:Draft' ] as Json ).present = null;
			} ],
			[ 'a record lists its pages as text', ( s ) => {
				( ( ( s.attribution as Json ).entries as Json ).a as Json ).presentOn = 'Talk:Draft';
			} ],
			[ 'the problems hold junk', ( s ) => {
				s.problems = [ null ];
			} ],
		];
		it.each( damages )( 'rebuilds with a warning when %s (the next run would crash on it forever)', ( _name, damage ) => {
			const path = join( tempDir(), 'state.json' );
			const good = freshState( 'k' );
			applyRevisions( good.attribution, [ revision( 1, [ 'a' ] ) ], options );
			const json = JSON.parse( JSON.stringify( good ) ) as Json;
			damage( json );
			writeFileSync( path, JSON.stringify( json ) );
			const { state, warning } = loadState( path, 'k' );
			expect( warning ).toMatch( /rebuilding from page history/ );
			expect( () => applyRevisions( state.attribution, [ revision( 2, [ 'b' ] ) ], options ) ).not.toThrow();
		} );

		it( 'keeps an intact state as it is', () => {
			const path = join( tempDir(), 'state.json' );
			const good = freshState( 'k' );
			applyRevisions( good.attribution, [ revision( 1, [ 'a' ] ), revision( 2, [] ) ], options );
			good.problems.push( { title: 'Talk:Draft', problems: [ { line: 1, message: 'm' } ] } );
			saveState( path, good );
			expect( loadState( path, 'k' ) ).toEqual( { state: good, warning: null } );
		} );
	} );
} );
