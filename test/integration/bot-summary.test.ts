/**
 * The bot against the real local wiki: five users and a logged-out reader write feedback in three
 * languages; one signature is forged, one entry is edited by someone else, one removed by someone
 * else, one withdrawn, one moved to an archive; a member and a non-member set statuses. The
 * summary page and JSON must be exactly right, a second run must not edit, a run without the cache
 * must write nothing new, `--dry-run` must not edit and must show diffs, and the shutoff page and
 * `{{nobots}}` must stop the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mwn } from 'mwn';
import { account, apiClient, testWiki } from '../helpers/wiki.ts';
import { formatEntry } from '../../shared/entry/format.ts';
import type { FeedbackEntry } from '../../shared/contracts/entry.ts';
import type { Summary } from '../../shared/contracts/summary.ts';
import { statePath } from '../../bot/state/store.ts';

const { api } = testWiki();
const run = Date.now().toString( 36 );
const base = `Bot test ${ run }`;
const draftTitle = `${ base }/Shared definition`;
const talk = `Talk:${ draftTitle }`;
const archive = `${ talk }/Archive 1`;
const summaryTitle = `${ base }/Feedback summary`;
const jsonTitle = `User:LDWG-bot/${ run }-summary.json`;
const shutoffTitle = `User:LDWG-bot/Shutoff ${ run }`;
const dir = mkdtempSync( join( tmpdir(), 'ldwg-bot-test-' ) );
const stateDir = join( dir, 'state' );

function writeConfig(): string {
	const shipped = JSON.parse( readFileSync( new URL( '../../wiki-content/config/site.json', import.meta.url ), 'utf8' ) ) as Record<string, unknown>;
	const site = {
		...shipped,
		drafts: [ {
			id: 'definition',
			title: draftTitle,
			sections: [ { id: 'leader', label: 'Leader' }, { id: 'good-leadership', label: 'Good leadership' } ],
		} ],
		pages: {
			...( shipped.pages as Record<string, string> ),
			summary: summaryTitle,
			reportPrefix: `${ base }/Sprint reports/`,
			summaryJson: jsonTitle,
			shutoff: shutoffTitle,
		},
	};
	writeFileSync( join( dir, 'site.json' ), JSON.stringify( site ) );
	writeFileSync( join( dir, 'sprint.json' ), JSON.stringify( {
		version: 1, sprints: [], members: [ 'Dana' ], reports: { announce: [] },
	} ) );
	return join( dir, 'site.json' );
}

const configPath = writeConfig();

interface BotRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

function bot( ...args: string[] ): BotRun {
	const botAccount = account( 'bot' );
	const result = spawnSync( process.execPath, [ 'bot/bin.mjs', ...args, '--wiki', api, '--config', configPath, '--no-pacing' ], {
		encoding: 'utf8',
		env: {
			...process.env,
			LDWG_BOT_USERNAME: botAccount.botUsername,
			LDWG_BOT_PASSWORD: botAccount.botPassword,
			LDWG_STATE_DIR: stateDir,
			LDWG_BOT_WAIT_BUDGET: '30',
		},
	} );
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function entry( id: string, fields: Partial<FeedbackEntry> ): FeedbackEntry {
	return { version: 1, id: `20261129-1000${ id.length }0-${ run }${ id }`, page: draftTitle, section: 'leader', rev: 1, ...fields };
}

async function pageText( client: Mwn, title: string ): Promise<string> {
	const page = await client.read( title );
	const content = page.revisions?.[ 0 ]?.content;
	if ( page.missing || typeof content !== 'string' ) {
		return '';
	}
	return content;
}

async function save( client: Mwn, title: string, text: string, summary: string ): Promise<void> {
	await client.request( { action: 'edit', title, text, summary, token: await client.getCsrfToken() } );
}

async function append( client: Mwn, title: string, line: string ): Promise<void> {
	await client.request( { action: 'edit', title, appendtext: `\n${ line }\n`, summary: 'feedback', token: await client.getCsrfToken() } );
}

/** Replaces the line holding an entry id with another line (or removes it). */
async function replaceLine(
	client: Mwn, title: string, id: string, line: string | null,
): Promise<void> {
	const text = await pageText( client, title );
	const lines = text.split( '\n' );
	const i = lines.findIndex( ( l ) => l.includes( `|id=${ id }` ) );
	expect( i, `entry ${ id } on ${ title }` ).toBeGreaterThanOrEqual( 0 );
	if ( line === null ) {
		lines.splice( i, 1 );
	} else {
		const signature = ( lines[ i ] ?? '' ).slice( ( lines[ i ] ?? '' ).lastIndexOf( '}}' ) + 2 );
		lines[ i ] = line + signature;
	}
	await save( client, title, lines.join( '\n' ), 'edit feedback' );
}

