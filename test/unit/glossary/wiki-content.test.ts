/**
 * The local wiki's glossary pages (wiki-content/glossary/) compile with no problems except the
 * intentional untranslated and outdated units listed in its README.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileGlossary } from '../../../shared/glossary/compile.ts';
import { buildTermIndex } from '../../../shared/glossary/term-index.ts';
import { createMatcher } from '../../../shared/glossary/matcher.ts';
import { CONCEPT_TYPES } from '../../../shared/contracts/glossary.ts';

const dir = path.resolve( __dirname, '../../../wiki-content/glossary' );
const TITLE = 'Leadership Development Working Group/Glossary';
const pages = [ 'en', 'fr', 'es', 'ar' ].map( ( language ) => ( {
	title: language === 'en' ? TITLE : `${ TITLE }/${ language }`,
	language,
	text: readFileSync( path.join( dir, `Glossary.${ language }.wikitext` ), 'utf8' ),
} ) );
const { glossary, problems } = compileGlossary( pages, { generated: '2026-11-29T12:00:00Z' } );

describe( 'wiki-content/glossary', () => {
	it( 'compiles with only the intentional missing and outdated reports', () => {
		expect( problems.filter( ( p ) => p.code !== 'missing' && p.code !== 'outdated' ) ).toEqual( [] );
		expect( problems.map( ( p ) => `${ p.language } ${ p.code } ${ p.conceptId }` ).sort() ).toEqual( [
			'ar missing movement-strategy',
			'ar missing onboarding',
			'ar missing training-of-trainers',
			'ar outdated code-of-conduct',
			'es missing community-of-practice',
			'es outdated empowerment',
			'es outdated resilience',
			'fr missing equity',
			'fr missing task-force',
			'fr outdated succession-planning',
		] );
	} );

	it( 'has at least 30 concepts of every type, in all four languages', () => {
		expect( glossary.concepts.length ).toBeGreaterThanOrEqual( 30 );
		expect( glossary.languages ).toEqual( [ 'en', 'ar', 'es', 'fr' ] );
		for ( const type of CONCEPT_TYPES ) {
			expect( glossary.concepts.some( ( c ) => c.type === type ), type ).toBe( true );
		}
		for ( const concept of glossary.concepts ) {
			expect( Object.keys( concept.entries ).sort(), concept.id ).toEqual( [ 'ar', 'en', 'es', 'fr' ] );
		}
		for ( const id of [ 'leader', 'good-leadership', 'leadership-skills', 'pathways', 'mentorship', 'facilitation',
			'resilience', 'empowerment', 'task-force', 'affiliate', 'organizer', 'newcomer', 'community-of-practice' ] ) {
			expect( glossary.concepts.some( ( c ) => c.id === id ), id ).toBe( true );
		}
	} );

	it( 'resolves <tvar> on the source page and keeps link labels only', () => {
		const newcomer = glossary.concepts.find( ( c ) => c.id === 'newcomer' );
		expect( newcomer?.entries.en?.definition ).toBe( 'A person who has recently started contributing to a Wikimedia project; see Getting started.' );
	} );

	it( 'marks untranslated French units with the English fallback term', () => {
		const fr = buildTermIndex( glossary, 'fr' );
		expect( fr.terms ).toContainEqual( [ 'Task force', 'task-force' ] );
		const matches = createMatcher( fr, 'fr' ).match( "La task force et l'animateur ; un nouveau contributeur." );
		expect( matches.map( ( m ) => m.conceptId ) ).toEqual( [ 'task-force', 'facilitator', 'newcomer' ] );
	} );

	it( 'matches Arabic terms on an Arabic text', () => {
		const ar = createMatcher( glossary, 'ar' );
		expect( ar.match( 'القيادة الجيدة تحتاج إلى بناء القدرات والتمكين.' ).map( ( m ) => m.conceptId ) )
			.toEqual( [ 'good-leadership', 'capacity-building', 'empowerment' ] );
	} );
} );
