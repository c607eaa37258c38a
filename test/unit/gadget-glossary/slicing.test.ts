// @vitest-environment jsdom
/**
 * Driving stepwise work in slices (gadget/glossary/slicing.ts), as the glossary module builds
 * its matchers: the main thread is given back whenever a slice's time is up, and the result is
 * the same as building in one go.
 */
import { describe, expect, it } from 'vitest';
import { runSliced, runSteps, type SliceStats } from '../../../gadget/glossary/slicing.ts';
import { createTermMatcher, termMatcherSteps } from '../../../shared/glossary/matcher.ts';

/** A generator of `count` steps that returns `'done'`. */
function* steps( count: number ): Generator<void, string, void> {
	for ( let i = 0; i < count; i++ ) {
		yield;
	}
	return 'done';
}

const stats = (): SliceStats => ( { slices: 0, longestSliceMs: 0, workMs: 0 } );

describe( 'runSliced', () => {
	it( 'yields whenever a slice\'s time is up and counts the slices', async () => {
		let clock = 0;
		let yields = 0;
		let left = 20;
		const figures = stats();
		// Every look at the clock costs 1 ms.
		await runSliced( () => --left <= 0, 5, () => {
			yields++;
			return Promise.resolve();
		}, () => clock++, figures );
		expect( left ).toBe( 0 );
		expect( yields ).toBeGreaterThanOrEqual( 3 );
		expect( yields ).toBeLessThanOrEqual( 6 );
		expect( figures.slices ).toBe( yields + 1 );
		expect( figures.longestSliceMs ).toBeLessThanOrEqual( 7 );
	} );

	it( 'looks at the clock every clockEvery steps only', async () => {
		let looks = 0;
		let left = 40;
		await runSliced( () => --left <= 0, 5, () => Promise.resolve(), () => {
			looks++;
			return 0;
		}, stats(), 8 );
		// Start and end of the one slice, plus one look per 8 steps.
		expect( looks ).toBe( 2 + Math.floor( 39 / 8 ) );
	} );
} );

describe( 'runSteps', () => {
	it( 'drives a generator to its end and resolves with its result', async () => {
		expect( await runSteps( steps( 20 ), stats(), () => Promise.resolve() ) ).toBe( 'done' );
	} );

	it( 'does not yield when the work fits in one slice', async () => {
		let yields = 0;
		const figures = stats();
		const result = await runSteps( steps( 3 ), figures, () => {
			yields++;
			return Promise.resolve();
		}, () => 0 );
		expect( result ).toBe( 'done' );
		expect( yields ).toBe( 0 );
		expect( figures.slices ).toBe( 1 );
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
		const sliced = await runSteps( termMatcherSteps( terms, 'en' ) );
		const whole = createTermMatcher( terms, 'en' );
		expect( sliced.size ).toBe( whole.size );
		expect( sliced.match( text ) ).toEqual( whole.match( text ) );
		expect( sliced.match( text ).map( ( m ) => m.conceptId ) ).toEqual( [ 'c1', 'c25', 'c0' ] );
	} );
} );
