/**
 * The reader's choice to switch highlighting off. Logged-in readers switch the gadget itself off
 * (it is a default gadget, so it is a user preference and the module then never loads); everyone
 * else, and logged-in readers until the preference is saved, get a local-storage flag.
 *
 * @packageDocumentation
 */

/** Local-storage key of the opt-out. */
export const OPT_OUT_KEY = 'ldwg-glossary-off';
/** The user option of the default gadget (`gadget-` + gadget name). */
export const GADGET_OPTION = 'gadget-ldwg-glossary';

/** Whether the reader has switched highlighting off. */
export function isHighlightingOff(): boolean {
	if ( mw.storage.get( OPT_OUT_KEY ) === '1' ) {
		return true;
	}
	const option: unknown = mw.user.options.get( GADGET_OPTION );
	return option === '0' || option === 0;
}

/**
 * Saves of the gadget preference, chained so that switching off and straight back on in one page
 * view always leaves the last choice on the server (two parallel `options` requests may land in
 * either order).
 */
let optionSaves: Promise<void> = Promise.resolve();

function saveGadgetOption( value: '0' | '1' ): Promise<void> {
	optionSaves = optionSaves
		.then( () => mw.loader.using( 'mediawiki.api' ) )
		.then( () => new mw.Api().saveOption( GADGET_OPTION, value ) )
		// A failed save keeps the local flag's effect for this browser; nothing to report.
		.then( () => undefined, () => undefined );
	return optionSaves;
}

/** Records the opt-out; for logged-in readers also as the gadget preference. */
export function saveOptOut(): Promise<void> {
	mw.storage.set( OPT_OUT_KEY, '1' );
	if ( mw.user.isAnon() ) {
		return Promise.resolve();
	}
	return saveGadgetOption( '0' );
}

/**
 * Clears the opt-out (the "Highlight glossary terms" way back). For logged-in readers the gadget
 * preference saved by {@link saveOptOut} is switched back on too: otherwise the terms would come
 * back in this page view only, and the next page would not even load the gadget.
 */
export function clearOptOut(): Promise<void> {
	mw.storage.remove( OPT_OUT_KEY );
	if ( mw.user.isAnon() ) {
		return Promise.resolve();
	}
	mw.user.options.set( GADGET_OPTION, '1' );
	return saveGadgetOption( '1' );
}
