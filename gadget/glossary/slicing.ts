/**
 * Giving the main thread back between chunks of work, so that marking a long page never makes
 * the page stop responding to scrolling, typing or clicks.
 *
 * @packageDocumentation
 */

/** Returns a promise that resolves once the browser has had a chance to run other tasks. */
export type Yielder = () => Promise<void>;

interface SchedulerLike {
	yield?: () => Promise<void>;
}

/**
 * The cheapest available way to yield: `scheduler.yield()` (keeps our priority), else a
 * `MessageChannel` message (a new task without the 4 ms clamp that nested `setTimeout` gets;
 * every browser that runs ES2017 has `MessageChannel`).
 */
export function defaultYielder(): Yielder {
	const scheduler = ( window as unknown as { scheduler?: SchedulerLike } ).scheduler;
	if ( scheduler && typeof scheduler.yield === 'function' ) {
		return () => ( scheduler.yield as () => Promise<void> ).call( scheduler );
	}
	const channel = new MessageChannel();
	const waiting: ( () => void )[] = [];
	channel.port1.onmessage = () => {
		const resolve = waiting.shift();
		if ( resolve ) {
			resolve();
		}
	};
	return () => new Promise<void>( ( resolve ) => {
		waiting.push( resolve );
		channel.port2.postMessage( null );
	} );
}
