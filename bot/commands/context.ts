/**
 * What every command starts with: the configuration (from a file or from the wiki, never used
 * half-way), a logged-in client with the operator's User-Agent, the account's rights, and the
 * local state.
 *
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Mwn } from 'mwn';
import { createClient, userAgent, UsageError } from '../client.ts';
import { parseConfig, type Config } from '../../shared/contracts/config.ts';
import { formatProblems, type Problem } from '../../shared/validate.ts';
import { WikiApi } from '../wiki/api.ts';
import { readCurrent } from '../wiki/read.ts';
import { loadState, statePath, type BotState } from '../state/store.ts';
import type { Output } from './output.ts';

/** Options every command accepts. */
export interface CommonOptions {
	/** api.php URL. */
	wiki: string;
	/** Configuration page title or file path; default: the configured pages on the wiki. */
	config?: string;
	dryRun: boolean;
	verbose: boolean;
	/** False turns edit pacing off (tests). */
	pacing: boolean;
}

/** The configuration could not be used: exit code 2. */
export class ConfigError extends UsageError {
	/** Every problem found. */
	public readonly problems: Problem[];

	/**
	 * @param message Summary
	 * @param problems Every problem, with its JSON path
	 */
	public constructor( message: string, problems: Problem[] = [] ) {
		super( problems.length ? `${ message }\n${ formatProblems( problems ) }` : message );
		this.problems = problems;
	}
}

/** The shipped configuration, for the defaults (page titles, contact before the real one). */
const SHIPPED_SITE = new URL( '../../wiki-content/config/site.json', import.meta.url );

interface ShippedSite {
	pages?: { siteConfig?: string; sprintConfig?: string };
	operator?: { contact?: string };
}

function shippedSite(): ShippedSite {
	try {
		return JSON.parse( readFileSync( SHIPPED_SITE, 'utf8' ) ) as ShippedSite;
	} catch {
		return {};
	}
}

/** Reads the configuration from files: a site file and, next to it, `sprint.json` if present. */
export function configFromFile( path: string ): Config {
	let site: unknown;
	try {
		site = JSON.parse( readFileSync( path, 'utf8' ) );
	} catch ( e ) {
		throw new ConfigError( `Cannot read configuration file ${ path }: ${ e instanceof Error ? e.message : String( e ) }` );
	}
	const sibling = basename( path ) === 'sprint.json' ? 'none' : 'sprint.json';
	const sprintPath = join( dirname( path ), sibling );
	let sprint: unknown;
	if ( existsSync( sprintPath ) ) {
		try {
			sprint = JSON.parse( readFileSync( sprintPath, 'utf8' ) );
		} catch ( e ) {
			throw new ConfigError( `Cannot read ${ sprintPath }: ${ e instanceof Error ? e.message : String( e ) }` );
		}
	}
	const result = parseConfig( site, sprint );
	if ( !result.ok ) {
		throw new ConfigError( `The configuration in ${ path } has problems; nothing was done:`, result.problems );
	}
	return result.value;
}

/** Reads the configuration from wiki pages (site page, then the sprint page it names). */
export async function configFromWiki(
	api: WikiApi,
	siteTitle: string,
	highLimits: boolean,
): Promise<Config> {
	const fallbackSprint = shippedSite().pages?.sprintConfig;
	const titles = fallbackSprint ? [ siteTitle, fallbackSprint ] : [ siteTitle ];
	let pages = await readCurrent( api, titles, highLimits );
	const site = pages.get( siteTitle );
	if ( !site || site.missing ) {
		throw new ConfigError( `Configuration page ${ siteTitle } does not exist on this wiki ` +
			'(deploy it, or pass --config <file>)' );
	}
	const siteJson = parseJsonText( site.text, siteTitle );
	const sitePages = ( siteJson as { pages?: { sprintConfig?: unknown } } | null )?.pages;
	const named = sitePages?.sprintConfig;
	const sprintTitle = typeof named === 'string' ? named : fallbackSprint;
	if ( sprintTitle && !pages.has( sprintTitle ) ) {
		pages = await readCurrent( api, [ sprintTitle ], highLimits );
	}
	const sprintPage = sprintTitle ? pages.get( sprintTitle ) : undefined;
	const sprint = sprintPage && !sprintPage.missing ?
		parseJsonText( sprintPage.text, sprintTitle ?? '' ) :
		undefined;
	const result = parseConfig( siteJson, sprint );
	if ( !result.ok ) {
		throw new ConfigError( `The configuration on ${ siteTitle } has problems; nothing was done:`, result.problems );
	}
	return result.value;
}

