/**
 * The feedback form module (`ext.gadget.ldwg-form`, hidden, loaded on first use): fires
 * `mw.hook( 'ldwg.form.api' )` once with `{ open, close }` (see `api.ts`).
 *
 * @packageDocumentation
 */
import './form.css';
import { FORM_API_HOOK } from './api.ts';
import { createFormApi } from './controller.ts';
import { isTempUser } from './reader.ts';
import { mwTransport } from './transport.ts';
import './saved-notice-hook.ts';

/** ResourceLoader's `require` for the gadget's package files (`ldwg-config.json`). */
declare function require( name: string ): unknown;

/** A random number in [0, 1) from the browser's cryptographic generator (entry ids). */
function cryptoRandom(): number {
	// The browser's Web Crypto, not Node's module (the rule only knows Node).
	// eslint-disable-next-line n/no-unsupported-features/node-builtins
	return ( window.crypto.getRandomValues( new Uint32Array( 1 ) )[ 0 ] ?? 0 ) / 4294967296;
}

mw.hook( FORM_API_HOOK ).fire( createFormApi( {
	transport: mwTransport(),
	loadConfig: () => {
		try {
			return require( './ldwg-config.json' );
		} catch {
			// Loaded without its package file: the form says the configuration is missing.
			return null;
		}
	},
	now: () => new Date(),
	random: cryptoRandom,
	isAnon: () => mw.user.isAnon(),
	isTemp: () => isTempUser( mw.user ),
	navigate: ( url ) => {
		window.location.assign( url );
	},
} ) );
