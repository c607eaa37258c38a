/**
 * The configuration contract: the shipped configuration and the fixtures parse, every invalid
 * fixture reports exactly the problem paths it lists, and the helpers both sides use behave.
 */
import { describe, it, expect } from 'vitest';
import {
	parseConfig, findDraftByTitle, findDraftByTalkTitle, isMember, currentSprint, reportTitle,
	sprintDrafts, glossaryTermsTitle, translationTitle, archiveTitle, localLabel, labelMessageKey,
	userAgent, findSection, DEFAULT_REGIONS, DEFAULT_STANCES, DEFAULT_RUBRIC, type Config,
} from '../../../shared/contracts/config.ts';
import { fixture, fixtureNames, fixtureText, repoText } from './fixtures.ts';

function valid( site: unknown, sprint?: unknown ): Config {
	const result = parseConfig( site, sprint );
	if ( !result.ok ) {
		throw new Error( result.problems.map( ( p ) => `${ p.path }: ${ p.message }` ).join( '\n' ) );
	}
	return result.value;
}

const config = valid( fixture( 'config-site.valid.json' ), fixture( 'config-sprint.valid.json' ) );

describe( 'the shipped configuration (wiki-content/config)', () => {
	const shipped = valid( repoText( 'wiki-content/config/site.json' ), repoText( 'wiki-content/config/sprint.json' ) );

	it( 'uses the agreed titles', () => {
		expect( shipped.drafts.map( ( d ) => [ d.id, d.title, d.talkPage ] ) ).toEqual( [
			[ 'definition', 'Leadership Development Working Group/Shared definition of leadership', 'Talk:Leadership Development Working Group/Shared definition of leadership' ],
			[ 'plan', 'Leadership Development Working Group/Leadership development plan', 'Talk:Leadership Development Working Group/Leadership development plan' ],
		] );
		expect( shipped.drafts[ 0 ]?.sections.map( ( s ) => s.id ) ).toEqual( [ 'leader', 'good-leadership', 'leadership-skills', 'leadership-pathways' ] );
		expect( shipped.drafts[ 1 ]?.sections.map( ( s ) => s.id ) ).toEqual( [
			'goals-and-vision', 'roles-and-responsibilities', 'access-to-leadership', 'valuing-leaders',
			'skill-needs-and-assets', 'approach', 'evaluation', 'support-systems', 'newcomers', 'funding',
			'priorities-and-roll-out',
		] );
		expect( shipped.pages ).toEqual( {
			summary: 'Leadership Development Working Group/Feedback summary',
			reportPrefix: 'Leadership Development Working Group/Sprint reports/',
			glossary: 'Leadership Development Working Group/Glossary',
			summaryJson: 'User:LDWG-bot/summary.json',
			glossaryJson: 'User:LDWG-bot/glossary.json',
			glossaryTermsPrefix: 'User:LDWG-bot/glossary-terms/',
			shutoff: 'User:LDWG-bot/Shutoff',
			siteConfig: 'MediaWiki:Gadget-ldwg-config.json',
			sprintConfig: 'Leadership Development Working Group/Feedback configuration.json',
		} );
		expect( shipped.templates ).toEqual( { entry: 'LDWG feedback entry', marker: 'LDWG section' } );
		expect( shipped.bot.username ).toBe( 'LDWG-bot' );
		expect( shipped.operator.contact ).toBe( 'https://meta.wikimedia.org/wiki/User_talk:LDWG-bot' );
		expect( shipped.languages ).toEqual( [ 'en', 'fr', 'es', 'ar' ] );
	} );

	it( 'has the working group\'s defaults: stances, rubric, seven regions', () => {
		expect( shipped.stances ).toEqual( DEFAULT_STANCES );
		expect( shipped.rubric ).toEqual( DEFAULT_RUBRIC );
		expect( shipped.regions ).toEqual( DEFAULT_REGIONS );
		expect( shipped.regions ).toHaveLength( 7 );
	} );

	it( 'makes Alice a member, and not Bob, Chandra or the bot', () => {
		expect( isMember( shipped, 'Alice' ) ).toBe( true );
		expect( isMember( shipped, 'Bob' ) ).toBe( false );
		expect( isMember( shipped, 'Chandra' ) ).toBe( false );
		expect( isMember( shipped, 'LDWG-bot' ) ).toBe( false );
		expect( shipped.sprint.members.length ).toBeGreaterThanOrEqual( 3 );
	} );
} );

