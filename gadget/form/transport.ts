/**
 * Adapts `mw.Api` to the form's {@link ApiTransport}: native promises, and every rejection turned
 * into one {@link ApiFailure} (jQuery promises reject with several arguments, which a native
 * promise would drop after the first, losing the response that holds the error details).
 *
 * @packageDocumentation
 */
import { apiFailure, type ApiParams, type ApiTransport } from './save.ts';

/**
 * `Api-User-Agent` sent with every request, as the User-Agent policy asks of browser code
 * (browsers do not let scripts set User-Agent itself).
 */
export const API_USER_AGENT =
	`ldwg-tools/${ LDWG_VERSION } (https://meta.wikimedia.org/wiki/Leadership_Development_Working_Group)`;

/** The part of a jQuery promise the adapter uses. */
interface Thenable {
	then(
		done: ( result: unknown ) => void,
		fail: ( code: unknown, result: unknown ) => void,
	): unknown;
}

function settle<T>( promise: Thenable ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		promise.then(
			( result ) => resolve( result as T ),
			( code, result ) => reject( apiFailure( typeof code === 'string' ? code : 'http', result ) ),
		);
	} );
}

/** Drops `undefined` parameters (mw.Api would send them as the string "undefined"). */
function clean( params: ApiParams ): Record<string, string | number | boolean> {
	const out: Record<string, string | number | boolean> = {};
	for ( const key of Object.keys( params ) ) {
		const value = params[ key ];
		if ( value !== undefined ) {
			out[ key ] = value;
		}
	}
	return out;
}

/** A transport over `mw.Api` (pass one in tests to check the adaptation itself). */
export function mwTransport( api: mw.Api = new mw.Api( {
	ajax: { headers: { 'Api-User-Agent': API_USER_AGENT } },
} ) ): ApiTransport {
	return {
		get: ( params ) => settle( api.get( clean( params ) ) ),
		post: ( params ) => settle( api.post( clean( params ) ) ),
		getToken: () => settle<string>( api.getToken( 'csrf' ) ),
		badToken: () => api.badToken( 'csrf' ),
	};
}