async function revisionOf( client: Mwn, title: string ): Promise<number> {
	const r = await client.query( { prop: 'revisions', titles: title, rvprop: 'ids' } ) as { query?: { pages?: { revisions?: { revid: number }[] }[] } };
	return r.query?.pages?.[ 0 ]?.revisions?.[ 0 ]?.revid ?? 0;
}

const A1 = entry( 'a1', { stance: 'support', region: 'middle-east-africa', lang: 'en', rubric: { useful: 4, written: 'na' }, comment: 'Leaders serve {{their}} [[communities]] ~~~~' } );
const A1edited = { ...A1, comment: 'Leaders serve communities (edited by Chandra)' };
const B1 = entry( 'b1', { stance: 'oppose', region: 'eseap', lang: 'fr', rubric: { useful: 2 }, comment: 'Trop vague' } );
const I1 = entry( 'i1', { section: 'good-leadership', stance: 'neutral', region: 'latam-caribbean', lang: 'es', comment: 'Depende del contexto' } );
const C1 = entry( 'c1', { stance: 'support-with-changes', region: 'south-asia', lang: 'en', comment: 'Add mentoring' } );
const A2 = entry( 'a2', { section: 'good-leadership', stance: 'support', region: 'us-canada', lang: 'ar', comment: 'أوافق' } );
const D1 = entry( 'd1', { section: 'good-leadership', stance: 'oppose', region: 'northern-western-europe', lang: 'en', comment: 'Too long' } );

let admin: Mwn;

/** Latest revision ids of the summary page and the JSON page. */
async function outputRevisions(): Promise<number[]> {
	return [ await revisionOf( admin, summaryTitle ), await revisionOf( admin, jsonTitle ) ];
}
let dana: Mwn;

beforeAll( async () => {
	admin = await apiClient( 'admin' );
	const alice = await apiClient( 'alice' );
	const bob = await apiClient( 'bob' );
	const chandra = await apiClient( 'chandra' );
	dana = await apiClient( 'dana' );
	const ip = new Mwn( { apiUrl: api, userAgent: 'ldwg-tools tests (logged out)', silent: true, defaultParams: { formatversion: '2' } } );
	await ip.getTokensAndSiteInfo();

	await save( admin, shutoffTitle, 'run', 'bot may run' );
	await save( admin, talk, '== Feedback ==', 'start' );
	await append( alice, talk, `${ formatEntry( A1 ) } ~~~~` );
	// Bob signs as Chandra: the bot must attribute the entry to Bob.
	await append( bob, talk, `${ formatEntry( B1 ) } [[User:Chandra|Chandra]] ([[User talk:Chandra|talk]]) 10:00, 29 November 2026 (UTC)` );
	await append( ip, talk, `${ formatEntry( I1 ) } ~~~~` );
	await append( chandra, talk, `${ formatEntry( C1 ) } ~~~~` );
	await replaceLine( chandra, talk, A1.id, formatEntry( A1edited ) );
	await append( alice, talk, `${ formatEntry( A2 ) } ~~~~` );
	await replaceLine( alice, talk, A2.id, null );
	await replaceLine( dana, talk, C1.id, null );
	await replaceLine( dana, talk, A1.id, formatEntry( { ...A1edited, status: 'accepted', statusNote: 'merged' } ) );
	await replaceLine( bob, talk, I1.id, formatEntry( { ...I1, status: 'declined' } ) );
	await append( dana, talk, `${ formatEntry( D1 ) } ~~~~` );
	// Archive move: copy to the archive, then remove from the talk page.
	const b1Line = ( await pageText( dana, talk ) ).split( '\n' ).find( ( l ) => l.includes( B1.id ) ) ?? '';
	await save( dana, archive, `== Archived ==\n${ b1Line }`, 'archive' );
	await replaceLine( dana, talk, B1.id, null );
} );

afterAll( () => {
	rmSync( dir, { recursive: true, force: true } );
} );

