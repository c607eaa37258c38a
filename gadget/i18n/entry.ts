/**
 * Translation loader (`ext.gadget.ldwg-i18n`, hidden): loaded by the eager feedback module (or
 * the popup) for readers whose language is not English. See load.ts.
 *
 * @packageDocumentation
 */
import { i18n } from './load.ts';

/** ResourceLoader's `module` of this package file. */
declare const module: { exports: unknown };

module.exports = i18n;
