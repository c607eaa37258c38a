/**
 * The local MediaWiki of ldwg-tools: create, start, stop, reset and describe one wiki per port.
 *
 * Every wiki lives in `.wiki/<port>/` (git-ignored): its LocalSettings.php, SQLite files, server
 * log, pid file and the local test accounts (`accounts.json`). Debian's read-only MediaWiki tree
 * (`/usr/share/mediawiki`) is the document root; `MW_CONFIG_FILE` points the web entry points and
 * maintenance scripts at our LocalSettings.php, so nothing under /etc or /var/lib changes.
 *
 * Creating a wiki from nothing (install.php, accounts, localisation cache) takes tens of seconds,
 * so the first creation is kept as a pristine copy in `.wiki/pristine-<key>/` and later wikis are
 * made by copying its SQLite files; the key changes whenever the settings or the account script
 * change, so a stale copy is never used.
 *
 * Used by scripts/wiki.mjs (CLI), scripts/start.mjs and test/setup/wiki.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
	copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync,
	renameSync, closeSync, statSync
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..', '..' );
/** Debian's MediaWiki tree. */
export const mwRoot = process.env.MW_INSTALL_PATH || '/usr/share/mediawiki';
const wikiDir = path.join( root, '.wiki' );
const settingsFile = path.join( root, 'test', 'wiki', 'settings.php' );
const templateFile = path.join( root, 'test', 'wiki', 'LocalSettings.template.php' );
const accountsScript = path.join( root, 'test', 'wiki', 'CreateAccounts.php' );

/**
 * The local test accounts: key → user name, groups, BotPassword app id and grants.
 * The bot's grants are what the bot needs and no more: read, write pages (including its own
 * JSON pages in its user space: editmyoptions carries editmyuserjson; editmycssjs would also
 * allow its JS), high-volume (bot flag's apihighlimits). The
 * administrator's BotPassword `deploy` is what `npm run bot -- deploy` uses: it may edit the
 * interface, site JS/CSS/JSON and protected pages, protect pages and set page languages.
 */
export const ACCOUNT_SPECS = [
	{
		key: 'admin', name: 'Admin', groups: [ 'sysop', 'bureaucrat', 'interface-admin' ],
		appId: 'deploy',
		grants: [ 'basic', 'highvolume', 'editpage', 'createeditmovepage', 'editprotected',
			'protect', 'editinterface', 'editsiteconfig' ]
	},
	{
		key: 'bot', name: 'LDWG-bot', groups: [ 'bot' ], appId: 'ldwg',
		grants: [ 'basic', 'highvolume', 'editpage', 'createeditmovepage', 'editmyoptions' ]
	},
	// Alice is the working-group member of the shipped sprint configuration.
	{ key: 'alice', name: 'Alice', groups: [], appId: 'ldwg', grants: [ 'basic', 'editpage', 'createeditmovepage' ] },
	{ key: 'bob', name: 'Bob', groups: [], appId: 'ldwg', grants: [ 'basic', 'editpage', 'createeditmovepage' ] },
	{ key: 'chandra', name: 'Chandra', groups: [], appId: 'ldwg', grants: [ 'basic', 'editpage', 'createeditmovepage' ] },
	{ key: 'dana', name: 'Dana', groups: [], appId: 'ldwg', grants: [ 'basic', 'editpage', 'createeditmovepage' ] }
];

/**
 * @typedef {Object} LocalAccount
 * @property {string} username Main account name (for the browser's Special:UserLogin)
 * @property {string} password Main account password
 * @property {string[]} groups
 * @property {string} botUsername BotPassword login name, `Name@appid` (for the API)
 * @property {string} botPassword BotPassword (matches ^[0-9a-w]{32,}$)
 * @property {string[]} grants Grants of the BotPassword
 */

