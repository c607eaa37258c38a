/**
 * The bot's one door to the Action API: every request goes through {@link WikiApi}, which
 * - waits out replication lag (`maxlag`), read-only mode, rate limits and transient HTTP errors
 *   within a time budget, then gives up with {@link WaitBudgetExceeded} (the caller saves its
 *   state and exits cleanly) — mwn's own silent retries are switched off, because it retries
 *   POSTs after timeouts and does not retry `ratelimited`;
 * - counts requests at the transport layer (`rawRequest`), for `status`, logs and the bench.
 *
 * @packageDocumentation
 */
import type { Mwn, ApiParams } from 'mwn';

/** A JSON API response (formatversion 2), read defensively by the callers. */
export type ApiResponse = Record<string, unknown>;

/** The run must stop: shutoff page, exclusion. Exit code 3. */
export class StopRequested extends Error {
	public override name = 'StopRequested';
}

/** Lag, read-only mode or rate limits lasted longer than the budget. Exit code 1. */
export class WaitBudgetExceeded extends Error {
	public override name = 'WaitBudgetExceeded';
}

/** An API error with its code (e.g. `editconflict`). */
export class ApiError extends Error {
	public override name = 'ApiError';

	/** API error code. */
	public readonly code: string;

	/**
	 * @param code API error code
	 * @param message Explanation
	 */
	public constructor( code: string, message: string ) {
		super( message );
		this.code = code;
	}
}

/** Options for {@link WikiApi}. */
export interface WikiApiOptions {
	/** Seconds the run may spend waiting for lag, read-only mode or rate limits in total. */
	waitBudgetSeconds: number;
	/** Log line sink (verbose). */
	log?: ( line: string ) => void;
	/** Sleep function (tests inject a fake clock). */
	sleep?: ( ms: number ) => Promise<void>;
}

const RETRYABLE_CODES = new Set( [ 'maxlag', 'readonly', 'ratelimited', 'internal_api_error_DBQueryError', 'internal_api_error_DBConnectionError' ] );
const RETRYABLE_HTTP = new Set( [ 408, 425, 429, 500, 502, 503, 504 ] );

interface ErrorLike {
	code?: unknown;
	info?: unknown;
	lag?: unknown;
	message?: unknown;
	response?: { status?: unknown; headers?: Record<string, unknown> };
}

function errorCode( e: unknown ): string {
	const err = e as ErrorLike;
	return typeof err.code === 'string' ? err.code : '';
}

function httpStatus( e: unknown ): number {
	const status = ( e as ErrorLike ).response?.status;
	return typeof status === 'number' ? status : 0;
}

function retryAfterSeconds( e: unknown ): number {
	const header = ( e as ErrorLike ).response?.headers?.[ 'retry-after' ];
	const n = Number( header );
	return Number.isFinite( n ) && n > 0 ? n : 0;
}

function describeError( e: unknown ): string {
	const err = e as ErrorLike;
	if ( typeof err.info === 'string' ) {
		return err.info;
	}
	return e instanceof Error ? e.message : String( e );
}

const NETWORK_CODES = new Set( [ 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN' ] );

/** See the module description. */
export class WikiApi {
	/** Requests sent since creation (or since {@link WikiApi.resetCount}). */
	public requests = 0;

	/** The mwn client. */
	public readonly bot: Mwn;

	private readonly options: WikiApiOptions;

	private waitedMs = 0;

	/**
	 * @param bot A logged-in mwn client
	 * @param options Budget and logging
	 */
	public constructor( bot: Mwn, options: WikiApiOptions ) {
		this.bot = bot;
		this.options = options;
		// We retry ourselves, with a budget and only where it is safe.
		bot.setOptions( { maxRetries: 0 } );
		const raw = bot.rawRequest.bind( bot );
		bot.rawRequest = ( requestOptions ) => {
			this.requests++;
			return raw( requestOptions );
		};
	}

	/** Sets the request counter back to zero. */
	public resetCount(): void {
		this.requests = 0;
	}

	/** Seconds spent waiting so far. */
	public get waitedSeconds(): number {
		return Math.round( this.waitedMs / 1000 );
	}

	/** A read request (GET). */
	public get( params: ApiParams ): Promise<ApiResponse> {
		return this.send( params, 'get' );
	}

	/** A write request (POST). Only for idempotent writes: it may be retried. */
	public post( params: ApiParams ): Promise<ApiResponse> {
		return this.send( params, 'post' );
	}

	private async send( params: ApiParams, method: 'get' | 'post' ): Promise<ApiResponse> {
		let attempt = 0;
		for ( ;; ) {
			try {
				const response: unknown = await this.bot.request( params, { method } );
				return response as ApiResponse;
			} catch ( e ) {
				const code = errorCode( e );
				const status = httpStatus( e );
				const retryable = RETRYABLE_CODES.has( code ) || RETRYABLE_HTTP.has( status ) ||
					NETWORK_CODES.has( code );
				if ( !retryable ) {
					throw new ApiError( code || `http-${ status }`, describeError( e ) );
				}
				attempt++;
				// Back off: 5, 10, 20, 40, 60, 60 … seconds, or what the server asks for.
				const wait = Math.max( retryAfterSeconds( e ),
					Math.min( 60, 5 * 2 ** ( attempt - 1 ) ) ) * 1000;
				if ( this.waitedMs + wait > this.options.waitBudgetSeconds * 1000 ) {
					throw new WaitBudgetExceeded( `${ code || `HTTP ${ status }` } lasted longer than the wait budget (${ this.options.waitBudgetSeconds } s): ${ describeError( e ) }` );
				}
				this.options.log?.( `… ${ code || `HTTP ${ status }` }: waiting ${ wait / 1000 } s (${ describeError( e ) })` );
				this.waitedMs += wait;
				await ( this.options.sleep ?? defaultSleep )( wait );
			}
		}
	}
}

function defaultSleep( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}
