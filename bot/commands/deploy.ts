/**
 * `ldwg-bot deploy --wiki <api.php URL> [--dry-run] [--verbose]`: builds the gadget and publishes
 * it through the Action API — its JS, CSS and JSON pages, description pages, its lines in
 * `MediaWiki:Gadgets-definition`, the configuration pages and the templates — editing only pages
 * whose content differs. Needs an interface administrator: `LDWG_DEPLOY_USERNAME` /
 * `LDWG_DEPLOY_PASSWORD` (a BotPassword with editsiteconfig, editinterface, editprotected and
 * protect), falling back to the bot's `LDWG_BOT_*` credentials.
 *
 * The local wiki is set up with this same code (scripts/lib/wiki.mjs → bot/deploy/seed.ts).
 *
 * @packageDocumentation
 */
import type { Mwn } from 'mwn';
import { build } from '../../esbuild.config.mjs';
import { createClient, credentialsFromEnv, UsageError } from '../client.ts';
import type { Credentials } from '../client.ts';
import {
	checkedConfig, configPages, DEFINITION_TITLE, gadgetMessagePages, gadgetFilePages, gadgetNames,
	mergeDefinition, readDefinition, SPRINT_CONFIG_TITLE, templatePages, repoRoot, siteSetting,
} from '../deploy/plan.ts';
import { noJsPages } from '../deploy/nojs.ts';
import { publishPages, readPages } from '../deploy/publish.ts';
import type { PlannedPage, PublishResult } from '../deploy/publish.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Contact for the User-Agent when the configuration names none. */
const DEFAULT_CONTACT = 'https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group';

/**
 * Deploy credentials: `LDWG_DEPLOY_*`, else whatever {@link credentialsFromEnv} finds.
 *
 * @throws UsageError when only half of the deploy pair is set, or none at all.
 */
export function deployCredentialsFromEnv( env: NodeJS.ProcessEnv = process.env ): Credentials {
	const username = env.LDWG_DEPLOY_USERNAME;
	const password = env.LDWG_DEPLOY_PASSWORD;
	if ( username && password ) {
		return { kind: 'botpassword', username, password };
	}
	if ( username || password ) {
		throw new UsageError( 'Set both LDWG_DEPLOY_USERNAME and LDWG_DEPLOY_PASSWORD (an interface administrator\'s BotPassword).' );
	}
	return credentialsFromEnv( env );
}

/** Options of {@link deploy}. */
export interface DeployOptions {
	/** Report what would change; edit nothing. */
	dryRun?: boolean;
	/** Build the gadget first (default true). */
	build?: boolean;
	/** Progress lines. */
	log?: ( line: string ) => void;
}

/** The commit the build came from (dist/gadget/build.json), for edit summaries. */
function buildCommit(): string {
	try {
		const info = JSON.parse( readFileSync( path.join( repoRoot, 'dist', 'gadget', 'build.json' ), 'utf8' ) ) as { commit?: unknown };
		return typeof info.commit === 'string' ? info.commit : 'unknown commit';
	} catch {
		return 'unknown commit';
	}
}

/** The part of `prop=info&inprop=protection` we read. */
interface ProtectionInfo {
	missing?: boolean;
	protection?: { type: string; level: string }[];
}

/**
 * Protects the sprint configuration page (edit and move: administrators) unless it already is.
 * Only the working group's coordinators should change the sprint's questions and dates.
 */
async function protectSprintConfig(
	client: Mwn, summary: string, log: ( line: string ) => void,
): Promise<void> {
	const title = siteSetting( [ 'pages', 'sprintConfig' ] ) ?? SPRINT_CONFIG_TITLE;
	const response = await client.request( {
		action: 'query', prop: 'info', inprop: 'protection', titles: title, formatversion: '2',
	} ) as { query?: { pages?: ProtectionInfo[] } };
	const page = response.query?.pages?.[ 0 ];
	if ( !page || page.missing ) {
		return;
	}
	if ( ( page.protection ?? [] ).some( ( p ) => p.type === 'edit' && p.level === 'sysop' ) ) {
		return;
	}
	await client.request( {
		action: 'protect', title, protections: 'edit=sysop|move=sysop',
		expiry: 'infinite', reason: summary, token: client.csrfToken,
	} );
	log( `protected: ${ title }` );
}

/**
 * Builds (unless told not to) and publishes everything the gadget needs, with a logged-in client.
 *
 * @return One result per page, in publishing order.
 */
export async function deploy( client: Mwn, options: DeployOptions = {} ): Promise<PublishResult[]> {
	const log = options.log ?? ( () => undefined );
	const config = configPages();
	// Refused before anything is built or written.
	const checked = checkedConfig( config );
	if ( options.build !== false ) {
		await build();
	}
	const commit = buildCommit();
	const summary = `ldwg-tools deploy from ${ commit }`;
	const pages: PlannedPage[] = [
		...gadgetFilePages(), ...config, ...templatePages(),
		...noJsPages( checked, path.join( repoRoot, 'i18n' ) ),
	];
	const definition = readDefinition();
	if ( definition === null ) {
		log( 'gadget/gadget-definition.txt is missing: the gadget definition is not deployed' );
	} else {
		pages.push( ...gadgetMessagePages( gadgetNames( definition ), definition ) );
		const current = ( await readPages( client, [ DEFINITION_TITLE ] ) ).get( DEFINITION_TITLE );
		pages.push( {
			title: DEFINITION_TITLE,
			text: mergeDefinition( current?.text ?? '', definition ),
			source: 'gadget/gadget-definition.txt',
		} );
	}
	const results = await publishPages( client, pages, { summary, dryRun: options.dryRun, log } );
	if ( !options.dryRun ) {
		await protectSprintConfig( client, summary, log );
	}
	return results;
}

/**
 * The CLI command. Returns the process exit code: 0 done, 1 failed, 2 usage error (missing
 * credentials, bad URL).
 */
export async function deployCommand(
	options: { wiki: string; dryRun?: boolean; verbose?: boolean },
): Promise<number> {
	const log = ( line: string ): void => {
		process.stderr.write( `${ line }\n` );
	};
	try {
		const client = await createClient( {
			apiUrl: options.wiki,
			contact: siteSetting( [ 'operator', 'contact' ] ) ?? DEFAULT_CONTACT,
			credentials: deployCredentialsFromEnv(),
			// Deploying is a handful of interactive edits by an administrator, not a bot run.
			maxlag: false,
		} );
		const results = await deploy( client, {
			dryRun: options.dryRun,
			log: options.verbose || options.dryRun ? log : () => undefined,
		} );
		const changed = results.filter( ( r ) => r.action !== 'unchanged' );
		log( `${ options.dryRun ? 'Dry run: would change' : 'Deployed:' } ${ changed.length } of ${ results.length } pages` +
			( changed.length ? `\n${ changed.map( ( r ) => `  ${ r.action } ${ r.title }` ).join( '\n' ) }` : '' ) );
		return 0;
	} catch ( error ) {
		log( `✖ deploy: ${ error instanceof Error ? error.message : String( error ) }` );
		return error instanceof UsageError ? 2 : 1;
	}
}
