/**
 * The bot's command line (`npm run bot -- <command>`, or the `ldwg-bot` bin).
 *
 * Exit codes: 0 done, 1 failed, 2 usage or configuration error, 3 stopped by the shutoff page or
 * by exclusion. See docs/bot.md.
 *
 * @packageDocumentation
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './client.ts';
import { StopRequested, WaitBudgetExceeded } from './wiki/api.ts';
import { saveState } from './state/store.ts';
import { collect, type CollectResult } from './commands/collect.ts';
import { summary } from './commands/summary.ts';
import { status } from './commands/status.ts';
import { openContext, type CommonOptions, type Context } from './commands/context.ts';
import { consoleOutput, type Output } from './commands/output.ts';

/** Exit codes. */
export const EXIT = { done: 0, failed: 1, usage: 2, stopped: 3 } as const;

/** The default wiki: the local one (port from LDWG_WIKI_PORT, default 8080). */
export function defaultWiki( env: NodeJS.ProcessEnv = process.env ): string {
	return `http://127.0.0.1:${ env.LDWG_WIKI_PORT || '8080' }/api.php`;
}

interface RawOptions {
	wiki?: string;
	config?: string;
	dryRun?: boolean;
	verbose?: boolean;
	pacing?: boolean;
}

function common( raw: RawOptions ): CommonOptions {
	return {
		wiki: raw.wiki ?? defaultWiki(),
		config: raw.config,
		dryRun: !!raw.dryRun,
		verbose: !!raw.verbose,
		pacing: raw.pacing !== false,
	};
}

function collectLine( r: CollectResult ): string {
	return `collect: ${ r.entries } entries (${ r.newEntries } new) on ${ r.pages } pages; ${ r.revisions } new revisions read on ${ r.changedPages } pages; ${ r.flagged } flagged; checkpoint r${ r.checkpoint }`;
}

function recordRun( ctx: Context, command: string, result: string ): void {
	const pages = Object.values( ctx.state.attribution.pages );
	ctx.state.lastRun = {
		command,
		at: new Date().toISOString(),
		result,
		checkpoint: pages.reduce( ( m, p ) => Math.max( m, p.lastRevid ), 0 ),
	};
	try {
		saveState( ctx.statePath, ctx.state );
	} catch ( e ) {
		ctx.out.warn( `Could not save the state: ${ e instanceof Error ? e.message : String( e ) }` );
	}
}

type Step = 'collect' | 'summary';

/** Runs steps in order with one context; maps failures to exit codes and records the run. */
async function runSteps(
	name: string,
	steps: Step[],
	raw: RawOptions,
	out: Output,
): Promise<number> {
	const options = common( raw );
	let ctx: Context | null = null;
	try {
		ctx = await openContext( options, out );
		let stopped = false;
		for ( const step of steps ) {
			if ( step === 'collect' ) {
				out.result( collectLine( await collect( ctx ) ) );
			} else {
				const r = await summary( ctx );
				const verb = options.dryRun ? 'dry run' : 'summary';
				out.result( `${ verb }: page ${ r.page }, JSON ${ r.json }; ${ r.entries } entries counted, ${ r.flagged } flagged${ r.excluded.length ? `; skipped by exclusion: ${ r.excluded.join( ', ' ) }` : '' }` );
				stopped = stopped || r.excluded.length > 0;
			}
		}
		if ( name === 'run' ) {
			out.info( 'report, glossary: not available yet (later issues); skipped' );
		}
		recordRun( ctx, name, stopped ? 'stopped: exclusion' : 'done' );
		return stopped ? EXIT.stopped : EXIT.done;
	} catch ( e ) {
		const message = e instanceof Error ? e.message : String( e );
		if ( e instanceof UsageError ) {
			out.info( `✖ ${ name }: ${ message }` );
			return EXIT.usage;
		}
		if ( e instanceof StopRequested ) {
			out.info( `■ ${ name }: ${ message }` );
			if ( ctx ) {
				recordRun( ctx, name, `stopped: ${ message }` );
			}
			return EXIT.stopped;
		}
		if ( e instanceof WaitBudgetExceeded ) {
			out.info( `✖ ${ name }: ${ message }; state saved, run again later` );
		} else {
			out.info( `✖ ${ name }: ${ message }` );
			if ( options.verbose && e instanceof Error && e.stack ) {
				out.verbose( e.stack );
			}
		}
		if ( ctx ) {
			recordRun( ctx, name, `failed: ${ message.split( '\n' )[ 0 ] }` );
		}
		return EXIT.failed;
	}
}

