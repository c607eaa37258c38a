/**
 * Access to the shared hidden module from the modules that depend on it (or have loaded it with
 * `mw.loader.using`). ResourceLoader gives every package file a `require` that resolves other
 * modules' names to their exports; the build leaves that call alone (esbuild.config.mjs).
 *
 * @packageDocumentation
 */
import type { Base } from './api.ts';

/** ResourceLoader's `require` of the calling package file. */
declare function require( name: string ): unknown;

/**
 * The shared module's exports, or `null` when it is not loaded (a wiki whose definition lacks
 * it): callers then do nothing, as with a missing configuration.
 */
export function loadBase(): Base | null {
	try {
		// The literal name (BASE_MODULE of api.ts), so that the call is plainly this one module.
		return require( 'ext.gadget.ldwg-base' ) as Base;
	} catch {
		return null;
	}
}
