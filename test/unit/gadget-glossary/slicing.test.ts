/**
 * Driving stepwise work in slices (gadget/glossary/slicing.ts), as the glossary module builds
 * its matchers: the main thread is given back whenever a slice's time is up, and the result is
 * the same as building in one go.
 */
import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../../gadget/glossary/slicing.ts';
import { createTermMatcher, termMatcherSteps } from '../../../shared/glossary/matcher.ts';

/** A generator of `count` steps that returns `'done'`. */
function* steps( count: number ): Generator<void, string, void> {
	for ( let i = 0; i < count; i++ ) {
		yield;
	}
	return 'done';
}

describe( 'runInSlices', () => {
	it( 'yields whenever a slice\'s time is up, and resolves with the result', async () => {
		let clock = 0;
		let yields = 0;
		const result = await runInSlices( steps( 20 ), {
			sliceMs: 5,
			// Every step costs 1 ms.
			now: () => clock++,
			yielder: () => {
				yields++;
				return Promise.resolve();
			},
		} );
		expect( result ).toBe( 'done' );
		// A slice: the deadline is read, then steps until the clock passes it (each step reads
		// it once): about one yield per five steps.
		expect( yields ).toBeGreaterThanOrEqual( 3 );
		expect( yields ).toBeLessThanOrEqual( 5 );
	} );

	it( 'does not yield when the work fits in one slice', async () => {
		let yields = 0;
		const result = await runInSlices( steps( 3 ), {
			now: () => 0,
			yielder: () => {
				yields++;
				return Promise.resolve();
			},
		} );
		expect( result ).toBe( 'done' );
		expect( yields ).toBe( 0 );
	} );
} );

describe( 'termMatcherSteps', () => {
	const terms: [ string, string ][] = Array.from( { length: 500 }, ( _, i ) => [
		`term${ String.fromCharCode( 97 + ( i % 26 ) ) }${ i } word${ i }`, `c${ i }`,
	] );
	const text = 'A termb1 word1 or termz25 word25, then terma0 word0; terma0 word1 is none.';

	it( 'pauses many times while building a large matcher', () => {
		const building = termMatcherSteps( terms, 'en' );
		let pauses = 0;
		for ( let step = building.next(); !step.done; step = building.next() ) {
			pauses++;
		}
		// At least one pause per 16 terms.
		expect( pauses ).toBeGreaterThanOrEqual( 500 / 16 );
	} );

	it( 'builds, in slices, the matcher createTermMatcher builds at once', async () => {
		let yields = 0;
		let clock = 0;
		const sliced = await runInSlices( termMatcherSteps( terms, 'en' ), {
			now: () => clock++,
			yielder: () => {
				yields++;
				return Promise.resolve();
			},
		} );
		expect( yields ).toBeGreaterThan( 0 );
		const whole = createTermMatcher( terms, 'en' );
		expect( sliced.size ).toBe( whole.size );
		expect( sliced.match( text ) ).toEqual( whole.match( text ) );
		expect( sliced.match( text ).map( ( m ) => m.conceptId ) ).toEqual( [ 'c1', 'c25', 'c0' ] );
	} );
} );
