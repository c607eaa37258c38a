/**
 * Loading the lazy popup module (`ext.gadget.ldwg-popup`) and getting its API, shared by the
 * eager glossary module and the Translate editor helper.
 *
 * @packageDocumentation
 */
import type { ModuleLoader } from '../base/api.ts';
import { POPUP_API_HOOK, type PopupApi } from '../popup/api.ts';

/** ResourceLoader's module name of the lazy popup. */
export const POPUP_MODULE = 'ext.gadget.ldwg-popup';

/**
 * How long a popup load may take before the next term tries again (ms). A stalled request is
 * left running: if it completes, the next term finds the module ready.
 */
export const POPUP_LOAD_LIMIT_MS = 15000;

let popupApi: Promise<PopupApi> | null = null;

/**
 * Loads the popup module once (with `also`, modules it needs beside, e.g. the shared base) and
 * resolves with its API.
 *
 * @param load The shared base module's loader, which gives up on a failed load.php request
 *   (offline) instead of waiting for ever, so that a later term can try again.
 * @param also Modules to load with it.
 */
export function loadPopup( load: ModuleLoader, also: string[] = [] ): Promise<PopupApi> {
	if ( !popupApi ) {
		popupApi = new Promise<PopupApi>( ( resolve, reject ) => {
			load( [ POPUP_MODULE ].concat( also ), POPUP_LOAD_LIMIT_MS ).then( () => {
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
