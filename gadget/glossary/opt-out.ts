/**
 * The reader's choice to switch highlighting off, as far as every page view needs it: whether it
 * is off. Logged-in readers switch the gadget itself off (it is a default gadget, so it is a user
 * preference and the module then never loads); everyone else, and logged-in readers until the
 * preference is saved, get a local-storage flag.
 *
 * Saving and clearing the choice, and removing the marks, only happen when the reader uses the
 * popup's switch or the way back, both shown by the popup module, so that code is there
 * (gadget/popup/opt-out.ts) and reaches this module through {@link OPT_OUT_HOOK}: readers who
 * never switch download none of it.
 *
 * @packageDocumentation
 */

/** Local-storage key of the opt-out. */
export const OPT_OUT_KEY = 'ldwg-glossary-off';
/** The user option of the default gadget (`gadget-` + gadget name). */
export const GADGET_OPTION = 'gadget-ldwg-glossary';

/** Name of the `mw.hook` the popup module fires once on load with its {@link OptOutActions}. */
export const OPT_OUT_HOOK = 'ldwg.glossary.optout';

/** Switching highlighting off and on (gadget/popup/opt-out.ts), handed out by the popup module. */
export interface OptOutActions {
	/** Records the opt-out (the local flag at once, the gadget preference for named accounts). */
	save(): Promise<void>;
	/** Clears the opt-out (the local flag at once, the gadget preference for named accounts). */
	clear(): Promise<void>;
	/** Removes the marks inside `root` (`unmarkTerms` of mark.ts), leaving its text as it was. */
	unmark( root: Element ): void;
}

/** Whether the reader has switched highlighting off. */
export function isHighlightingOff(): boolean {
	if ( mw.storage.get( OPT_OUT_KEY ) === '1' ) {
		return true;
	}
	const option: unknown = mw.user.options.get( GADGET_OPTION );
	return option === '0' || option === 0;
}
