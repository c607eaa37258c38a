/**
 * The mw.Api adapter: jQuery-style rejections `( code, result )` become one ApiFailure with both,
 * undefined parameters are not sent, and the token calls go to the CSRF token.
 */
import { describe, expect, it, vi } from 'vitest';

vi.stubGlobal( 'LDWG_VERSION', '0.0.0-test' );

type Rejecting = { then: ( done: unknown, fail: ( c: string, r: unknown ) => void ) => void };

/** A jQuery-like promise that rejects with two arguments, as mw.Api's do. */
function rejecting( code: string, result: unknown ): Rejecting {
	return { then: ( _done, fail ) => fail( code, result ) };
}

function resolving( value: unknown ): { then: ( done: ( v: unknown ) => void ) => void } {
	return { then: ( done ) => done( value ) };
}

describe( 'mwTransport', () => {
	it( 'keeps the error code and the response together, and drops undefined parameters', async () => {
		const { mwTransport } = await import( '../../../gadget/form/transport.ts' );
		const post = vi.fn( () => rejecting( 'blocked', { error: { code: 'blocked', blockinfo: { blockreason: 'x' } } } ) );
		const get = vi.fn( () => resolving( { ok: 1 } ) );
		const getToken = vi.fn( () => resolving( 'tok+\\' ) );
		const badToken = vi.fn();
		const transport = mwTransport( { post, get, getToken, badToken } as unknown as mw.Api );
		await expect( transport.post( { action: 'edit', assert: undefined } ) ).rejects.toEqual( {
			apiFailure: true, code: 'blocked', response: { error: { code: 'blocked', blockinfo: { blockreason: 'x' } } },
		} );
		expect( post ).toHaveBeenCalledWith( { action: 'edit' } );
		expect( await transport.get( { action: 'query' } ) ).toEqual( { ok: 1 } );
		expect( await transport.getToken() ).toBe( 'tok+\\' );
		expect( getToken ).toHaveBeenCalledWith( 'csrf' );
		transport.badToken();
		expect( badToken ).toHaveBeenCalledWith( 'csrf' );
	} );
} );
