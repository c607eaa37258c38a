/**
 * Hands the saved notice (saved-notice.ts) to the eager module when the form module loads:
 * `mw.hook` remembers the firing, so the eager module's listener after a save receives it.
 *
 * @packageDocumentation
 */
import { SAVED_NOTICE_HOOK } from '../core/widget.ts';
import { savedNotice } from './saved-notice.ts';

mw.hook( SAVED_NOTICE_HOOK ).fire( savedNotice );
