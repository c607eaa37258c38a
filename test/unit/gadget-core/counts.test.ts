/**
 * The counts next to a section: totals, stance spread in configuration order, entries saved on
 * this page view, and nothing without the bot's figures.
 */
import { describe, expect, it } from 'vitest';
import { countsView } from '../../../gadget/core/counts.ts';

const stances = [
	{ id: 'support', label: 'Support' },
	{ id: 'support-with-changes', label: 'Support with changes' },
	{ id: 'oppose', label: 'Oppose' },
	{ id: 'neutral', label: 'Neutral or unsure' },
];
const label = ( s: { label: string } ): string => `«${ s.label }»`;

describe( 'countsView', () => {
	it( 'shows nothing without the bot\'s figures, even after a save', () => {
		expect( countsView( null, stances, label ) ).toBeNull();
		expect( countsView( undefined, stances, label, [ 'support' ] ) ).toBeNull();
	} );

	it( 'lists the stances chosen, in configuration order, with translated labels', () => {
		const view = countsView( {
			entries: 4,
			stances: { oppose: 1, support: 2, neutral: 0 },
			anchor: 'definition-leader',
		}, stances, label );
		expect( view ).toEqual( {
			entries: 4,
			stances: [
				{ id: 'support', label: '«Support»', count: 2 },
				{ id: 'oppose', label: '«Oppose»', count: 1 },
			],
			anchor: 'definition-leader',
		} );
	} );

	it( 'counts stances no longer configured in the total only', () => {
		const view = countsView( { entries: 2, stances: { abstain: 2 }, anchor: 'a' }, stances, label );
		expect( view?.entries ).toBe( 2 );
		expect( view?.stances ).toEqual( [] );
	} );

	it( 'adds the entries saved on this page view', () => {
		const view = countsView( { entries: 1, stances: { support: 1 }, anchor: 'a' }, stances, label, [ 'oppose', 'support' ] );
		expect( view?.entries ).toBe( 3 );
		expect( view?.stances.map( ( s ) => [ s.id, s.count ] ) ).toEqual( [ [ 'support', 2 ], [ 'oppose', 1 ] ] );
	} );

	it( 'ignores inherited properties of the stance counts', () => {
		const view = countsView( { entries: 1, stances: {}, anchor: 'a' }, [ { id: 'constructor', label: 'C' } ], label );
		expect( view?.stances ).toEqual( [] );
	} );
} );