function notYet( name: string, out: Output ): number {
	out.info( `${ name }: not available yet (comes in a later issue)` );
	return EXIT.usage;
}

/** Builds the program; `setCode` receives the exit code. */
export function buildProgram(
	out: ( verbose: boolean ) => Output,
	setCode: ( code: number ) => void,
): Command {
	const program = new Command();
	program
		.name( 'ldwg-bot' )
		.description( 'The LDWG feedback bot: collect feedback with attribution from page history and publish the summary.' )
		.exitOverride()
		.showHelpAfterError();
	const withOptions = ( cmd: Command ): Command => cmd
		.option( '--wiki <url>', 'api.php URL of the wiki', defaultWiki() )
		.option( '--config <page-or-file>', 'configuration: a JSON file, or the title of the site configuration page (default: the configured page on the wiki)' )
		.option( '--dry-run', 'make no edit; print a unified diff of every page that would change' )
		.option( '--verbose', 'say more' )
		.addOption( new Option( '--no-pacing', 'do not pace edits (tests only)' ).hideHelp() );
	const action = ( name: string, steps: Step[] ) => async ( raw: RawOptions ): Promise<void> => {
		setCode( await runSteps( name, steps, raw, out( !!raw.verbose ) ) );
	};
	withOptions( program.command( 'collect' ).description( 'read talk pages and archives; update attribution' ) )
		.action( action( 'collect', [ 'collect' ] ) );
	withOptions( program.command( 'summary' ).description( 'collect, then write the summary page and JSON when changed' ) )
		.action( action( 'summary', [ 'collect', 'summary' ] ) );
	withOptions( program.command( 'run' ).description( 'collect, summary, report and glossary, in order' ) )
		.action( action( 'run', [ 'collect', 'summary' ] ) );
	for ( const [ name, description ] of [ [ 'report', 'write the sprint report' ], [ 'glossary', 'compile the glossary' ], [ 'export', 'export the feedback' ] ] as const ) {
		withOptions( program.command( name ).description( `${ description } (not available yet)` ) )
			.action( ( raw: RawOptions ) => {
				setCode( notYet( name, out( !!raw.verbose ) ) );
			} );
	}
	withOptions( program.command( 'status' ).description( 'show wiki, account, shutoff, last run, counts and configuration problems; no edits' ) )
		.action( async ( raw: RawOptions ) => {
			const o = out( !!raw.verbose );
			try {
				setCode( await status( common( raw ), o ) );
			} catch ( e ) {
				o.info( `✖ status: ${ e instanceof Error ? e.message : String( e ) }` );
				setCode( e instanceof UsageError ? EXIT.usage : EXIT.failed );
			}
		} );
	withOptions( program.command( 'deploy' ).description( 'publish the gadget and configuration pages' ) )
		.action( async ( raw: RawOptions ) => {
			const o = out( !!raw.verbose );
			const options = common( raw );
			type DeployOptions = { wiki: string; dryRun?: boolean; verbose?: boolean };
			let deployCommand: ( ( opts: DeployOptions ) => Promise<number> ) | undefined;
			try {
				// Loaded on demand: deploy is another engineer's module and may not exist yet.
				const mod = await import( './commands/deploy.ts' ) as { deployCommand?: typeof deployCommand };
				deployCommand = mod.deployCommand;
			} catch {
				deployCommand = undefined;
			}
			if ( !deployCommand ) {
				o.info( 'deploy: not available yet' );
				setCode( EXIT.usage );
				return;
			}
			const { wiki, dryRun, verbose } = options;
			setCode( await deployCommand( { wiki, dryRun, verbose } ) );
		} );
	return program;
}

/** Runs the CLI with `argv` (node-style, including the first two entries). */
export async function main( argv: string[] ): Promise<number> {
	let code: number = EXIT.done;
	const program = buildProgram( ( verbose ) => consoleOutput( { verbose } ), ( c ) => {
		code = c;
	} );
	try {
		await program.parseAsync( argv );
	} catch ( e ) {
		if ( e instanceof CommanderError ) {
			// Help and version are not errors.
			return e.exitCode === 0 ? EXIT.done : EXIT.usage;
		}
		process.stderr.write( `✖ ${ e instanceof Error ? e.message : String( e ) }\n` );
		return EXIT.failed;
	}
	return code;
}
