/**
 * `mw.loader.using()` for the lazy modules (the form, the popup), with what ResourceLoader lacks
 * when the network fails. It lives in the shared base module, so that both eager gadgets share
 * one copy and one record of failed requests.
 *
 * ResourceLoader loads modules with a `<script>` for load.php and ignores its `error` event
 * (MediaWiki 1.39 and current versions alike), so the modules of a request that failed
 * (offline, dropped connection) stay in the state `loading` for good: `using()` neither
 * resolves nor rejects, and every later `using()` waits on the same dead request. The reader
 * saw "Loading the feedback form…" forever, on a button that ignored further clicks; a term's
 * popup never opened again after one failed load.
 *
 * So a load here gives up when a load.php script fails while it waits, or after a time limit;
 * and the next load after such a failure asks load.php again for the modules still `loading`
 * (with `mw.loader.load( url )`, ResourceLoader's own way of adding a script: the answer's
 * `mw.loader.implement` calls complete the modules and the waiting `using()` promises).
 *
 * @packageDocumentation
 */

/** Whether a load.php request failed since the last new request for stuck modules. */
let failed = false;

/**
 * Loads `name` and its dependencies; rejects when a load.php request fails meanwhile or after
 * `limitMs`. After a failure, asks load.php again for the modules the failure left `loading`.
 */
export function loadModule( name: string | string[], limitMs: number ): Promise<void> {
	const loadPath = mw.util.wikiScript( 'load' );
	if ( failed ) {
		failed = false;
		const stuck = mw.loader.getModuleNames()
			.filter( ( module ) => mw.loader.getState( module ) === 'loading' );
		if ( stuck.length ) {
			mw.loader.load( `${ loadPath }?${ new URLSearchParams( {
				modules: stuck.join( '|' ),
				lang: mw.config.get( 'wgUserLanguage' ) as string,
				skin: mw.config.get( 'skin' ) as string,
			} ) }` );
		}
	}
	// Rejects without a reason: the caller only tells the reader it failed.
	return new Promise<void>( ( resolve, reject ) => {
		let timer = 0;
		// A script's error event does not bubble: it is seen while capturing.
		function onError( event: Event ): void {
			const script = event.target;
			if ( script instanceof HTMLScriptElement && script.src.includes( loadPath ) ) {
				failed = true;
				settle( reject );
			}
		}
		function settle( how: () => void ): void {
			document.removeEventListener( 'error', onError, true );
			clearTimeout( timer );
			how();
		}
		document.addEventListener( 'error', onError, true );
		// A stalled request (no error, no answer) is left running: if it completes, the next
		// click finds the module ready.
		timer = window.setTimeout( () => settle( reject ), limitMs );
		mw.loader.using( name ).then( () => settle( resolve ), () => settle( reject ) );
	} );
}
