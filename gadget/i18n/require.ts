/**
 * Access to the translation loader module (`ext.gadget.ldwg-i18n`) once `mw.loader.using` has
 * loaded it; ResourceLoader's `require` resolves a loaded module's name to its exports.
 *
 * @packageDocumentation
 */
import type { I18n } from './load.ts';

/** ResourceLoader name of the translation loader module. */
export const I18N_MODULE = 'ext.gadget.ldwg-i18n';

/** ResourceLoader's `require` of the calling package file. */
declare function require( name: string ): unknown;

/** The loaded module's exports, or `null` when it is not loaded. */
export function loadI18n(): I18n | null {
	try {
		// The literal name (I18N_MODULE), so that the call is plainly this one module.
		return require( 'ext.gadget.ldwg-i18n' ) as I18n;
	} catch {
		return null;
	}
}
