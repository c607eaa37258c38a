/**
 * The status a section's widget shows once the form has saved an entry: a thank-you and a link to
 * the new thread. Needed only after a save, so it is built here, in the lazy form module with its
 * English texts, and handed to the eager module through `SAVED_NOTICE_HOOK`
 * (saved-notice-hook.ts); readers who never save download none of it.
 *
 * @packageDocumentation
 */
import type { SavedNotice } from '../core/widget.ts';

/** The saved notice: message texts and a link, built as text, never as markup. */
export const savedNotice: SavedNotice = ( result ) => {
	const link = document.createElement( 'a' );
	link.href = `${ mw.util.getUrl( result.talkTitle ) }#${ encodeURIComponent( result.anchor ) }`;
	link.textContent = mw.message( 'ldwg-gadget-saved-link' ).text();
	return [ `${ mw.message( 'ldwg-gadget-saved' ).text() } `, link ];
};
