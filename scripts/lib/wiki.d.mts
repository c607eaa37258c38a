/**
 * Types for scripts/lib/wiki.mjs, so TypeScript (test setup, helpers) can import it.
 */

/** A local test account as written to `.wiki/<port>/accounts.json`. */
export interface LocalAccount {
	/** Main account name (for Special:UserLogin in the browser). */
	username: string;
	/** Main account password. */
	password: string;
	groups: string[];
	/** BotPassword login name, `Name@appid` (for the API). */
	botUsername: string;
	/** BotPassword, matching `^[0-9a-w]{32,}$`. */
	botPassword: string;
	/** Grants of the BotPassword. */
	grants: string[];
}

/** Keys of the local accounts. */
export type AccountKey = 'admin' | 'bot' | 'alice' | 'bob' | 'chandra' | 'dana';

/** A local wiki as described by wikiStatus(). */
export interface WikiInfo {
	port: number;
	/** Base URL, e.g. http://127.0.0.1:8080 */
	url: string;
	/** api.php URL. */
	api: string;
	/** State folder. */
	dir: string;
	running: boolean;
	/** Whether the content seed completed. */
	seeded: boolean;
	accounts: Record<AccountKey, LocalAccount>;
}

/** What wikiUp() returns. */
export interface UpResult extends WikiInfo {
	/** True when the wiki was made just now (it still needs seeding). */
	created: boolean;
}

/** Progress callback. */
export type Log = ( line: string ) => void;

/** Repository root. */
export const root: string;
/** Debian's MediaWiki tree. */
export const mwRoot: string;
/** Port from the argument, else LDWG_WIKI_PORT, else 8080. */
export function resolvePort( port?: number | string ): number;
/** State file paths of a wiki. */
export function paths( port: number ): {
	dir: string; data: string; settings: string; accounts: string; pid: string; log: string;
	seeded: string;
};
/** Installs missing Debian packages; throws when it cannot. */
export function ensureSystem(): void;
/** Whether something accepts connections on 127.0.0.1:port. */
export function portInUse( port: number ): Promise<boolean>;
/** GETs a URL and parses the JSON body; rejects on network errors, timeouts and non-JSON. */
export function getJson(
	url: string,
	timeoutMs?: number
): Promise<{ status: number | undefined; body: unknown }>;
/** Describes the wiki of a port. */
export function wikiStatus( port?: number | string ): Promise<WikiInfo>;
/** Creates (if needed) and starts a wiki; returns at once when it already runs. */
export function wikiUp( options?: { port?: number | string; log?: Log } ): Promise<UpResult>;
/** Stops a wiki (its whole process group); true when one was running. */
export function wikiDown( port?: number | string ): Promise<boolean>;
/** Stops, deletes and recreates a wiki. */
export function wikiReset( options?: { port?: number | string; log?: Log } ): Promise<UpResult>;
/** Deploys the gadget and writes the demo content through the API. */
export function wikiSeed( info: WikiInfo, options?: { log?: Log } ): Promise<void>;
/** Builds and deploys the gadget, configuration and templates; returns the pages changed. */
export function wikiDeploy( info: WikiInfo, options?: { log?: Log } ): Promise<number>;
/**
 * A fresh, seeded wiki made from a snapshot of a seeded wiki when one matches the current
 * content (seeded again to deploy what changed), else seeded and snapshotted.
 */
export function wikiFreshSeeded(
	options?: { port?: number | string; log?: Log },
): Promise<UpResult>;
