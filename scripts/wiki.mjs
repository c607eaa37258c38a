/**
 * The local wiki from the command line (`node scripts/wiki.mjs <command>`):
 *
 *   up     [--port N] [--no-seed]  create if needed, start, seed a fresh wiki
 *   down   [--port N]              stop; the port is free afterwards
 *   reset  [--port N] [--no-seed]  down + delete state + up (seconds)
 *   status [--port N] [--json]     running?, URLs, local accounts
 *   seed   [--port N]              deploy the gadget and write the content again
 *
 * The port defaults to LDWG_WIKI_PORT or 8080. See docs/local-wiki.md.
 */
import { wikiDown, wikiReset, wikiSeed, wikiStatus, wikiUp } from './lib/wiki.mjs';

const [ command = 'status', ...rest ] = process.argv.slice( 2 );
const json = rest.includes( '--json' );
const noSeed = rest.includes( '--no-seed' );
const portIndex = rest.indexOf( '--port' );
const port = portIndex >= 0 ? rest[ portIndex + 1 ] : undefined;

/**
 * @param {Object} info What wikiStatus() returns
 */
function printInfo( info ) {
	if ( json ) {
		process.stdout.write( JSON.stringify( info, null, '\t' ) + '\n' );
		return;
	}
	const lines = [
		`Wiki:     ${ info.running ? 'running' : 'stopped' } (port ${ info.port }, state in ${ info.dir })`,
		`URL:      ${ info.url }/index.php`,
		`API:      ${ info.api }`
	];
	const accounts = Object.entries( info.accounts );
	if ( accounts.length ) {
		lines.push( 'Accounts (local test accounts only):' );
		for ( const [ key, account ] of accounts ) {
			lines.push( `  ${ key.padEnd( 8 ) } ${ account.username.padEnd( 9 ) } password ${ account.password }  ` +
				`API: ${ account.botUsername } / ${ account.botPassword }${ account.groups.length ? `  [${ account.groups.join( ', ' ) }]` : '' }` );
		}
	} else {
		lines.push( 'Accounts: none yet (run `npm run wiki:up`)' );
	}
	process.stdout.write( lines.join( '\n' ) + '\n' );
}

/**
 * @param {Object} info What wikiUp() returns
 */
async function seedIfFresh( info ) {
	if ( !noSeed && !info.seeded ) {
		const started = Date.now();
		await wikiSeed( info );
		process.stderr.write( `Seeded in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s\n` );
	}
}

try {
	const started = Date.now();
	switch ( command ) {
		case 'up': {
			const info = await wikiUp( { port } );
			await seedIfFresh( info );
			process.stderr.write( `Wiki up in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s${ info.created ? ' (created)' : '' }\n` );
			printInfo( await wikiStatus( info.port ) );
			break;
		}
		case 'reset': {
			const info = await wikiReset( { port } );
			await seedIfFresh( info );
			process.stderr.write( `Fresh wiki in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s\n` );
			printInfo( await wikiStatus( info.port ) );
			break;
		}
		case 'down': {
			const wasRunning = await wikiDown( port );
			process.stdout.write( wasRunning ? 'Wiki stopped; the port is free.\n' : 'Wiki was not running; the port is free.\n' );
			break;
		}
		case 'status':
			printInfo( await wikiStatus( port ) );
			break;
		case 'seed': {
			const info = await wikiStatus( port );
			if ( !info.running ) {
				throw new Error( 'The wiki is not running: `npm run wiki:up` first.' );
			}
			await wikiSeed( info );
			process.stdout.write( 'Seeded.\n' );
			break;
		}
		default:
			throw new Error( `Unknown command "${ command }". Use up, down, reset, status [--json] or seed.` );
	}
} catch ( error ) {
	process.stderr.write( `✖ ${ error instanceof Error ? error.message : String( error ) }\n` );
	process.exit( 1 );
}