/**
 * @typedef {Object} WikiInfo
 * @property {number} port
 * @property {string} url Base URL, e.g. http://127.0.0.1:8080
 * @property {string} api api.php URL
 * @property {string} dir State folder
 * @property {boolean} running
 * @property {boolean} seeded Whether the content seed has completed on this wiki
 * @property {Object<string, LocalAccount>} accounts Keyed admin, bot, alice, bob, chandra, dana
 */

/**
 * What `wikiUp` returns: a WikiInfo plus `created`, true when the wiki was made from the
 * pristine copy just now (so it still needs seeding).
 *
 * @typedef {Object} UpResult
 * @property {number} port
 * @property {string} url
 * @property {string} api
 * @property {string} dir
 * @property {boolean} running
 * @property {boolean} seeded
 * @property {Object<string, LocalAccount>} accounts
 * @property {boolean} created
 */

/**
 * Port from the argument, else LDWG_WIKI_PORT, else 8080.
 *
 * @param {number|string|undefined} [port]
 * @return {number}
 */
export function resolvePort( port ) {
	const value = Number( port || process.env.LDWG_WIKI_PORT || 8080 );
	if ( !Number.isInteger( value ) || value < 1024 || value > 65535 ) {
		throw new Error( `Invalid port ${ port || process.env.LDWG_WIKI_PORT }: expected 1024–65535` );
	}
	return value;
}

/**
 * @param {number} port
 * @return {{dir: string, data: string, settings: string, accounts: string, pid: string,
 *  log: string, seeded: string}}
 */
export function paths( port ) {
	const dir = path.join( wikiDir, String( port ) );
	return {
		dir,
		data: path.join( dir, 'data' ),
		settings: path.join( dir, 'LocalSettings.php' ),
		accounts: path.join( dir, 'accounts.json' ),
		pid: path.join( dir, 'server.pid' ),
		log: path.join( dir, 'server.log' ),
		seeded: path.join( dir, 'seeded.json' )
	};
}

/**
 * Key of the pristine copy: changes with the MediaWiki version and our settings and scripts.
 *
 * @return {string}
 */
function pristineKey() {
	const hash = createHash( 'sha256' );
	hash.update( readFileSync( path.join( mwRoot, 'includes', 'Defines.php' ) ) );
	for ( const file of [ settingsFile, templateFile, accountsScript, path.join( root, 'test', 'wiki', 'codex.php' ) ] ) {
		hash.update( readFileSync( file ) );
	}
	hash.update( JSON.stringify( ACCOUNT_SPECS ) );
	return hash.digest( 'hex' ).slice( 0, 12 );
}

/**
 * @param {string} file
 * @return {any}
 */
function readJson( file ) {
	return JSON.parse( readFileSync( file, 'utf8' ) );
}

/**
 * Runs a command, throwing with its output when it fails.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {Object} [env]
 * @return {string} stdout
 */
function run( command, args, env = {} ) {
	const result = spawnSync( command, args, {
		cwd: mwRoot, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024
	} );
	if ( result.status !== 0 ) {
		throw new Error( `${ command } ${ args.join( ' ' ) } failed (${ result.status }):\n${ result.stdout }\n${ result.stderr }` );
	}
	return result.stdout;
}

/**
 * Installs missing Debian packages (scripts/ensure-system.sh); throws with its message when it
 * cannot (not root).
 */
export function ensureSystem() {
	const result = spawnSync( 'bash', [ path.join( root, 'scripts', 'ensure-system.sh' ) ], { stdio: [ 'ignore', 'inherit', 'pipe' ], encoding: 'utf8' } );
	if ( result.status !== 0 ) {
		throw new Error( ( result.stderr || '' ).trim() || 'scripts/ensure-system.sh failed' );
	}
}

/**
 * Writes LocalSettings.php for a wiki folder from the template.
 *
 * @param {string} file
 * @param {number} port
 * @param {string} dataDir
 */
