/**
 * The one place that creates and logs in an mwn client. Every command (collect, summary, deploy, …)
 * gets its client here, so credentials, User-Agent and request defaults are decided once.
 *
 * Credentials come only from the environment (never from files in the repository or from the
 * configuration page): a BotPassword (`LDWG_BOT_USERNAME` + `LDWG_BOT_PASSWORD`) or an OAuth 2
 * owner-only token (`LDWG_OAUTH2_TOKEN`).
 *
 * @packageDocumentation
 */
import { Mwn } from 'mwn';
import { readFileSync } from 'node:fs';

/** Credentials found in the environment. */
export type Credentials =
	| { kind: 'botpassword'; username: string; password: string }
	| { kind: 'oauth2'; token: string };

/** Raised for problems the operator must fix (missing credentials, bad URL): exit code 2. */
export class UsageError extends Error {
	public override name = 'UsageError';
}

/**
 * Reads credentials from an environment object (default `process.env`).
 *
 * @throws UsageError when none or only half of a BotPassword is set.
 */
export function credentialsFromEnv( env: NodeJS.ProcessEnv = process.env ): Credentials {
	const token = env.LDWG_OAUTH2_TOKEN;
	if ( token ) {
		return { kind: 'oauth2', token };
	}
	const username = env.LDWG_BOT_USERNAME;
	const password = env.LDWG_BOT_PASSWORD;
	if ( username && password ) {
		return { kind: 'botpassword', username, password };
	}
	if ( username || password ) {
		throw new UsageError( 'Set both LDWG_BOT_USERNAME and LDWG_BOT_PASSWORD (a BotPassword), or LDWG_OAUTH2_TOKEN.' );
	}
	throw new UsageError( 'No credentials: set LDWG_BOT_USERNAME and LDWG_BOT_PASSWORD (a BotPassword from Special:BotPasswords) or LDWG_OAUTH2_TOKEN (an OAuth 2 owner-only token).' );
}

const packageVersion: string = ( JSON.parse(
	readFileSync( new URL( '../package.json', import.meta.url ), 'utf8' ),
) as { version: string } ).version;

/**
 * User-Agent in the format of the Wikimedia User-Agent policy:
 * `Name/version (contact) library/version`.
 *
 * @param contact Operator contact (a URL or e-mail address) from the configuration.
 */
export function userAgent( contact: string ): string {
	return `ldwg-tools/${ packageVersion } (${ contact }) mwn/3.0.3`;
}

/** Options for {@link createClient}. */
export interface ClientOptions {
	/** The wiki's api.php URL. */
	apiUrl: string;
	/** Operator contact for the User-Agent. */
	contact: string;
	/** Credentials; default: from the environment. */
	credentials?: Credentials;
	/**
	 * Send `maxlag=5` with every request (Wikimedia bot etiquette). Default true; the value is
	 * the number of seconds of replication lag at which the server asks us to wait.
	 */
	maxlag?: number | false;
	/** Silence mwn's own logging (default true; the CLI reports progress itself). */
	silent?: boolean;
}

/**
 * Creates an mwn client and logs in. Requests use `formatversion=2`, JSON and (by default)
 * `maxlag=5`.
 */
export async function createClient( options: ClientOptions ): Promise<Mwn> {
	let url: URL;
	try {
		url = new URL( options.apiUrl );
	} catch {
		throw new UsageError( `Not a URL: ${ options.apiUrl } (expected the wiki's api.php URL)` );
	}
	if ( !/\/api\.php$/.test( url.pathname ) ) {
		throw new UsageError( `${ options.apiUrl } does not end in api.php` );
	}
	const credentials = options.credentials ?? credentialsFromEnv();
	const maxlag = options.maxlag === undefined ? 5 : options.maxlag;
	const bot = new Mwn( {
		apiUrl: url.toString(),
		userAgent: userAgent( options.contact ),
		silent: options.silent !== false,
		defaultParams: {
			format: 'json',
			formatversion: '2',
			...( maxlag === false ? {} : { maxlag } ),
		},
		...( credentials.kind === 'oauth2' ?
			{ OAuth2AccessToken: credentials.token } :
			{ username: credentials.username, password: credentials.password } ),
	} );
	if ( credentials.kind === 'oauth2' ) {
		await bot.getTokensAndSiteInfo();
	} else {
		await bot.login();
	}
	return bot;
}
