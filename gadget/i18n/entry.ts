/**
 * Translation loader (`ext.gadget.ldwg-i18n`, hidden): loaded by the eager feedback module (or
 * the popup) for readers whose language is not English. See load.ts.
 *
 * @packageDocumentation
 */
import { createI18n } from './load.ts';

/** ResourceLoader's `module` of this package file. */
declare const module: { exports: unknown };

// One loader per page view: what it loaded is shared by the modules that require it.
module.exports = createI18n();