function parseJsonText( text: string, title: string ): unknown {
	try {
		return JSON.parse( text );
	} catch ( e ) {
		throw new ConfigError( `${ title } is not valid JSON: ${ e instanceof Error ? e.message : String( e ) }` );
	}
}

/** Fingerprint of what attribution depends on: watched pages, template, members. */
export function configKey( config: Config ): string {
	const parts = {
		drafts: config.drafts.map( ( d ) => [ d.id, d.talkPage, d.archivePrefix ] ),
		template: config.templates.entry,
		members: [ ...config.sprint.members ].sort(),
	};
	return createHash( 'sha256' ).update( JSON.stringify( parts ) ).digest( 'hex' ).slice( 0, 16 );
}

/** The account. */
export interface Account {
	name: string;
	groups: string[];
	rights: string[];
	highLimits: boolean;
}

/** Everything a command needs. */
export interface Context {
	options: CommonOptions;
	out: Output;
	bot: Mwn;
	api: WikiApi;
	account: Account;
	config: Config;
	statePath: string;
	state: BotState;
}

async function readAccount( api: WikiApi ): Promise<Account> {
	const response = await api.get( { action: 'query', meta: 'userinfo', uiprop: 'rights|groups' } );
	type UserInfo = { name?: string; groups?: string[]; rights?: string[] };
	const query = response.query as { userinfo?: UserInfo } | undefined;
	const info = query?.userinfo ?? {};
	const rights = info.rights ?? [];
	return {
		name: info.name ?? '',
		groups: info.groups ?? [],
		rights,
		highLimits: rights.includes( 'apihighlimits' ),
	};
}

/**
 * Logs in, reads the account and the configuration, loads the state.
 *
 * @throws UsageError / ConfigError (exit 2)
 */
export async function openContext( options: CommonOptions, out: Output ): Promise<Context> {
	const fileConfig = options.config && existsSync( options.config ) ?
		configFromFile( options.config ) :
		null;
	// Until the wiki's configuration is read, the shipped operator contact identifies us.
	const contact = fileConfig?.operator.contact ?? shippedSite().operator?.contact ??
		'https://meta.wikimedia.org/wiki/User_talk:LDWG-bot';
	const bot = await createClient( {
		apiUrl: options.wiki,
		contact,
		maxlag: fileConfig?.bot.maxLag ?? 5,
	} ).catch( ( e: unknown ) => {
		if ( e instanceof UsageError ) {
			throw e;
		}
		const message = e instanceof Error ? e.message : String( e );
		throw new Error( `Cannot log in to ${ options.wiki }: ${ message }` );
	} );
	const budgetEnv = Number( process.env.LDWG_BOT_WAIT_BUDGET );
	const api = new WikiApi( bot, {
		waitBudgetSeconds: Number.isFinite( budgetEnv ) && process.env.LDWG_BOT_WAIT_BUDGET ?
			budgetEnv :
			fileConfig?.bot.waitBudgetSeconds ?? 900,
		log: ( line ) => out.verbose( line ),
	} );
	const account = await readAccount( api );
	let config = fileConfig;
	if ( !config ) {
		const title = options.config ?? shippedSite().pages?.siteConfig ??
			'MediaWiki:Gadget-ldwg-config.json';
		config = await configFromWiki( api, title, account.highLimits );
		bot.setUserAgent( userAgent( config.operator.contact ) );
	}
	const path = statePath( options.wiki );
	const { state, warning } = loadState( path, configKey( config ) );
	if ( warning ) {
		out.warn( warning );
	}
	return {
		options, out, bot, api, account, config, statePath: path, state,
	};
}
