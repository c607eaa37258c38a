/**
 * `npm run bench`: runs every bench module (`bench/<area>.ts` exporting `bench: BenchModule`),
 * prints a readable table on stdout, or with `--json` one JSON object of named figures.
 *
 * Resources are set up on first use: a bench wiki of its own (port `LDWG_BENCH_WIKI_PORT`, default
 * 8191, reset fresh, with the gadget deployed and the content seeded), stopped at the end.
 * A module that fails does not stop the others: its figures become `null` with the reason.
 *
 * Usage: `npm run bench [-- --json] [-- --only gadget,bot]`
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchModule, BenchWiki, Figure } from './types.ts';

const here = path.dirname( fileURLToPath( import.meta.url ) );
const root = path.resolve( here, '..' );
const args = process.argv.slice( 2 );
const json = args.includes( '--json' );
const onlyIndex = args.indexOf( '--only' );
const only = onlyIndex !== -1 ? ( args[ onlyIndex + 1 ] || '' ).split( ',' ) : null;
const port = process.env.LDWG_BENCH_WIKI_PORT || '8191';

function log( message: string ): void {
	process.stderr.write( `[bench] ${ message }\n` );
}

let wikiPromise: Promise<BenchWiki> | null = null;
let wikiStarted = false;

function wikiScript( command: string, extra: string[] = [] ): string {
	const result = spawnSync( 'node', [ path.join( root, 'scripts/wiki.mjs' ), command, ...extra ], {
		cwd: root,
		env: { ...process.env, LDWG_WIKI_PORT: port },
		encoding: 'utf8',
		stdio: [ 'ignore', 'pipe', 'inherit' ],
	} );
	if ( result.status !== 0 ) {
		throw new Error( `scripts/wiki.mjs ${ command } failed (exit ${ String( result.status ) })` );
	}
	return result.stdout;
}

const context: BenchContext = {
	log,
	wiki(): Promise<BenchWiki> {
		if ( !wikiPromise ) {
			wikiPromise = Promise.resolve().then( () => {
				log( `starting a fresh bench wiki on port ${ port }` );
				wikiStarted = true;
				wikiScript( 'reset' );
				return JSON.parse( wikiScript( 'status', [ '--json' ] ) ) as BenchWiki;
			} );
		}
		return wikiPromise;
	},
};

async function loadModules(): Promise<BenchModule[]> {
	const files = readdirSync( here )
		.filter( ( f ) => f.endsWith( '.ts' ) && ![ 'types.ts', 'run.ts' ].includes( f ) )
		.sort();
	const modules: BenchModule[] = [];
	for ( const file of files ) {
		const url = pathToFileURL( path.join( here, file ) ).href;
		const mod = await import( url ) as { bench?: BenchModule };
		if ( mod.bench ) {
			modules.push( mod.bench );
		} else {
			log( `${ file } exports no \`bench\`; skipped` );
		}
	}
	return modules;
}

function formatValue( figure: Figure ): string {
	if ( figure.value === null ) {
		return `null (${ figure.reason })`;
	}
	const value = Number.isInteger( figure.value ) ?
		String( figure.value ) :
		figure.value.toFixed( 3 );
	return `${ value } ${ figure.unit }${ figure.goal ? `  [goal ${ figure.goal }]` : '' }`;
}

async function main(): Promise<void> {
	const figures: Record<string, Figure> = {};
	try {
		for ( const module of await loadModules() ) {
			if ( only && !only.includes( module.name ) ) {
				continue;
			}
			log( `running ${ module.name }` );
			try {
				Object.assign( figures, await module.run( context ) );
			} catch ( e ) {
				const reason = `${ module.name } failed: ${ e instanceof Error ? e.message : String( e ) }`;
				log( reason );
				for ( const name of module.figures || [ `${ module.name }.error` ] ) {
					figures[ name ] = { value: null, reason };
				}
			}
		}
	} finally {
		if ( wikiStarted ) {
			log( 'stopping the bench wiki' );
			try {
				wikiScript( 'down' );
			} catch ( e ) {
				log( String( e ) );
			}
		}
	}
	if ( json ) {
		const out: Record<string, number | { value: null; reason: string }> = {};
		for ( const [ name, figure ] of Object.entries( figures ) ) {
			out[ name ] = figure.value === null ?
				{ value: null, reason: figure.reason } :
				figure.value;
		}
		process.stdout.write( JSON.stringify( out, null, 2 ) + '\n' );
		return;
	}
	const width = Math.max( 10, ...Object.keys( figures ).map( ( n ) => n.length ) );
	process.stdout.write( `${ 'figure'.padEnd( width ) }  value\n${ '-'.repeat( width + 40 ) }\n` );
	for ( const [ name, figure ] of Object.entries( figures ) ) {
		process.stdout.write( `${ name.padEnd( width ) }  ${ formatValue( figure ) }\n` );
		if ( figure.value !== null && figure.note ) {
			process.stdout.write( `${ ''.padEnd( width ) }    ${ figure.note }\n` );
		}
	}
}

await main();
