/**
 * Contract between the bench harness (bench/run.mjs) and the per-area bench modules
 * (`bench/<area>.ts`, each exporting `bench: BenchModule`).
 *
 * A figure the module cannot measure is `{ value: null, reason }`; the harness prints it and goes
 * on with the others.
 *
 * @packageDocumentation
 */

/** One measured figure. */
export type Figure =
	| {
		value: number;
		/** Unit for the table, e.g. "bytes", "ms", "requests", "ratio". */
		unit: string;
		/** The goal from the issue, for the table (e.g. "≤ 8000"); informative only. */
		goal?: string;
		/** What was measured, one line. */
		note?: string;
	}
	| { value: null; reason: string };

/** A running wiki the bench may use (started by the harness on its own port). */
export interface BenchWiki {
	/** api.php URL. */
	api: string;
	/** Base URL of index.php, e.g. http://127.0.0.1:8191/index.php */
	url: string;
	/** Local accounts by name (admin, bot, alice, bob, chandra, …). */
	accounts: Record<string, { username: string; password: string }>;
}

/** What the harness offers to modules; each resource is set up on first use. */
export interface BenchContext {
	/** Starts (once) a fresh bench wiki with the gadget deployed, and returns it. */
	wiki(): Promise<BenchWiki>;
	/** Progress output (stderr, so `--json` stdout stays one JSON object). */
	log( message: string ): void;
}

/** A bench module: a name and a function producing named figures (`gadget.eager_gzip_bytes`). */
export interface BenchModule {
	name: string;
	/**
	 * Names of the figures this module produces, so that when `run` fails as a whole the harness
	 * still reports each of them as `null` with the reason.
	 */
	figures?: string[];
	run( context: BenchContext ): Promise<Record<string, Figure>>;
}
