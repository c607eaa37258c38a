/**
 * The local cache: attribution state, checkpoints and the last run's outcome, in
 * `.ldwg-state/<wiki host[_port]>/state.json` (or under `LDWG_STATE_DIR`).
 *
 * The wiki is the source of truth: the cache only saves reading history again. It is written
 * atomically (temporary file, fsync, rename), so a crash leaves the old or the new file, never half
 * of one; a missing, corrupted or incompatible file is reported and the state is rebuilt from
 * history, which gives the same result.
 *
 * @packageDocumentation
 */
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
	emptyState, isAttributionState, type AttributionState,
} from '../../shared/aggregate/attribution.ts';

/** The last run, for `status`. */
export interface LastRun {
	command: string;
	/** ISO time it ended. */
	at: string;
	/** `done`, `failed: …`, `stopped: …`. */
	result: string;
	/** Newest revision applied. */
	checkpoint: number;
}

/** Entry problems seen on the current text of a page. */
export interface PageProblems {
	title: string;
	problems: { line: number; message: string }[];
}

/** The cache file. */
export interface BotState {
	version: 1;
	/** Fingerprint of the configuration parts that attribution depends on. */
	configKey: string;
	attribution: AttributionState;
	lastRun: LastRun | null;
	problems: PageProblems[];
}

/** A fresh state for a configuration. */
export function freshState( configKey: string ): BotState {
	return { version: 1, configKey, attribution: emptyState(), lastRun: null, problems: [] };
}

/** Directory for a wiki's state. */
export function stateDir( apiUrl: string, env: NodeJS.ProcessEnv = process.env ): string {
	const url = new URL( apiUrl );
	const host = `${ url.hostname }${ url.port ? `_${ url.port }` : '' }`.replace( /[^A-Za-z0-9._-]/g, '_' );
	return join( resolve( env.LDWG_STATE_DIR || '.ldwg-state' ), host );
}

/** Path of the state file for a wiki. */
export function statePath( apiUrl: string, env: NodeJS.ProcessEnv = process.env ): string {
	return join( stateDir( apiUrl, env ), 'state.json' );
}

function isLastRun( value: unknown ): boolean {
	const v = value as Partial<LastRun> | null;
	return value === null || ( typeof value === 'object' && v !== null &&
		typeof v.command === 'string' && typeof v.at === 'string' &&
		typeof v.result === 'string' && typeof v.checkpoint === 'number' );
}

function isLineProblem( value: unknown ): boolean {
	const q = value as { line?: unknown; message?: unknown } | null;
	return typeof value === 'object' && q !== null && typeof q.line === 'number' &&
		typeof q.message === 'string';
}

function isPageProblems( value: unknown ): boolean {
	const v = value as Partial<PageProblems> | null;
	return typeof value === 'object' && v !== null && typeof v.title === 'string' &&
		Array.isArray( v.problems ) && v.problems.every( isLineProblem );
}

/** The whole shape, checked deeply: a state that parses but lost a field is not used. */
function isState( value: unknown ): value is BotState {
	const v = value as Partial<BotState> | null;
	return !!v && v.version === 1 && typeof v.configKey === 'string' &&
		isAttributionState( v.attribution ) && isLastRun( v.lastRun ) &&
		Array.isArray( v.problems ) && v.problems.every( isPageProblems );
}

/**
 * Loads the state. Never throws: a missing file gives a fresh state silently; an unreadable,
 * corrupted or foreign one gives a fresh state and a warning; a different configuration keeps
 * `lastRun` but rebuilds attribution.
 */
export function loadState(
	path: string,
	configKey: string,
): { state: BotState; warning: string | null } {
	if ( !existsSync( path ) ) {
		return { state: freshState( configKey ), warning: null };
	}
	let value: unknown;
	try {
		value = JSON.parse( readFileSync( path, 'utf8' ) );
	} catch ( e ) {
		return {
			state: freshState( configKey ),
			warning: `State file ${ path } is unreadable or corrupted (${ e instanceof Error ? e.message : String( e ) }); rebuilding from page history`,
		};
	}
	if ( !isState( value ) ) {
		return { state: freshState( configKey ), warning: `State file ${ path } has an unknown format or is damaged; rebuilding from page history` };
	}
	if ( value.configKey !== configKey ) {
		const state = freshState( configKey );
		state.lastRun = value.lastRun;
		return { state, warning: 'The configuration changed since the last run (pages or members); rebuilding attribution from page history' };
	}
	return { state: value, warning: null };
}

/** Writes the state atomically (temporary file in the same directory, fsync, rename). */
export function saveState( path: string, state: BotState ): void {
	mkdirSync( dirname( path ), { recursive: true } );
	const tmp = `${ path }.${ process.pid }.tmp`;
	const fd = openSync( tmp, 'w', 0o600 );
	try {
		writeSync( fd, JSON.stringify( state ) );
		fsyncSync( fd );
	} finally {
		closeSync( fd );
	}
	renameSync( tmp, path );
}

/** Reads the state for `status` without any fallback (null when absent or unusable). */
export function peekState( path: string ): BotState | null {
	try {
		const value: unknown = JSON.parse( readFileSync( path, 'utf8' ) );
		return isState( value ) ? value : null;
	} catch {
		return null;
	}
}
