/**
 * `npm start`: the whole loop on the local wiki, then keep serving until Ctrl-C.
 *
 * 1. Local wiki up on LDWG_WIKI_PORT (default 8080), created and seeded if new.
 * 2. Gadget built and deployed through the API (the same code as `ldwg-bot deploy`).
 * 3. The bot's full cycle (`node bot/bin.mjs run --wiki …`) with the local bot's credentials,
 *    when the bot CLI exists; otherwise a clear note that it is missing.
 * 4. Where to look: draft, translation, talk page, summary, latest sprint report, accounts.
 *
 * A second `npm start` reuses the wiki (no re-creation, no re-seeding) and is quick. Ctrl-C stops
 * the wiki if this command started it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getJson, root, wikiDeploy, wikiDown, wikiSeed, wikiStatus, wikiUp } from './lib/wiki.mjs';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const SUMMARY = 'Leadership Development Working Group/Feedback summary';
const GLOSSARY = 'Leadership Development Working Group/Glossary';
const REPORTS = 'Leadership Development Working Group/Sprint reports/';

/**
 * @param {string} line
 */
function say( line ) {
	process.stdout.write( line + '\n' );
}

/**
 * @param {string} url
 * @param {string} title
 * @return {string}
 */
function pageUrl( url, title ) {
	return `${ url }/index.php?title=${ encodeURIComponent( title.replace( / /g, '_' ) ).replace( /%2F/g, '/' ).replace( /%3A/g, ':' ) }`;
}

/**
 * Which of the pages exist, and the newest sprint report (by title: report titles sort by date).
 *
 * @param {string} api
 * @return {Promise<{exists: Set<string>, latestReport: string|null}>}
 */
async function lookAround( api ) {
	const titles = [ SUMMARY, DRAFT, `${ DRAFT }/ar`, `Talk:${ DRAFT }`, GLOSSARY ];
	const { body: pageInfo } = await getJson( `${ api }?action=query&format=json&formatversion=2&titles=${ encodeURIComponent( titles.join( '|' ) ) }` );
	const existing = new Set( ( pageInfo.query?.pages ?? [] )
		.filter( ( p ) => !p.missing ).map( ( p ) => p.title ) );
	const { body: list } = await getJson( `${ api }?action=query&format=json&formatversion=2&list=allpages&apnamespace=0&aplimit=max&apprefix=${ encodeURIComponent( REPORTS ) }` );
	const reports = ( list.query?.allpages ?? [] ).map( ( p ) => p.title ).sort();
	const newest = reports.length ? reports[ reports.length - 1 ] : null;
	return { exists: existing, latestReport: newest };
}

/**
 * Runs the bot's full cycle, if the bot CLI exists.
 *
 * @param {Object} wiki What wikiStatus() returns
 * @return {Promise<number|null>} exit code, or null when the bot CLI is missing
 */
function runBot( wiki ) {
	const bin = path.join( root, 'bot', 'bin.mjs' );
	if ( !existsSync( bin ) ) {
		return Promise.resolve( null );
	}
	const bot = wiki.accounts.bot;
	return new Promise( ( resolve ) => {
		const child = spawn( process.execPath, [ bin, 'run', '--wiki', wiki.api ], {
			cwd: root,
			stdio: 'inherit',
			env: {
				...process.env,
				LDWG_BOT_USERNAME: bot.botUsername,
				LDWG_BOT_PASSWORD: bot.botPassword
			}
		} );
		child.on( 'exit', ( code ) => resolve( code ?? 1 ) );
		child.on( 'error', () => resolve( 1 ) );
	} );
}

const started = Date.now();
const before = await wikiStatus();
const info = await wikiUp();
const startedWiki = !before.running;
say( `Wiki ${ before.running ? 'already running' : info.created ? 'created and started' : 'started' } on ${ info.url }` );
const log = ( line ) => process.stderr.write( `  ${ line }\n` );
if ( !info.seeded ) {
	say( 'Seeding: deploying the gadget and writing the demo content through the API…' );
	await wikiSeed( info, { log } );
} else {
	say( 'Building and deploying the gadget…' );
	const changed = await wikiDeploy( info, { log } );
	say( changed ? `  ${ changed } page(s) updated` : '  already up to date' );
}
say( 'Running the bot\'s full cycle…' );
const botCode = await runBot( info );
if ( botCode === null ) {
	say( '  ✖ The bot CLI (bot/bin.mjs) is missing: no collect, summary or report ran. The pages the bot writes will not exist.' );
} else if ( botCode !== 0 ) {
	say( `  ✖ The bot exited with code ${ botCode } (see its output above).` );
}
const { exists, latestReport } = await lookAround( info.api );
/**
 * @param {string} label
 * @param {string} title
 * @return {void}
 */
const where = ( label, title ) => say( `  ${ label.padEnd( 18 ) } ${ pageUrl( info.url, title ) }${ exists.has( title ) ? '' : '  (not written yet)' }` );
say( `\nReady in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s. Where to look:` );
where( 'Draft', DRAFT );
where( 'Translation (ar)', `${ DRAFT }/ar` );
where( 'Talk page', `Talk:${ DRAFT }` );
where( 'Summary', SUMMARY );
where( 'Glossary', GLOSSARY );
say( `  ${ 'Latest report'.padEnd( 18 ) } ${ latestReport ? pageUrl( info.url, latestReport ) : 'none yet (the bot writes sprint reports)' }` );
say( '\nLocal accounts (local test wiki only):' );
for ( const [ key, account ] of Object.entries( info.accounts ) ) {
	say( `  ${ key.padEnd( 8 ) } ${ account.username.padEnd( 9 ) } password ${ account.password }` );
}
say( `\nAPI: ${ info.api }. Serving until Ctrl-C${ startedWiki ? ' (then the wiki stops)' : ' (the wiki was already running and keeps running)' }.` );

let stopping = false;
const stop = async () => {
	if ( stopping ) {
		return;
	}
	stopping = true;
	if ( startedWiki ) {
		await wikiDown( info.port );
		say( '\nWiki stopped.' );
	}
	process.exit( 0 );
};
process.on( 'SIGINT', stop );
process.on( 'SIGTERM', stop );
// Keep the event loop alive until a signal arrives.
setInterval( () => undefined, 1000 * 60 * 60 );