describe( 'valid fixtures', () => {
	it( 'normalise titles and user names as MediaWiki does', () => {
		expect( config.sprint.members ).toEqual( [ 'Alice', 'Esi Mensah', 'Luis Ortega' ] );
		expect( config.sprint.reports.announce ).toEqual( [ 'Talk:Leadership Development Working Group' ] );
		expect( config.sprintLoaded ).toBe( true );
	} );

	it( 'fill in defaults for a minimal site document, for any wiki', () => {
		const minimal = valid( fixture( 'config-site.minimal.valid.json' ) );
		expect( minimal.sprintLoaded ).toBe( false );
		expect( minimal.sprint ).toEqual(
			{ version: 1, sprints: [], members: [], reports: { announce: [] } },
		);
		expect( minimal.drafts[ 0 ] ).toEqual( {
			id: 'charter',
			title: 'Project:Charter draft',
			talkPage: 'Project talk:Charter draft',
			archivePrefix: 'Project talk:Charter draft/Archive ',
			sourceLanguage: 'en',
			sections: [ { id: 'preamble', label: 'Preamble' } ],
		} );
		expect( minimal.stances ).toEqual( DEFAULT_STANCES );
		expect( minimal.rubric ).toEqual( DEFAULT_RUBRIC );
		expect( minimal.regions ).toEqual( DEFAULT_REGIONS );
		expect( minimal.limits ).toEqual( { commentMaxLength: 5000, wordingMaxLength: 5000 } );
		expect( minimal.glossary ).toEqual( { categories: [], markAll: false } );
		expect( minimal.bot ).toEqual( { username: 'Charter bot', editsPerMinute: 6, maxLag: 5, waitBudgetSeconds: 900 } );
		expect( minimal.pages.glossaryJson ).toBe( 'User:Charter bot/glossary.json' );
	} );

	it( 'accept JSON text as well as parsed documents', () => {
		const result = parseConfig( fixtureText( 'config-site.valid.json' ), fixtureText( 'config-sprint.valid.json' ) );
		expect( result.ok && result.value ).toEqual( config );
	} );

	it( 'accept a changed list of regions, e.g. eight', () => {
		const site = fixture( 'config-site.valid.json' ) as { regions: unknown[] };
		site.regions = [ ...DEFAULT_REGIONS, { id: 'north-africa', label: 'North Africa' } ];
		expect( valid( site ).regions.map( ( r ) => r.id ) ).toHaveLength( 8 );
	} );
} );

interface InvalidCase {
	description: string;
	site: unknown;
	sprint?: unknown;
	problems: string[];
}

describe.each( fixtureNames( 'config.invalid-' ) )( '%s', ( name ) => {
	const testCase = fixture( name ) as InvalidCase;

	it( 'is refused whole, with exactly the listed problem paths', () => {
		const result = parseConfig( testCase.site, testCase.sprint );
		expect( result.ok ).toBe( false );
		expect( 'value' in result ).toBe( false );
		const paths = result.problems.map( ( p ) => p.path ).sort();
		expect( paths ).toEqual( [ ...testCase.problems ].sort() );
		for ( const p of result.problems ) {
			expect( p.message.length ).toBeGreaterThan( 5 );
		}
	} );
} );

describe( 'parseConfig on hostile input', () => {
	it( 'reports broken JSON on the right page and never throws', () => {
		const result = parseConfig( '{ "version": 1,', '[' );
		expect( result.ok ).toBe( false );
		expect( result.problems.map( ( p ) => p.path ) ).toEqual( [ '$site', '$sprint' ] );
		expect( result.problems[ 0 ]?.message ).toMatch( /site configuration is not valid JSON/ );
	} );

	it.each( [ null, undefined, 42, 'null', [], true, {} ] )( 'refuses %j as the site document', ( site ) => {
		const result = parseConfig( site );
		expect( result.ok ).toBe( false );
		expect( result.problems.length ).toBeGreaterThan( 0 );
		expect( result.problems.every( ( p ) => p.path.startsWith( '$site' ) ) ).toBe( true );
	} );

	it( 'explains an unknown version', () => {
		const site = fixture( 'config-site.valid.json' ) as Record<string, unknown>;
		site.version = 3;
		const result = parseConfig( site );
		expect( result.problems ).toEqual( [ { path: '$site.version', message: expect.stringMatching( /version 3 is newer than this tool understands \(version 1\)/ ) } ] );
		site.version = 'one';
		expect( parseConfig( site ).problems[ 0 ]?.message ).toMatch( /unsupported site configuration version "one"/ );
	} );

	it( 'does not let keys like __proto__ or constructor through', () => {
		const result = parseConfig( '{"version":1,"__proto__":{"polluted":true},"constructor":1}' );
		expect( result.ok ).toBe( false );
		expect( result.problems.map( ( p ) => p.path ) ).toEqual( expect.arrayContaining( [ '$site.__proto__', '$site.constructor' ] ) );
		expect( ( {} as Record<string, unknown> ).polluted ).toBeUndefined();
	} );
} );