function writeLocalSettings( file, port, dataDir ) {
	const replacements = {
		SERVER: `http://127.0.0.1:${ port }`,
		SECRET_KEY: randomBytes( 32 ).toString( 'hex' ),
		UPGRADE_KEY: randomBytes( 8 ).toString( 'hex' ),
		DATA_DIR: dataDir,
		SETTINGS_FILE: settingsFile
	};
	const text = readFileSync( templateFile, 'utf8' ).replace( /\{\{([A-Z_]+)\}\}/g, ( whole, name ) => {
		const value = replacements[ name ];
		if ( value === undefined ) {
			throw new Error( `Unknown placeholder ${ whole } in ${ templateFile }` );
		}
		// Values are paths, hex and a URL, written inside single quotes: refuse a quote.
		if ( /['\\]/.test( value ) ) {
			throw new Error( `Cannot write ${ value } into LocalSettings.php` );
		}
		return value;
	} );
	writeFileSync( file, text );
}

/**
 * Generates the local accounts (fresh random passwords).
 *
 * @return {Object<string, LocalAccount>}
 */
function generateAccounts() {
	/** @type {Object<string, LocalAccount>} */
	const accounts = {};
	for ( const spec of ACCOUNT_SPECS ) {
		accounts[ spec.key ] = {
			username: spec.name,
			password: `ldwg-${ randomBytes( 12 ).toString( 'hex' ) }`,
			groups: spec.groups,
			botUsername: `${ spec.name }@${ spec.appId }`,
			// Hex is within ^[0-9a-w]{32,}$ (x, y, z make BotPassword logins fail).
			botPassword: randomBytes( 16 ).toString( 'hex' ),
			grants: spec.grants
		};
	}
	return accounts;
}

/**
 * Creates the pristine copy (install.php, accounts, localisation cache) unless it exists.
 *
 * @param {function(string): void} log
 * @return {string} folder of the pristine copy
 */
function ensurePristine( log ) {
	const key = pristineKey();
	const dir = path.join( wikiDir, `pristine-${ key }` );
	if ( existsSync( path.join( dir, 'accounts.json' ) ) ) {
		return dir;
	}
	log( 'Creating the pristine wiki (first time only, about half a minute)…' );
	// Build in a temporary folder and rename at the end, so an interrupted run leaves no
	// half-made copy that would be taken as complete.
	const tmp = path.join( wikiDir, `pristine-${ key }.tmp-${ process.pid }` );
	rmSync( tmp, { recursive: true, force: true } );
	const data = path.join( tmp, 'data' );
	mkdirSync( data, { recursive: true } );
	const accounts = generateAccounts();
	// install.php writes its own LocalSettings.php, which we do not use: ours comes from the
	// template. It runs against a throwaway server URL; the database does not store it.
	run( 'php', [ path.join( mwRoot, 'maintenance', 'install.php' ),
		'--dbtype', 'sqlite', '--dbpath', data, '--confpath', tmp,
		'--server', 'http://127.0.0.1:1', '--scriptpath', '', '--lang', 'en',
		'--pass', accounts.admin.password, 'LDWG local wiki', accounts.admin.username ] );
	rmSync( path.join( tmp, 'LocalSettings.php' ), { force: true } );
	const settings = path.join( tmp, 'LocalSettings.php' );
	writeLocalSettings( settings, 1, data );
	const env = { MW_CONFIG_FILE: settings, MW_INSTALL_PATH: mwRoot };
	const input = path.join( tmp, 'accounts-input.json' );
	writeFileSync( input, JSON.stringify( ACCOUNT_SPECS.map( ( spec ) => ( {
		name: accounts[ spec.key ].username,
		password: accounts[ spec.key ].password,
		groups: spec.groups,
		botPassword: {
			appId: spec.appId,
			password: accounts[ spec.key ].botPassword,
			grants: spec.grants
		}
	} ) ) ) );
	run( 'php', [ accountsScript, input ], env );
	rmSync( input );
	// The first page view in each language would otherwise build its localisation cache (seconds).
	run( 'php', [ path.join( mwRoot, 'maintenance', 'rebuildLocalisationCache.php' ), '--lang', 'en,fr,es,ar', '--quiet' ], env );
	writeFileSync( path.join( tmp, 'accounts.json' ), JSON.stringify( accounts, null, '\t' ) + '\n' );
	rmSync( dir, { recursive: true, force: true } );
	renameSync( tmp, dir );
	// Older pristine copies are dead weight once the key changed.
	for ( const name of readdirSync( wikiDir ) ) {
		if ( name.startsWith( 'pristine-' ) && name !== `pristine-${ key }` && !name.includes( '.tmp-' ) ) {
			rmSync( path.join( wikiDir, name ), { recursive: true, force: true } );
		}
	}
	return dir;
}

/**
 * Copies a folder of plain files and folders (fs.cpSync is still experimental on Node 20).
 *
 * @param {string} from
 * @param {string} to
 */
function copyTree( from, to ) {
	mkdirSync( to, { recursive: true } );
	for ( const entry of readdirSync( from, { withFileTypes: true } ) ) {
		const source = path.join( from, entry.name );
		const target = path.join( to, entry.name );
		if ( entry.isDirectory() ) {
			copyTree( source, target );
		} else {
			copyFileSync( source, target );
		}
	}
}

/**
 * Creates the wiki of a port from the pristine copy unless it exists.
 *
 * @param {number} port
 * @param {function(string): void} log
 * @param {string} [from] Folder to copy (`data/`, `accounts.json`); default the pristine copy
 * @return {boolean} true when the wiki was created now
 */
function ensureCreated( port, log, from = undefined ) {
	const p = paths( port );
	if ( existsSync( p.settings ) && existsSync( p.accounts ) && existsSync( p.data ) ) {
		const keyFile = path.join( p.dir, 'pristine-key' );
		const key = existsSync( keyFile ) ? readFileSync( keyFile, 'utf8' ).trim() : '';
		if ( key !== pristineKey() ) {
			log( 'Note: this wiki was made with older settings or accounts (test/wiki/, ACCOUNT_SPECS); `npm run wiki:reset` makes a fresh one.' );
		}
		return false;
	}
	const pristine = from || ensurePristine( log );
	rmSync( p.dir, { recursive: true, force: true } );
	// The bot's state cache (bot/state/store.ts) for this URL describes the wiki that was here
	// before; it is rebuildable from history, and stale it would skip the new wiki's revisions.
	rmSync( path.resolve( root, process.env.LDWG_STATE_DIR || '.ldwg-state', `127.0.0.1_${ port }` ),
		{ recursive: true, force: true } );
	mkdirSync( p.dir, { recursive: true } );
	copyTree( path.join( pristine, 'data' ), p.data );
	writeLocalSettings( p.settings, port, p.data );
	writeFileSync( path.join( p.dir, 'pristine-key' ), pristineKey() + '\n' );
	// accounts.json last: its presence marks a complete wiki.
	copyFileSync( path.join( pristine, 'accounts.json' ), p.accounts );
	return true;
}

/**
 * @param {number} pid
 * @return {boolean}
 */
function alive( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		// EPERM: the process exists but belongs to someone else.
		return Object( error ).code === 'EPERM';
	}
}

