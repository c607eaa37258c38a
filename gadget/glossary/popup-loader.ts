/**
 * Loading the lazy popup module (`ext.gadget.ldwg-popup`) and getting its API, shared by the
 * eager glossary module and the Translate editor helper.
 *
 * @packageDocumentation
 */
import { POPUP_API_HOOK, type PopupApi } from '../popup/api.ts';

/** ResourceLoader's module name of the lazy popup. */
export const POPUP_MODULE = 'ext.gadget.ldwg-popup';

let popupApi: Promise<PopupApi> | null = null;

/**
 * Loads the popup module once (with `also`, modules it needs beside, e.g. the shared base) and
 * resolves with its API.
 */
export function loadPopup( also: string[] = [] ): Promise<PopupApi> {
	if ( !popupApi ) {
		popupApi = new Promise<PopupApi>( ( resolve, reject ) => {
			mw.loader.using( [ POPUP_MODULE, ...also ] ).then( () => {
				// The popup fires the hook once on load; mw.hook replays it to late listeners.
				mw.hook( POPUP_API_HOOK ).add( resolve );
			}, reject );
		} );
		// A failed load may be a network blip: allow a later term to try again.
		popupApi.catch( () => {
			popupApi = null;
		} );
	}
	return popupApi;
}
