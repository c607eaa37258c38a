/**
 * The eager module's summary reader: the same figures as the contract's `parseSummary` and
 * `sectionFigures` on a valid summary, nothing at all from a broken or hostile one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSummary, sectionFigures, type Summary } from '../../../shared/contracts/summary.ts';
import { readSectionCounts } from '../../../gadget/core/summary-lite.ts';

const dir = path.resolve( __dirname, '../../fixtures/contracts' );
const text = ( file: string ): string => readFileSync( path.join( dir, file ), 'utf8' );
const validText = text( 'summary.valid.json' );
const valid = parseSummary( validText );

describe( 'readSectionCounts', () => {
	it( 'reads the figures the contract reads, for every draft and section', () => {
		expect( valid.ok ).toBe( true );
		const summary = ( valid as { value: Summary } ).value;
		for ( const draftId of Object.keys( summary.drafts ) ) {
			const counts = readSectionCounts( validText, draftId );
			expect( counts ).not.toBeNull();
			const sections = summary.drafts[ draftId ]?.sections ?? {};
			const ids = [ ...( counts as Map<string, unknown> ).keys() ];
			expect( ids.sort() ).toEqual( Object.keys( sections ).sort() );
			for ( const sectionId of Object.keys( sections ) ) {
				const figures = sectionFigures( summary, draftId, sectionId );
				expect( counts?.get( sectionId ) ).toEqual( {
					entries: figures?.entries, stances: figures?.stances, anchor: figures?.anchor,
				} );
			}
		}
	} );

	it( 'gives no figures (an empty map) for a draft the summary does not have yet', () => {
		expect( readSectionCounts( validText, 'other' ) ).toEqual( new Map() );
		expect( readSectionCounts( validText, '__proto__' ) ).toEqual( new Map() );
	} );

	it.each( [ 'summary.invalid-version.json', 'summary.invalid-structure.json' ] )(
		'refuses the contract\'s invalid fixture %s',
		( file ) => {
			type Fixture = { document: { drafts?: Record<string, unknown> } };
			const fixture = JSON.parse( text( file ) ) as Fixture;
			const json = JSON.stringify( fixture.document );
			expect( parseSummary( json ).ok ).toBe( false );
			const drafts = fixture.document.drafts && typeof fixture.document.drafts === 'object' ?
				Object.keys( fixture.document.drafts ) : [ 'definition' ];
			for ( const draftId of drafts.length ? drafts : [ 'definition' ] ) {
				expect( readSectionCounts( json, draftId ) ).toBeNull();
			}
		},
	);

	const mutate = ( change: ( section: Record<string, unknown> ) => void ): string => {
		type Section = Record<string, unknown>;
		type Doc = { drafts: Record<string, { sections: Record<string, Section> }> };
		const doc = JSON.parse( validText ) as Doc;
		change( doc.drafts.definition?.sections.leader as Record<string, unknown> );
		return JSON.stringify( doc );
	};

	it.each( [
		[ 'not JSON', '{"version":1,' ],
		[ 'a JSON array', '[]' ],
		[ 'a newer version', validText.replace( '"version": 1', '"version": 2' ) ],
		[ 'negative entries', mutate( ( s ) => {
			s.entries = -1;
		} ) ],
		[ 'fractional counts', mutate( ( s ) => {
			s.stances = { support: 0.5 };
		} ) ],
		[ 'stance counts above the entries', mutate( ( s ) => {
			s.stances = { support: 3, oppose: 1 };
		} ) ],
		[ 'a stance id that is not an id', mutate( ( s ) => {
			s.stances = { '<img src=x>': 1 };
		} ) ],
		[ 'an anchor with markup', mutate( ( s ) => {
			s.anchor = '"><script>alert(1)</script>';
		} ) ],
		[ 'an anchor with a space', mutate( ( s ) => {
			s.anchor = 'a b';
		} ) ],
		[ 'a missing anchor', mutate( ( s ) => {
			delete s.anchor;
		} ) ],
		[ 'a string count', mutate( ( s ) => {
			s.entries = '3';
		} ) ],
	] )( 'shows nothing for %s', ( _name, json ) => {
		expect( readSectionCounts( json, 'definition' ) ).toBeNull();
	} );
} );
