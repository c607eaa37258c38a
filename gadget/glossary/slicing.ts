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

let shared: Yielder | undefined;

/**
 * The cheapest available way to yield: `scheduler.yield()` (keeps our priority), else a
 * `MessageChannel` message (a new task without the 4 ms clamp that nested `setTimeout` gets;
 * every browser that runs ES2017 has `MessageChannel`). One per page view, shared by every
 * caller: a channel stays alive as long as it has a listener.
 */
export function defaultYielder(): Yielder {
	return shared || ( shared = createYielder() );
}

function createYielder(): Yielder {
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

/** What a sliced run did, for the benchmark and for tests. */
export interface SliceStats {
	/** Chunks the work was cut into. */
	slices: number;
	/** Longest chunk, in milliseconds. */
	longestSliceMs: number;
	/** Time spent working (all chunks, without the time given back between them), in ms. */
	workMs: number;
}

/**
 * Runs `step` until it reports the end (returns `true`), giving the main thread back with
 * `yielder` whenever `budget` milliseconds of work have passed, and adds up what it did in
 * `stats`. The clock is read every `clockEvery` steps only: reading it costs more than a small
 * step (a text node to scan), while a large step (16 terms of a matcher) needs a look each time.
 */
export async function runSliced(
	step: () => boolean, budget: number, yielder: Yielder, now: () => number,
	stats: SliceStats = { slices: 0, longestSliceMs: 0, workMs: 0 }, clockEvery = 1,
): Promise<void> {
	let done = false;
	while ( !done ) {
		const started = now();
		const deadline = started + budget;
		let count = 0;
		while ( !( done = step() ) ) {
			if ( ++count % clockEvery === 0 && now() >= deadline ) {
				break;
			}
		}
		const slice = now() - started;
		stats.slices++;
		stats.workMs += slice;
		stats.longestSliceMs = Math.max( stats.longestSliceMs, slice );
		if ( !done ) {
			await yielder();
		}
	}
}

/**
 * Drives `steps` (a generator that pauses after every small piece of work, such as
 * `termMatcherSteps`) to its end in slices of 5 ms, and resolves with what it returns.
 */
export async function runSteps<T>(
	steps: Generator<void, T, void>, stats?: SliceStats, yielder = defaultYielder(),
	now = () => performance.now(),
): Promise<T> {
	let value: T | undefined;
	await runSliced( () => {
		const step = steps.next();
		if ( step.done ) {
			value = step.value;
		}
		return !!step.done;
	}, 5, yielder, now, stats );
	return value as T;
}
