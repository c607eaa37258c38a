/**
 * Hands switching highlighting off and on to the eager glossary module when the popup module
 * loads (see gadget/glossary/opt-out.ts): `mw.hook` remembers the firing, so a later listener
 * receives it.
 *
 * @packageDocumentation
 */
import { OPT_OUT_HOOK, type OptOutActions } from '../glossary/opt-out.ts';
import { unmarkTerms } from '../glossary/mark.ts';
import { clearOptOut, saveOptOut } from './opt-out.ts';

const actions: OptOutActions = { save: saveOptOut, clear: clearOptOut, unmark: unmarkTerms };
mw.hook( OPT_OUT_HOOK ).fire( actions );
