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

/** Options of {@link runInSlices}. */
export interface SliceOptions {
	/** Longest stretch of work between two yields, in milliseconds (default 5). */
	sliceMs?: number;
	/** How to give the main thread back (default {@link defaultYielder}). */
	yielder?: Yielder;
	/** Clock (default `performance.now()`). */
	now?: () => number;
}

/**
 * Drives `steps` (a generator that pauses every small piece of work, such as
 * `termMatcherSteps`) to its end, giving the main thread back whenever `sliceMs` of work has
 * passed, and resolves with what it returns.
 */
export async function runInSlices<T>(
	steps: Generator<void, T, void>, options: SliceOptions = {},
): Promise<T> {
	const now = options.now || ( () => performance.now() );
	const yielder = options.yielder || defaultYielder();
	const sliceMs = options.sliceMs ?? 5;
	let deadline = now() + sliceMs;
	for ( ;; ) {
		const step = steps.next();
		if ( step.done ) {
			return step.value;
		}
		if ( now() >= deadline ) {
			await yielder();
			deadline = now() + sliceMs;
		}
	}
}
