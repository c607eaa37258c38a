/**
 * Saving the reader's choice to switch glossary highlighting off, and clearing it again (the way
 * back). Only the popup's switch and the way back it offers call these, so they live in the lazy
 * popup module; the eager module keeps only the check (gadget/glossary/opt-out.ts).
 *
 * Logged-in readers switch the gadget itself off (it is a default gadget, so it is a user
 * preference and the module then never loads); everyone else, and logged-in readers until the
 * preference is saved, get a local-storage flag.
 *
 * @packageDocumentation
 */
import { GADGET_OPTION, OPT_OUT_KEY } from '../glossary/opt-out.ts';

/**
 * Whether the reader has preferences the API lets them save: a named account. Temporary
 * accounts are registered but may not save options (ApiOptionsBase refuses `!isNamed()` with
 * `notloggedin`), so they are treated like logged-out readers. `mw.user.isNamed` is missing
 * before MediaWiki 1.40 (the local 1.39 wiki): there every registered user is named.
 */
export function hasPreferences(): boolean {
	const user = mw.user as { isNamed?: () => boolean; isAnon(): boolean };
	return typeof user.isNamed === 'function' ? user.isNamed() : !user.isAnon();
}

/**
 * Saves of the gadget preference, chained so that switching off and straight back on in one page
 * view always leaves the last choice on the server (two parallel `options` requests may land in
 * either order).
 */
let optionSaves: Promise<void> = Promise.resolve();

/** Saves the gadget preference; resolves to whether the wiki accepted it. */
function saveGadgetOption( value: '0' | '1' ): Promise<boolean> {
	const saved = optionSaves
		.then( () => mw.loader.using( 'mediawiki.api' ) )
		.then( () => new mw.Api().saveOption( GADGET_OPTION, value ) )
		.then( () => true, () => false );
	optionSaves = saved.then( () => undefined );
	return saved;
}

/**
 * Records the opt-out. For readers with preferences it becomes the gadget preference (this page
 * view follows it at once); the local flag bridges the time until the save is done and is then
 * removed, so that switching the gadget back on in Special:Preferences works in this browser
 * too. If the save fails, the flag stays: highlighting stays off here.
 */
export function saveOptOut(): Promise<void> {
	mw.storage.set( OPT_OUT_KEY, '1' );
	if ( !hasPreferences() ) {
		return Promise.resolve();
	}
	mw.user.options.set( GADGET_OPTION, '0' );
	return saveGadgetOption( '0' ).then( ( ok ) => {
		// Only if no "switch on" came in between (it removed the flag and saved 1 after us).
		if ( ok && mw.user.options.get( GADGET_OPTION ) === '0' ) {
			mw.storage.remove( OPT_OUT_KEY );
		}
	} );
}

/**
 * Clears the opt-out (the "Highlight glossary terms" way back). For readers with preferences the
 * gadget preference is switched back on too: otherwise the terms would come back in this page
 * view only, and the next page would not even load the gadget.
 */
export function clearOptOut(): Promise<void> {
	mw.storage.remove( OPT_OUT_KEY );
	if ( !hasPreferences() ) {
		return Promise.resolve();
	}
	mw.user.options.set( GADGET_OPTION, '1' );
	return saveGadgetOption( '1' ).then( () => undefined );
}
