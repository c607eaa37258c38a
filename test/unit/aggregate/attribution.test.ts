import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	applyRevisions, emptyState, flagsOf, isAttributionState, liveDuplicates,
	type AttributionOptions,
	type EntryFlags,
	type EntrySnapshot, type RevisionInput, type StatusValue,
} from '../../../shared/aggregate/attribution.ts';

interface ShortEntry {
	id: string;
	sig?: string;
	comment?: string;
	status?: StatusValue;
	statusNote?: string;
}
interface ShortRevision {
	revid: number;
	title: string;
	user: string | null;
	anon?: boolean;
	entries: ShortEntry[] | null;
}
interface Expectation {
	author?: string | null;
	anon?: boolean;
	firstRevid?: number;
	flags?: ( keyof EntryFlags )[];
	status?: StatusValue;
	statusBy?: string;
	original?: string;
	latest?: string;
	removedBy?: string;
	count?: number;
}
interface Fixture {
	members: string[];
	archives: string[];
	cases: { name: string; revisions: ShortRevision[]; expect: Record<string, Expectation> }[];
}

const fixtureUrl = new URL( '../../fixtures/aggregate/attribution.json', import.meta.url );
const fixture = JSON.parse( readFileSync( fixtureUrl, 'utf8' ) ) as Fixture;

const options: AttributionOptions = {
	isArchive: ( t ) => fixture.archives.includes( t ),
	isMember: ( u ) => fixture.members.includes( u ),
};

function expand( rev: ShortRevision ): RevisionInput {
	return {
		revid: rev.revid,
		title: rev.title,
		timestamp: new Date( Date.UTC( 2026, 0, 1, 0, 0, rev.revid ) ).toISOString(),
		user: rev.user,
		anon: !!rev.anon,
		entries: rev.entries === null ? null : rev.entries.map( ( e ): EntrySnapshot => ( {
			id: e.id,
			data: {
				section: 'leader', stance: 'agree', rubric: {}, region: 'europe', lang: 'en',
				comment: e.comment ?? 'text', wording: '', page: 'Draft', rev: 1,
			},
			status: e.status ?? 'open',
			statusNote: e.statusNote ?? '',
			signatureUser: e.sig ?? null,
		} ) ),
	};
}

describe( 'attribution fixtures', () => {
	for ( const c of fixture.cases ) {
		it( c.name, () => {
			const state = emptyState();
			applyRevisions( state, c.revisions.map( expand ), options );
			for ( const [ id, want ] of Object.entries( c.expect ) ) {
				const record = state.entries[ id ];
				expect( record, id ).toBeDefined();
				if ( !record ) {
					continue;
				}
				const flags = flagsOf( record );
				const names = Object.keys( flags ) as ( keyof EntryFlags )[];
				const on = names.filter( ( k ) => flags[ k ] );
				if ( want.flags ) {
					expect( on.sort(), id ).toEqual( [ ...want.flags ].sort() );
				}
				if ( want.author !== undefined ) {
					expect( record.author.name ).toBe( want.author );
				}
				if ( want.anon !== undefined ) {
					expect( record.author.anon ).toBe( want.anon );
				}
				if ( want.firstRevid !== undefined ) {
					expect( record.firstRevid ).toBe( want.firstRevid );
				}
				if ( want.status !== undefined ) {
					expect( record.status.value ).toBe( want.status );
				}
				if ( want.statusBy !== undefined ) {
					expect( record.status.by ).toBe( want.statusBy );
				}
				if ( want.original !== undefined ) {
					expect( record.original.comment ).toBe( want.original );
				}
				if ( want.latest !== undefined ) {
					expect( record.latest.comment ).toBe( want.latest );
				}
				if ( want.removedBy !== undefined ) {
					expect( record.removal?.by ).toBe( want.removedBy );
				}
				if ( want.count !== undefined ) {
					const ids = Object.keys( state.entries ).filter( ( k ) => k === id );
					expect( ids ).toHaveLength( want.count );
				}
			}
		} );

		it( `${ c.name }: resuming from any checkpoint gives the same state`, () => {
			const revisions = c.revisions.map( expand ).sort( ( a, b ) => a.revid - b.revid );
			const full = emptyState();
			applyRevisions( full, revisions, options );
			for ( let cut = 0; cut <= revisions.length; cut++ ) {
				const first = emptyState();
				applyRevisions( first, revisions.slice( 0, cut ), options );
				// Through JSON, as the cache file does.
				const resumed = JSON.parse( JSON.stringify( first ) ) as typeof first;
				// Overlap on purpose: already-applied revisions must be skipped.
				applyRevisions( resumed, revisions.slice( Math.max( 0, cut - 1 ) ), options );
				expect( resumed ).toEqual( full );
				// The cache's check accepts every state the engine makes (else every run rebuilds).
				expect( isAttributionState( JSON.parse( JSON.stringify( first ) ) ) ).toBe( true );
			}
		} );
	}
} );

describe( 'liveDuplicates', () => {
	it( 'lists an id on two live talk pages, with its pages, until one copy goes', () => {
		const state = emptyState();
		const revs: ShortRevision[] = [
			{ revid: 1, title: 'Talk:A', user: 'Alice', entries: [ { id: 'x', sig: 'Alice', comment: 'one' } ] },
			{ revid: 2, title: 'Talk:B', user: 'Bob', entries: [ { id: 'x', sig: 'Bob', comment: 'two' } ] },
		];
		applyRevisions( state, revs.map( expand ), options );
		expect( liveDuplicates( state, options.isArchive ) ).toEqual( [ { id: 'x', pages: [ 'Talk:A', 'Talk:B' ] } ] );
		// Bob's copy is removed: one page left, nothing to report any more.
		applyRevisions( state, [ expand( { revid: 3, title: 'Talk:B', user: 'Bob', entries: [] } ) ], options );
		expect( liveDuplicates( state, options.isArchive ) ).toEqual( [] );
	} );

	it( 'does not count an archive copy as a duplicate', () => {
		const archive = fixture.archives[ 0 ] as string;
		const state = emptyState();
		applyRevisions( state, [
			{ revid: 1, title: 'Talk:A', user: 'Alice', entries: [ { id: 'y', sig: 'Alice' } ] },
			{ revid: 2, title: archive, user: 'Bot', entries: [ { id: 'y', sig: 'Alice' } ] },
		].map( expand ), options );
		expect( liveDuplicates( state, options.isArchive ) ).toEqual( [] );
	} );
} );
