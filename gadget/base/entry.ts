/**
 * Shared hidden module (`ext.gadget.ldwg-base`): a dependency of both eager gadgets
 * (`ext.gadget.ldwg`, `ext.gadget.ldwg-glossary`), loaded lazily by the Translate editor helper.
 * It carries the configuration package file once and reads the glossary settings from it once;
 * see api.ts for why, and docs/gadget.md ("Modules and the definition").
 *
 * @packageDocumentation
 */
import { readGlossarySettings } from '../glossary/settings.ts';
import type { Base } from './api.ts';
import { loadModule } from './module-load.ts';

/** ResourceLoader's `require` for the package file and `module` for this module's exports. */
declare function require( name: string ): unknown;
declare const module: { exports: unknown };

let config: unknown = null;
try {
	config = require( './ldwg-config.json' );
} catch {
	// Loaded without its package file (a wiki without the page): no configuration.
}
const base: Base = { config, glossary: readGlossarySettings( config ), loadModule };
module.exports = base;
