/**
 * vitest globalSetup of the integration and browser projects: a fresh, seeded test wiki on
 * `LDWG_TEST_WIKI_PORT` (default 8181; never the developer's demo wiki on LDWG_WIKI_PORT/8080),
 * stopped again at the end, also when tests fail or the run is interrupted.
 *
 * Tests get `{ url, api, accounts }` with `inject( 'ldwgWiki' )` (see test/helpers/wiki.ts); the
 * same JSON is in `process.env.LDWG_TEST_WIKI` for child processes the tests start.
 *
 * Both projects name this file. When they run in one vitest process they share one wiki: the
 * first setup starts it, the last teardown stops it.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { paths, wikiDown, wikiFreshSeeded } from '../../scripts/lib/wiki.mjs';
import type { WikiInfo } from '../../scripts/lib/wiki.mjs';

/** What tests receive. */
export interface TestWikiInfo {
	port: number;
	url: string;
	api: string;
	accounts: WikiInfo[ 'accounts' ];
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** The test wiki of this run (test/setup/wiki.ts). */
		ldwgWiki: TestWikiInfo;
	}
}

/** Shared between the projects' setups in one process. */
interface SharedState {
	ready: Promise<TestWikiInfo>;
	users: number;
}

const KEY = Symbol.for( 'ldwg-tools.test-wiki' );
const store = globalThis as typeof globalThis & { [ KEY ]?: SharedState };

/** The test wiki's port, refusing the demo wiki's. */
function testPort(): number {
	const port = Number( process.env.LDWG_TEST_WIKI_PORT || 8181 );
	const demo = Number( process.env.LDWG_WIKI_PORT || 8080 );
	if ( port === demo ) {
		throw new Error( `LDWG_TEST_WIKI_PORT (${ port }) is the demo wiki's port: tests would wipe it. Choose another.` );
	}
	return port;
}

/**
 * Kills the server's process group synchronously: the last resort on an interrupted run, when
 * no asynchronous teardown can run any more.
 */
function killSync( port: number ): void {
	try {
		const pid = Number( readFileSync( paths( port ).pid, 'utf8' ).trim() );
		if ( pid > 1 ) {
			process.kill( -pid, 'SIGKILL' );
		}
	} catch {
		// Not running.
	}
}

async function start( port: number ): Promise<TestWikiInfo> {
	const started = Date.now();
	const log = ( line: string ): void => {
		if ( process.env.LDWG_TEST_VERBOSE ) {
			process.stderr.write( `[test wiki] ${ line }\n` );
		}
	};
	process.once( 'exit', () => killSync( port ) );
	for ( const signal of [ 'SIGINT', 'SIGTERM' ] as const ) {
		process.once( signal, () => {
			killSync( port );
			process.exit( 130 );
		} );
	}
	const info = await wikiFreshSeeded( { port, log } );
	process.stderr.write( `[test wiki] fresh and seeded on ${ info.url } in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s\n` );
	return { port: info.port, url: info.url, api: info.api, accounts: info.accounts };
}

/**
 * Starts (or joins) the test wiki and hands it to the tests; returns the teardown.
 */
export default async function setup( project: TestProject ): Promise<() => Promise<void>> {
	const port = testPort();
	let state = store[ KEY ];
	if ( !state ) {
		state = { ready: start( port ), users: 0 };
		store[ KEY ] = state;
	}
	state.users++;
	let info: TestWikiInfo;
	try {
		info = await state.ready;
	} catch ( error ) {
		await wikiDown( port ).catch( () => undefined );
		throw error;
	}
	project.provide( 'ldwgWiki', info );
	process.env.LDWG_TEST_WIKI = JSON.stringify( info );
	return async () => {
		const current = store[ KEY ];
		if ( current && --current.users === 0 ) {
			delete store[ KEY ];
			await wikiDown( port );
		}
	};
}
