/**
 * Translate editor helper (`ext.gadget.ldwg-translate`, a default gadget loaded on special
 * pages): see helper.ts. Does nothing, and requests nothing, except on Special:Translate.
 *
 * @packageDocumentation
 */
import { installTranslateHelper } from './helper.ts';

installTranslateHelper();
