/**
 * Hands the opt-out saver to the eager glossary module when the popup module loads (see
 * gadget/glossary/opt-out.ts): `mw.hook` remembers the firing, so a later listener receives it.
 *
 * @packageDocumentation
 */
import { OPT_OUT_HOOK, type OptOutSaver } from '../glossary/opt-out.ts';
import { clearOptOut, saveOptOut } from './opt-out.ts';

const saver: OptOutSaver = { save: saveOptOut, clear: clearOptOut };
mw.hook( OPT_OUT_HOOK ).fire( saver );
