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

/** Records the opt-out; for logged-in readers also as the gadget preference. */
export function saveOptOut(): Promise<void> {
	mw.storage.set( OPT_OUT_KEY, '1' );
	if ( mw.user.isAnon() ) {
		return Promise.resolve();
	}
	return Promise.resolve( mw.loader.using( 'mediawiki.api' ) )
		.then( () => new mw.Api().saveOption( GADGET_OPTION, '0' ) )
		.then( () => undefined, () => undefined );
}

/** Clears the local opt-out (the "show glossary terms" link). */
export function clearOptOut(): void {
	mw.storage.remove( OPT_OUT_KEY );
}
