/**
 * The summary JSON contract: the valid fixture parses, every invalid fixture reports exactly the
 * problem paths it lists, newer fields are tolerated and newer versions refused.
 */
import { describe, it, expect } from 'vitest';
import {
	parseSummary, sectionFigures, sectionAnchor, roundedMean, type Summary,
} from '../../../shared/contracts/summary.ts';
import { parseConfig } from '../../../shared/contracts/config.ts';
import { fixture, fixtureNames, fixtureText } from './fixtures.ts';

function validSummary(): Summary {
	const result = parseSummary( fixtureText( 'summary.valid.json' ) );
	if ( !result.ok ) {
		throw new Error( JSON.stringify( result.problems ) );
	}
	return result.value;
}

describe( 'summary.valid.json', () => {
	const summary = validSummary();

	it( 'parses from text and from a parsed document alike', () => {
		const parsed = parseSummary( fixture( 'summary.valid.json' ) );
		expect( parsed.ok && parsed.value ).toEqual( summary );
		expect( summary.sprint ).toBe( 'sprint-3' );
	} );

	it( 'agrees with the configuration fixture (draft ids, sections, stances, rubric, regions)', () => {
		const config = parseConfig( fixture( 'config-site.valid.json' ) );
		expect( config.ok ).toBe( true );
		if ( !config.ok ) {
			return;
		}
		for ( const draftId of Object.keys( summary.drafts ) ) {
			const draft = config.value.drafts.find( ( d ) => d.id === draftId );
			expect( draft?.title ).toBe( summary.drafts[ draftId ]?.title );
			const sections = summary.drafts[ draftId ]?.sections ?? {};
			for ( const [ sectionId, figures ] of Object.entries( sections ) ) {
				if ( !sectionId.startsWith( 'glossary:' ) ) {
					expect( draft?.sections.map( ( s ) => s.id ) ).toContain( sectionId );
				}
				expect( figures.anchor ).toBe( sectionAnchor( draftId, sectionId ) );
				for ( const stance of Object.keys( figures.stances ) ) {
					expect( config.value.stances.map( ( s ) => s.id ) ).toContain( stance );
				}
				for ( const q of Object.keys( figures.rubric ) ) {
					expect( config.value.rubric.questions.map( ( s ) => s.id ) ).toContain( q );
					const result = figures.rubric[ q ];
					expect( result?.mean ).toBe( roundedMean( result?.scores ?? {} ) );
				}
				for ( const region of Object.keys( figures.regions ) ) {
					expect( config.value.regions.map( ( s ) => s.id ) ).toContain( region );
				}
			}
		}
		const { min, max } = config.value.rubric.scale;
		expect( summary.scale ).toEqual( { min, max } );
	} );

	it( 'finds a section\'s figures, and nothing for unknown or inherited keys', () => {
		expect( sectionFigures( summary, 'definition', 'leader' )?.entries ).toBe( 3 );
		expect( sectionFigures( summary, 'plan', 'glossary:resilience' )?.entries ).toBe( 0 );
		expect( sectionFigures( summary, 'definition', 'funding' ) ).toBeNull();
		expect( sectionFigures( summary, 'nope', 'leader' ) ).toBeNull();
		expect( sectionFigures( summary, 'constructor', 'leader' ) ).toBeNull();
		expect( sectionFigures( summary, 'definition', 'toString' ) ).toBeNull();
	} );

	it( 'tolerates fields added by a newer tool of the same version', () => {
		const doc = fixture( 'summary.valid.json' ) as Record<string, unknown>;
		doc.newTopLevel = { anything: true };
		const drafts = doc.drafts as Record<string, Record<string, unknown>>;
		type Sections = { sections: Record<string, Record<string, unknown>> };
		const definition = drafts.definition as Sections;
		( definition.sections.leader as Record<string, unknown> ).sentiment = 0.5;
		const leader = definition.sections.leader as { status: Record<string, number> };
		leader.status.deferred = 0;
		expect( parseSummary( doc ).ok ).toBe( true );
	} );
} );

interface InvalidCase {
	description: string;
	document: unknown;
	problems: string[];
}

describe.each( fixtureNames( 'summary.invalid-' ) )( '%s', ( name ) => {
	const testCase = fixture( name ) as InvalidCase;

	it( 'is refused with exactly the listed problem paths', () => {
		const result = parseSummary( testCase.document );
		expect( result.ok ).toBe( false );
		const paths = result.problems.map( ( p ) => p.path ).sort();
		expect( paths ).toEqual( [ ...testCase.problems ].sort() );
	} );
} );

describe( 'parseSummary on hostile input', () => {
	it( 'explains a newer version', () => {
		const result = parseSummary( '{"version":2}' );
		expect( result.problems ).toEqual( [ { path: '$.version', message: 'summary version 2 is newer than this tool understands (version 1); update ldwg-tools' } ] );
	} );

	it.each( [ '', '{', 'null', '[]', '"text"', '{"version":1}' ] )( 'refuses %j without throwing', ( text ) => {
		const result = parseSummary( text );
		expect( result.ok ).toBe( false );
		expect( result.problems.length ).toBeGreaterThan( 0 );
	} );
} );

describe( 'roundedMean and sectionAnchor', () => {
	it.each( [
		[ {}, null ],
		[ { 4: 1, 5: 2 }, 4.67 ],
		[ { 1: 1, 2: 1 }, 1.5 ],
		[ { 3: 0 }, null ],
	] )( 'mean of %j is %s', ( scores, mean ) => {
		expect( roundedMean( scores ) ).toBe( mean );
	} );

	it( 'keeps anchors free of colons', () => {
		expect( sectionAnchor( 'plan', 'glossary:task-force' ) ).toBe( 'plan-glossary-task-force' );
		expect( sectionAnchor( 'definition', 'leader' ) ).toBe( 'definition-leader' );
	} );
} );
