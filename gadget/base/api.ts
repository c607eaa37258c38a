/**
 * The shared hidden module's contract (`ext.gadget.ldwg-base`): what it hands to the gadget's
 * other modules through ResourceLoader's `require( 'ext.gadget.ldwg-base' )`. Types and names
 * only, so a module can use them without bundling the base module's code.
 *
 * Why a module of its own: the configuration package file (`ldwg-config.json`) and the glossary
 * settings read from it are needed by both eager gadgets and by the Translate editor helper;
 * carried here once, they are loaded once per page view, and the helper (loaded on every special
 * page of Meta) fetches them only on Special:Translate instead of carrying them everywhere.
 *
 * @packageDocumentation
 */
import type { GlossarySettings } from '../glossary/settings.ts';

/**
 * How long the feedback form may take to load before the reader is told (the button) or the
 * next click asks again ("discuss this term"), in milliseconds.
 */
export const FORM_LOAD_LIMIT_MS = 30000;

/** ResourceLoader name of the shared hidden module. */
export const BASE_MODULE = 'ext.gadget.ldwg-base';

/**
 * Loads modules like `mw.loader.using()`, but rejects when a load.php request fails meanwhile or
 * after `limitMs`, and asks load.php again for what such a failure left loading.
 */
export type ModuleLoader = ( name: string | string[], limitMs: number ) => Promise<void>;

/** What `require( 'ext.gadget.ldwg-base' )` returns. */
export interface Base {
	/**
	 * The raw site configuration document (`MediaWiki:Gadget-ldwg-config.json`), `null` when the
	 * wiki has no such page. Each module checks the fields it uses.
	 */
	config: unknown;
	/** The glossary settings read leniently from {@link config} (defaults where broken). */
	glossary: GlossarySettings;
	/** Loads lazy modules, telling failures apart from waiting (see module-load.ts). */
	loadModule: ModuleLoader;
}