/**
 * @param {number} port
 * @return {number|null} pid of our server process group, if it runs
 */
function serverPid( port ) {
	const file = paths( port ).pid;
	if ( !existsSync( file ) ) {
		return null;
	}
	const pid = Number( readFileSync( file, 'utf8' ).trim() );
	return Number.isInteger( pid ) && pid > 1 && alive( pid ) ? pid : null;
}

/**
 * Whether something accepts connections on 127.0.0.1:port.
 *
 * @param {number} port
 * @return {Promise<boolean>}
 */
export function portInUse( port ) {
	return new Promise( ( resolve ) => {
		const socket = net.connect( { host: '127.0.0.1', port } );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}

/**
 * @param {number} ms
 * @return {Promise<void>}
 */
const sleep = ( ms ) => new Promise( ( resolve ) => {
	setTimeout( resolve, ms );
} );

/**
 * GETs a URL and parses the response as JSON (node:http rather than fetch, which the Node 20 lint
 * profile still calls experimental). Rejects on network errors, timeouts and non-JSON bodies.
 *
 * @param {string} url
 * @param {number} [timeoutMs] Give up after this long without a response (default 10 s)
 * @return {Promise<{ status: number|undefined, body: any }>}
 */
export function getJson( url, timeoutMs = 10000 ) {
	return new Promise( ( resolve, reject ) => {
		const request = http.get( url, { timeout: timeoutMs }, ( response ) => {
			let body = '';
			response.setEncoding( 'utf8' );
			response.on( 'data', ( chunk ) => {
				body += chunk;
			} );
			response.on( 'end', () => {
				try {
					resolve( { status: response.statusCode, body: JSON.parse( body ) } );
				} catch ( error ) {
					reject( error );
				}
			} );
		} );
		request.on( 'timeout', () => request.destroy( new Error( `No response from ${ url }` ) ) );
		request.on( 'error', reject );
	} );
}

/**
 * Whether api.php answers with siteinfo.
 *
 * @param {number} port
 * @return {Promise<boolean>}
 */
function apiAnswers( port ) {
	const url = `http://127.0.0.1:${ port }/api.php?action=query&meta=siteinfo&format=json`;
	return getJson( url ).then(
		( { status, body } ) => status === 200 &&
			Boolean( body && body.query && body.query.general ),
		() => false
	);
}

/**
 * Describes the wiki of a port.
 *
 * @param {number|string} [portOption]
 * @return {Promise<WikiInfo>}
 */
export async function wikiStatus( portOption ) {
	const port = resolvePort( portOption );
	const p = paths( port );
	const url = `http://127.0.0.1:${ port }`;
	const running = serverPid( port ) !== null && await apiAnswers( port );
	return {
		port,
		url,
		api: `${ url }/api.php`,
		dir: p.dir,
		running,
		seeded: existsSync( p.seeded ),
		accounts: existsSync( p.accounts ) ? readJson( p.accounts ) : {}
	};
}

/**
 * Creates (if needed) and starts the wiki of a port; returns at once when it already runs.
 *
 * @param {Object} [options]
 * @param {number|string} [options.port]
 * @param {function(string): void} [options.log] Progress lines (default: stderr)
 * @return {Promise<UpResult>}
 */
export async function wikiUp( options = {} ) {
	const port = resolvePort( options.port );
	const log = options.log || ( ( line ) => process.stderr.write( line + '\n' ) );
	const p = paths( port );
	if ( serverPid( port ) !== null && await apiAnswers( port ) ) {
		return { ...await wikiStatus( port ), created: false };
	}
	ensureSystem();
	if ( serverPid( port ) !== null ) {
		// Our process runs but does not answer: restart it rather than guess.
		await wikiDown( port );
	}
	if ( await portInUse( port ) ) {
		throw new Error( `Port ${ port } is in use by another program. Stop it, or choose another port with LDWG_WIKI_PORT.` );
	}
	const created = ensureCreated( port, log );
	const logFd = openSync( p.log, 'a' );
	// detached: the server becomes the leader of its own session and process group (setsid),
	// so `down` can stop it together with its PHP_CLI_SERVER_WORKERS children.
	const child = spawn( 'php', [ '-S', `127.0.0.1:${ port }`, '-t', mwRoot,
		path.join( mwRoot, 'maintenance', 'dev', 'includes', 'router.php' ) ], {
		cwd: mwRoot,
		detached: true,
		stdio: [ 'ignore', logFd, logFd ],
		env: { ...process.env, MW_CONFIG_FILE: p.settings, MW_INSTALL_PATH: mwRoot, PHP_CLI_SERVER_WORKERS: '4' }
	} );
	closeSync( logFd );
	child.unref();
	if ( child.pid === undefined ) {
		throw new Error( 'Could not start php -S' );
	}
	writeFileSync( p.pid, `${ child.pid }\n` );
	const deadline = Date.now() + 60000;
	while ( !await apiAnswers( port ) ) {
		if ( !alive( child.pid ) ) {
			throw new Error( `The wiki server exited at start; see ${ p.log }` );
		}
		if ( Date.now() > deadline ) {
			await wikiDown( port );
			throw new Error( `The wiki did not answer on ${ port } within 60 s; see ${ p.log }` );
		}
		await sleep( 100 );
	}
	return { ...await wikiStatus( port ), created };
}

/**
 * Stops the wiki of a port (its whole process group) and checks that the port is free.
 *
 * @param {number|string} [portOption]
 * @return {Promise<boolean>} whether a server was running
 */
export async function wikiDown( portOption ) {
	const port = resolvePort( portOption );
	const p = paths( port );
	const pid = serverPid( port );
	if ( pid !== null ) {
		for ( const [ signal, wait ] of [ [ 'SIGTERM', 3000 ], [ 'SIGKILL', 3000 ] ] ) {
			try {
				process.kill( -pid, signal );
			} catch {
				// The group is already gone.
			}
			const deadline = Date.now() + wait;
			while ( Date.now() < deadline && ( alive( pid ) || await portInUse( port ) ) ) {
				await sleep( 50 );
			}
			if ( !alive( pid ) && !await portInUse( port ) ) {
				break;
			}
		}
	}
	rmSync( p.pid, { force: true } );
	if ( await portInUse( port ) ) {
		throw new Error( `Port ${ port } is still in use after stopping the wiki (another program?)` );
	}
	return pid !== null;
}

/**
 * Stops the wiki, deletes its state and starts a fresh one.
 *
 * @param {Object} [options]
 * @param {number|string} [options.port]
 * @param {function(string): void} [options.log]
 * @return {Promise<UpResult>}
 */
export async function wikiReset( options = {} ) {
	const port = resolvePort( options.port );
	await wikiDown( port );
	rmSync( paths( port ).dir, { recursive: true, force: true } );
	return wikiUp( { ...options, port } );
}

/**
 * Deploys the gadget and writes the demo content through the API (bot/deploy/seed.ts, loaded
 * with tsx), then marks the wiki as seeded.
 *
 * @param {WikiInfo} info
 * @param {Object} [options]
 * @param {function(string): void} [options.log]
 * @return {Promise<void>}
 */
export async function wikiSeed( info, options = {} ) {
	const log = options.log || ( ( line ) => process.stderr.write( line + '\n' ) );
	const { tsImport } = await import( 'tsx/esm/api' );
	const seed = await tsImport( path.join( root, 'bot', 'deploy', 'seed.ts' ), import.meta.url );
	const summary = await seed.seedWiki( { api: info.api, accounts: info.accounts, log } );
	writeFileSync( paths( info.port ).seeded, JSON.stringify( { at: new Date().toISOString(), ...summary }, null, '\t' ) + '\n' );
}

/**
 * Builds and deploys the gadget, configuration and templates to a local wiki as its
 * administrator (bot/deploy/seed.ts deployLocal, loaded with tsx).
 *
 * @param {WikiInfo} info
 * @param {Object} [options]
 * @param {function(string): void} [options.log]
 * @return {Promise<number>} number of pages changed
 */
export async function wikiDeploy( info, options = {} ) {
	const { tsImport } = await import( 'tsx/esm/api' );
	const seed = await tsImport( path.join( root, 'bot', 'deploy', 'seed.ts' ), import.meta.url );
	return seed.deployLocal( { api: info.api, accounts: info.accounts, log: options.log } );
}

/**
 * Adds the files of a folder (recursively, in a stable order) to a hash.
 *
 * @param {Object} hash A node:crypto Hash
 * @param {string} dir
 */
function hashTree( hash, dir ) {
	if ( !existsSync( dir ) ) {
		return;
	}
	if ( !statSync( dir ).isDirectory() ) {
		hash.update( path.relative( root, dir ) );
		hash.update( readFileSync( dir ) );
		return;
	}
	const entries = readdirSync( dir, { withFileTypes: true } )
		.sort( ( a, b ) => a.name < b.name ? -1 : 1 );
	for ( const entry of entries ) {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			hashTree( hash, full );
		} else {
			hash.update( path.relative( root, full ) );
			hash.update( readFileSync( full ) );
		}
	}
}

/**
 * Key of a seeded snapshot: the pristine key plus everything the seed reads to write content
 * (wiki-content/, the entry codec and contracts in shared/, the seed code). The gadget build is
 * not part of it: seeding again on a copy of the snapshot deploys whatever changed there.
 *
 * @return {string}
 */
function seededKey() {
	const hash = createHash( 'sha256' );
	hash.update( pristineKey() );
	// Only what formatEntry and the seed depend on: other shared/ modules do not change the seed.
	for ( const dir of [ 'wiki-content', path.join( 'shared', 'entry' ), path.join( 'shared', 'contracts' ),
		path.join( 'shared', 'validate.ts' ), path.join( 'bot', 'deploy' ) ] ) {
		hashTree( hash, path.join( root, dir ) );
	}
	return hash.digest( 'hex' ).slice( 0, 12 );
}

/**
 * A fresh, seeded wiki, fast: made from a snapshot of a seeded wiki when one exists for the
 * current content (then seeded again, which only deploys what changed since, e.g. the gadget
 * build), otherwise seeded from the pristine copy and snapshotted for next time. Used by the
 * test setup, so every test run starts from the same known state.
 *
 * @param {Object} [options]
 * @param {number|string} [options.port]
 * @param {function(string): void} [options.log]
 * @return {Promise<UpResult>}
 */
export async function wikiFreshSeeded( options = {} ) {
	const port = resolvePort( options.port );
	const log = options.log || ( ( line ) => process.stderr.write( line + '\n' ) );
	const p = paths( port );
	const key = seededKey();
	const snapshot = path.join( wikiDir, `seeded-${ key }` );
	await wikiDown( port );
	rmSync( p.dir, { recursive: true, force: true } );
	if ( existsSync( path.join( snapshot, 'accounts.json' ) ) ) {
		ensureCreated( port, log, snapshot );
		const info = await wikiUp( { port, log } );
		await wikiSeed( info, { log } );
		return { ...await wikiStatus( port ), created: true };
	}
	const first = await wikiUp( { port, log } );
	await wikiSeed( first, { log } );
	// SQLite files are copied only while no server has them open.
	await wikiDown( port );
	const tmp = `${ snapshot }.tmp-${ process.pid }`;
	rmSync( tmp, { recursive: true, force: true } );
	copyTree( p.data, path.join( tmp, 'data' ) );
	copyFileSync( p.accounts, path.join( tmp, 'accounts.json' ) );
	try {
		renameSync( tmp, snapshot );
	} catch {
		// Another run made the same snapshot meanwhile: theirs is as good as ours.
		rmSync( tmp, { recursive: true, force: true } );
	}
	for ( const name of readdirSync( wikiDir ) ) {
		if ( name.startsWith( 'seeded-' ) && name !== `seeded-${ key }` && !name.includes( '.tmp-' ) ) {
			rmSync( path.join( wikiDir, name ), { recursive: true, force: true } );
		}
	}
	await wikiUp( { port, log } );
	return { ...await wikiStatus( port ), created: true };
}