describe( 'ldwg-bot summary on the local wiki', () => {
	let generated = '';

	it( 'writes the summary JSON exactly as expected', async () => {
		const r = bot( 'run' );
		expect( r.stderr + r.stdout ).toContain( 'page created' );
		expect( r.status, r.stderr ).toBe( 0 );
		const json = JSON.parse( await pageText( admin, jsonTitle ) ) as Summary;
		// "As of" is the newest revision of the watched pages: the archive move's last edit.
		const last = await admin.query( { prop: 'revisions', titles: talk, rvprop: 'timestamp' } ) as { query: { pages: { revisions: { timestamp: string }[] }[] } };
		generated = last.query.pages[ 0 ]?.revisions[ 0 ]?.timestamp ?? '';
		const empty = { scores: {}, noOpinion: 0, mean: null };
		expect( json ).toEqual( {
			version: 1,
			generated,
			scale: { min: 1, max: 5 },
			drafts: {
				definition: {
					title: draftTitle,
					entries: 4,
					contributors: 4,
					sections: {
						leader: {
							entries: 2,
							contributors: 2,
							stances: { support: 1, oppose: 1 },
							rubric: {
								useful: { scores: { 2: 1, 4: 1 }, noOpinion: 0, mean: 3 },
								written: { scores: {}, noOpinion: 1, mean: null },
								representative: empty,
							},
							regions: { 'middle-east-africa': 1, eseap: 1 },
							languages: { en: 1, fr: 1 },
							status: { open: 1, accepted: 1, declined: 0, withdrawn: 0 },
							anchor: 'definition-leader',
							flagged: 3,
						},
						'good-leadership': {
							entries: 2,
							contributors: 2,
							stances: { neutral: 1, oppose: 1 },
							rubric: { useful: empty, written: empty, representative: empty },
							regions: { 'latam-caribbean': 1, 'northern-western-europe': 1 },
							languages: { en: 1, es: 1 },
							status: { open: 2, accepted: 0, declined: 0, withdrawn: 1 },
							anchor: 'definition-good-leadership',
							flagged: 2,
						},
					},
				},
			},
			flagged: {
				total: 5, forged: 1, editedByOthers: 1, removed: 1, withdrawn: 1, archived: 1,
				statusByNonMember: 1,
			},
		} );
	} );

	it( 'writes the summary page with the right figures, flags and escaped text', async () => {
		const text = await pageText( admin, summaryTitle );
		const lines = text.split( '\n' );
		// Leader: 2 entries, 2 contributors, 1 open, 1 accepted.
		expect( lines ).toContain( '| 2 || 2 || 1 || 1 || 0 || 0' );
		// Good leadership: 2 entries, 2 contributors, 2 open, 1 withdrawn.
		expect( lines ).toContain( '| 2 || 2 || 2 || 0 || 0 || 1' );
		expect( lines ).toContain( '| Support || 1 || ' + '█'.repeat( 20 ) );
		expect( lines ).toContain( '* ⚠ No feedback yet from South Asia.' );
		expect( lines ).toContain( '* Languages: en (1), fr (1)' );
		// Open entries oldest first: Bob's (archived) before… nothing else open in Leader.
		const open = lines.filter( ( l ) => l.startsWith( '# ' ) );
		expect( open ).toHaveLength( 3 );
		expect( open[ 0 ] ).toContain( 'Bob' );
		expect( open[ 1 ] ).toMatch( /127\.0\.0\.1 \(not logged in\)|&#58;/ );
		expect( open[ 2 ] ).toContain( 'Dana' );
		// Ids are escaped like all text (`-` as `&#45;`).
		const flagged = lines.filter( ( l ) => l.startsWith( '| 20261129' ) );
		expect( flagged ).toHaveLength( 5 );
		const row = ( short: string ): string => flagged.find( ( l ) => l.includes( run + short ) ) ?? '';
		expect( row( 'b1' ) ).toContain( 'signature names someone else (signed Chandra)' );
		expect( row( 'b1' ) ).toContain( '| Bob |' );
		expect( row( 'a1' ) ).toContain( 'edited by someone other than its author (by Chandra' );
		expect( row( 'c1' ) ).toContain( 'removed by someone other than its author (by Dana)' );
		expect( row( 'a2' ) ).toContain( 'withdrawn by its author (by Alice)' );
		expect( row( 'i1' ) ).toContain( 'status set by a non-member (ignored) (declined by Bob)' );
		// User text is inert: no template, link or signature from the comment survives.
		expect( text ).not.toContain( '{{their}}' );
		expect( text ).not.toContain( '[[communities]]' );
		expect( text ).not.toMatch( /~~~/ );
		const html = await admin.parseTitle( summaryTitle, {} );
		expect( html ).not.toContain( 'Template:Their' );
	} );

	it( 'makes no edit on a second run', () => {
		const r = bot( 'run' );
		expect( r.status, r.stderr ).toBe( 0 );
		expect( r.stdout ).toContain( 'page unchanged, JSON unchanged' );
	} );

	it( 'writes identical pages after the cache is deleted', async () => {
		const before = await outputRevisions();
		rmSync( stateDir, { recursive: true, force: true } );
		const r = bot( 'run' );
		expect( r.status, r.stderr ).toBe( 0 );
		expect( r.stdout ).toContain( 'page unchanged, JSON unchanged' );
		expect( await outputRevisions() ).toEqual( before );
	} );

	it( 'rebuilds from history when the cache is corrupted', () => {
		writeFileSync( statePath( api, { LDWG_STATE_DIR: stateDir } ), '{ not json' );
		const r = bot( 'run' );
		expect( r.status, r.stderr ).toBe( 0 );
		expect( r.stderr ).toContain( 'corrupted' );
		expect( r.stdout ).toContain( 'page unchanged, JSON unchanged' );
	} );

	it( 'shows diffs and makes no edit with --dry-run', async () => {
		const E1 = entry( 'e1', { stance: 'support', region: 'south-asia', lang: 'en', comment: 'Dry run entry' } );
		await append( dana, talk, `${ formatEntry( E1 ) } ~~~~` );
		const before = await outputRevisions();
		const r = bot( 'summary', '--dry-run' );
		expect( r.status, r.stderr ).toBe( 0 );
		expect( r.stdout ).toContain( `--- ${ summaryTitle } (current)` );
		expect( r.stdout ).toContain( `+++ ${ jsonTitle } (new)` );
		expect( r.stdout ).toMatch( /^-\| 2 \|\| 2 \|\| 1 \|\| 1 \|\| 0 \|\| 0$/m );
		expect( r.stdout ).toMatch( /^\+\| 3 \|\| 3 \|\| 2 \|\| 1 \|\| 0 \|\| 0$/m );
		expect( r.stdout ).toContain( 'dry run: page would-edit, JSON would-edit' );
		expect( await outputRevisions() ).toEqual( before );
	} );

	it( 'stops with exit 3 when the shutoff page does not say run', async () => {
		await save( admin, shutoffTitle, 'stop — checking something', 'stop the bot' );
		const before = await revisionOf( admin, summaryTitle );
		const r = bot( 'run' );
		expect( r.status ).toBe( 3 );
		expect( r.stderr ).toContain( 'not "run"' );
		expect( await revisionOf( admin, summaryTitle ) ).toBe( before );
		await save( admin, shutoffTitle, 'run', 'bot may run again' );
	} );

	it( 'honours {{nobots}} on the summary page with exit 3', async () => {
		const text = await pageText( admin, summaryTitle );
		await save( admin, summaryTitle, `{{nobots}}\n${ text }`, 'keep the bot off' );
		const before = await revisionOf( admin, summaryTitle );
		const r = bot( 'run' );
		expect( r.status ).toBe( 3 );
		expect( r.stdout ).toContain( `skipped by exclusion: ${ summaryTitle }` );
		expect( await revisionOf( admin, summaryTitle ) ).toBe( before );
	} );

	it( 'status prints account, shutoff, last run and counts without editing', async () => {
		const before = await revisionOf( admin, summaryTitle );
		const r = bot( 'status' );
		expect( r.status, r.stderr ).toBe( 0 );
		expect( r.stdout ).toContain( 'Account:   LDWG-bot' );
		expect( r.stdout ).toContain( 'Shutoff:   ' );
		expect( r.stdout ).toContain( 'run (writing allowed)' );
		expect( r.stdout ).toMatch( /Last run: {2}run at .*: stopped: exclusion/ );
		expect( r.stdout ).toContain( 'Entries:   7 on 2 pages' );
		expect( await revisionOf( admin, summaryTitle ) ).toBe( before );
	} );
} );