describe( 'findDraftByTitle', () => {
	it.each( [
		[ 'Leadership Development Working Group/Shared definition of leadership', 'definition', 'en', false ],
		[ 'Leadership_Development_Working_Group/Shared_definition_of_leadership', 'definition', 'en', false ],
		[ 'leadership Development Working Group/Leadership development plan/ar', 'plan', 'ar', true ],
		[ 'Leadership Development Working Group/Leadership development plan/fr', 'plan', 'fr', true ],
		[ 'Leadership Development Working Group/Leadership development plan/en', 'plan', 'en', false ],
	] )( '%s → %s (%s)', ( title, id, language, isTranslation ) => {
		const match = findDraftByTitle( config, title );
		const found = match && {
			id: match.draft.id, language: match.language, isTranslation: match.isTranslation,
		};
		expect( found )
			.toEqual( { id, language, isTranslation } );
	} );

	it.each( [
		'Leadership Development Working Group/Leadership development plan/de',
		'Leadership Development Working Group/Leadership development plan/Archive 1',
		'Leadership Development Working Group/Leadership development plan/fr/extra',
		'Leadership Development Working Group/Leadership development',
		'Talk:Leadership Development Working Group/Leadership development plan',
		'Main Page',
		'',
	] )( 'does not take %j for a draft', ( title ) => {
		expect( findDraftByTitle( config, title ) ).toBeNull();
	} );
} );

describe( 'findDraftByTalkTitle and archiveTitle', () => {
	it( 'recognises talk pages and numbered archives', () => {
		expect( findDraftByTalkTitle( config, 'Talk:Leadership_Development_Working_Group/Leadership development plan' ) )
			.toEqual( { draft: config.drafts[ 1 ], archive: null } );
		const plan = config.drafts[ 1 ];
		expect( plan && archiveTitle( plan, 3 ) ).toBe( 'Talk:Leadership Development Working Group/Leadership development plan/Archive 3' );
		expect( findDraftByTalkTitle( config, 'Talk:Leadership Development Working Group/Leadership development plan/Archive 3' ) )
			.toEqual( { draft: plan, archive: 3 } );
		expect( findDraftByTalkTitle( config, 'Talk:Leadership Development Working Group/Leadership development plan/Archive 0' ) ).toBeNull();
		expect( findDraftByTalkTitle( config, 'Talk:Leadership Development Working Group/Leadership development plan/Archive x' ) ).toBeNull();
		expect( findDraftByTalkTitle( config, 'Leadership Development Working Group/Leadership development plan' ) ).toBeNull();
	} );
} );

