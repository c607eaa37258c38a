/**
 * `status`: what the bot would work with, without editing anything — wiki, account and rights,
 * whether the shutoff page allows running, the last run, counts of entries and flags from the
 * local state, and problems in the configuration.
 *
 * @packageDocumentation
 */
import { flagsOf, liveDuplicates, type EntryFlags } from '../../shared/aggregate/attribution.ts';
import { peekState } from '../state/store.ts';
import { readCurrent } from '../wiki/read.ts';
import { shutoffAllows } from '../wiki/write.ts';
import { attributionOptions } from './collect.ts';
import { ConfigError, configKey, openContext, type CommonOptions } from './context.ts';
import type { Output } from './output.ts';
import { statePath } from '../state/store.ts';

/** Runs `status`; returns the exit code (0, or 2 when the configuration is broken). */
export async function status( options: CommonOptions, out: Output ): Promise<number> {
	const lines: string[] = [ `Wiki:      ${ options.wiki }` ];
	let code = 0;
	try {
		const ctx = await openContext( options, out );
		const a = ctx.account;
		lines.push( `Account:   ${ a.name } (groups: ${ a.groups.join( ', ' ) || 'none' })` );
		lines.push( `Rights:    bot ${ a.rights.includes( 'bot' ) ? 'yes' : 'NO' }, apihighlimits ${ a.highLimits ? 'yes' : 'no' }, edit ${ a.rights.includes( 'edit' ) ? 'yes' : 'NO' }` );
		const shutoffTitle = ctx.config.pages.shutoff;
		const pages = await readCurrent( ctx.api, [ shutoffTitle ], a.highLimits );
		const s = pages.get( shutoffTitle );
		lines.push( `Shutoff:   ${ shutoffTitle }: ${ !s || s.missing ? 'missing — the bot will not write' : shutoffAllows( s.text ) ? 'run (writing allowed)' : `"${ s.text.trim().slice( 0, 40 ) }" — the bot will not write` }` );
		const state = peekState( ctx.statePath );
		if ( !state ) {
			lines.push( `State:     none yet (${ ctx.statePath })` );
		} else {
			if ( state.configKey !== configKey( ctx.config ) ) {
				lines.push( 'State:     made with another configuration (the next run rebuilds it)' );
			}
			const run = state.lastRun;
			lines.push( `Last run:  ${ run ? `${ run.command } at ${ run.at }: ${ run.result }, checkpoint r${ run.checkpoint }` : 'none' }` );
			const records = Object.values( state.attribution.entries );
			const counts: Partial<Record<keyof EntryFlags, number>> = {};
			for ( const r of records ) {
				const f = flagsOf( r );
				for ( const k of Object.keys( f ) as ( keyof EntryFlags )[] ) {
					if ( f[ k ] ) {
						counts[ k ] = ( counts[ k ] ?? 0 ) + 1;
					}
				}
			}
			lines.push( `Entries:   ${ records.length } on ${ Object.keys( state.attribution.pages ).length } pages` );
			lines.push( `Flags:     ${ Object.entries( counts ).map( ( [ k, n ] ) => `${ k } ${ n }` ).join( ', ' ) || 'none' }` );
			for ( const p of state.problems ) {
				lines.push( `Problems:  ${ p.title }: ${ p.problems.length } malformed entr${ p.problems.length === 1 ? 'y' : 'ies' }` );
			}
			const isArchive = attributionOptions( ctx.config ).isArchive;
			for ( const d of liveDuplicates( state.attribution, isArchive ) ) {
				lines.push( `Problems:  entry id ${ d.id } is on ${ d.pages.join( ' and ' ) } (counted once)` );
			}
		}
		lines.push( 'Config:    no problems' );
	} catch ( e ) {
		if ( e instanceof ConfigError ) {
			lines.push( `Config:    ${ e.message }` );
			const state = peekState( statePath( options.wiki ) );
			lines.push( `Last run:  ${ state?.lastRun ? `${ state.lastRun.command } at ${ state.lastRun.at }: ${ state.lastRun.result }` : 'none' }` );
			code = 2;
		} else {
			throw e;
		}
	}
	out.result( lines.join( '\n' ) );
	return code;
}