describe( 'members and sprints', () => {
	it( 'compares user names after normalisation', () => {
		expect( isMember( config, 'alice' ) ).toBe( true );
		expect( isMember( config, 'Esi_Mensah' ) ).toBe( true );
		expect( isMember( config, ' Luis  Ortega ' ) ).toBe( true );
		expect( isMember( config, 'Alice2' ) ).toBe( false );
		expect( isMember( config, '' ) ).toBe( false );
	} );

	it( 'has no members when the sprint part was not loaded', () => {
		expect( isMember( valid( fixture( 'config-site.valid.json' ) ), 'Alice' ) ).toBe( false );
	} );

	it.each( [
		[ '2026-10-19', 'sprint-1' ],
		[ '2026-11-01', 'sprint-1' ],
		[ '2026-11-02T00:00:00Z', 'sprint-2' ],
		[ '2026-11-29T23:59:59Z', 'sprint-3' ],
		[ '2026-11-30', null ],
		[ '2026-10-18', null ],
		[ 'yesterday', null ],
		[ '2026-02-30', null ],
	] )( 'currentSprint(%s) is %s', ( date, id ) => {
		expect( currentSprint( config, date )?.id ?? null ).toBe( id );
	} );

	it( 'takes the UTC day of a Date', () => {
		expect( currentSprint( config, new Date( Date.UTC( 2026, 10, 16, 0, 30 ) ) )?.id ).toBe( 'sprint-3' );
		expect( currentSprint( config, new Date( Number.NaN ) ) ).toBeNull();
	} );

	it( 'names report pages and lists the drafts of a sprint', () => {
		const [ one, two, three ] = config.sprint.sprints;
		expect( one && reportTitle( config, one ) ).toBe( 'Leadership Development Working Group/Sprint reports/Sprint 1' );
		expect( three && reportTitle( config, three ) ).toBe( 'Leadership Development Working Group/Sprint reports/Third sprint' );
		expect( one && sprintDrafts( config, one ).map( ( d ) => d.id ) ).toEqual( [ 'definition' ] );
		expect( two && sprintDrafts( config, two ).map( ( d ) => d.id ) ).toEqual( [ 'definition', 'plan' ] );
	} );
} );

describe( 'other helpers', () => {
	it( 'build titles', () => {
		const plan = config.drafts[ 1 ];
		expect( glossaryTermsTitle( config, 'fr' ) ).toBe( 'User:LDWG-bot/glossary-terms/fr.json' );
		expect( plan && translationTitle( plan, 'ar' ) ).toBe( 'Leadership Development Working Group/Leadership development plan/ar' );
		expect( plan && translationTitle( plan, 'en' ) ).toBe( plan?.title );
		expect( plan && findSection( plan, 'funding' )?.label ).toBe( 'Funding' );
		expect( plan && findSection( plan, 'leader' ) ).toBeNull();
	} );

	it( 'prefer i18n messages to configured labels', () => {
		const stance = { id: 'oppose', label: 'Oppose' };
		expect( labelMessageKey( 'region', 'eseap' ) ).toBe( 'ldwg-region-eseap' );
		expect( localLabel( 'stance', stance, ( key ) => key === 'ldwg-stance-oppose' ? 'Contre' : null ) ).toBe( 'Contre' );
		expect( localLabel( 'stance', stance, () => null ) ).toBe( 'Oppose' );
	} );

	it( 'writes a User-Agent in the Wikimedia format', () => {
		expect( userAgent( config, '0.1.0', 'mwn/3.0.3' ) ).toBe( 'ldwg-tools/0.1.0 (https://meta.wikimedia.org/wiki/User_talk:LDWG-bot) mwn/3.0.3' );
	} );

	it( 'ships an en message for every default label', () => {
		const en = JSON.parse( repoText( 'i18n/en.json' ) ) as Record<string, string>;
		for ( const [ kind, items ] of [ [ 'stance', DEFAULT_STANCES ], [ 'rubric', DEFAULT_RUBRIC.questions ], [ 'region', DEFAULT_REGIONS ] ] as const ) {
			for ( const item of items ) {
				expect( en[ labelMessageKey( kind, item.id ) ], `${ kind } ${ item.id }` ).toBe( item.label );
			}
		}
		DEFAULT_RUBRIC.scale.labels?.forEach( ( text, i ) => {
			expect( en[ `ldwg-rubric-scale-${ i + 1 }` ] ).toBe( text );
		} );
	} );
} );

describe( 'configurations are independent', () => {
	it( 'editing one parsed configuration does not change defaults or the next one', () => {
		const first = valid( fixture( 'config-site.minimal.valid.json' ) );
		first.rubric.questions.reverse();
		first.stances.pop();
		first.sprint.members.push( 'Mallory' );
		const second = valid( fixture( 'config-site.minimal.valid.json' ) );
		expect( second.rubric ).toEqual( DEFAULT_RUBRIC );
		expect( second.stances ).toEqual( DEFAULT_STANCES );
		expect( isMember( second, 'Mallory' ) ).toBe( false );
		expect( DEFAULT_RUBRIC.questions[ 0 ]?.id ).toBe( 'useful' );
	} );
} );
