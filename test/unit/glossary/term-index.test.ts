/**
 * Term indexes: which terms each language's page loads for marking, with fallbacks.
 */
import { describe, it, expect } from 'vitest';
import { buildTermIndex, isUsableEntry } from '../../../shared/glossary/term-index.ts';
import { parseTermIndex, type CompiledGlossary } from '../../../shared/contracts/glossary.ts';
import { createMatcher } from '../../../shared/glossary/matcher.ts';

const glossary: CompiledGlossary = {
	version: 1,
	generated: '2026-01-01T00:00:00Z',
	sourceLanguage: 'en',
	languages: [ 'en', 'pt', 'pt-br', 'fr' ],
	concepts: [
		{ id: 'leader', type: 'leadership-type', status: 'agreed', related: [], entries: {
			en: { term: 'Leader', aliases: [ 'leaders' ], definition: 'x' },
			pt: { term: 'Líder', aliases: [ 'líderes' ], definition: 'x' },
			'pt-br': { term: 'Liderança', aliases: [], definition: 'x' },
		} },
		{ id: 'mentor', type: 'leadership-type', status: 'agreed', related: [], entries: {
			en: { term: 'Mentor', aliases: [], definition: 'x' },
			pt: { term: 'Mentor', aliases: [ 'mentora' ], definition: 'x' },
			fr: { term: '', aliases: [], definition: '', status: 'missing' },
		} },
		{ id: 'task-force', type: 'other', status: 'agreed', related: [], entries: {
			en: { term: 'Task force', aliases: [], definition: 'x' },
			'pt-br': { term: 'Força-tarefa', aliases: [], definition: 'x', status: 'outdated', termOutdated: true },
			fr: { term: 'Groupe ad hoc', aliases: [ 'groupes ad hoc' ], definition: '', status: 'missing' },
		} },
	],
};

describe( 'buildTermIndex', () => {
	it( 'takes each concept from the first language of the chain with a usable term (pt-br → pt → en)', () => {
		const index = buildTermIndex( glossary, 'pt-br' );
		expect( index ).toEqual( {
			version: 1,
			language: 'pt-br',
			fallbacks: [ 'pt', 'en' ],
			terms: [ [ 'Liderança', 'leader' ], [ 'Mentor', 'mentor' ], [ 'Task force', 'task-force' ], [ 'mentora', 'mentor' ] ],
		} );
		expect( parseTermIndex( JSON.stringify( index ) ).ok ).toBe( true );
	} );

	it( 'skips untranslated and outdated terms but keeps a translated term whose definition is missing', () => {
		const index = buildTermIndex( glossary, 'fr' );
		expect( index.terms ).toEqual( [
			[ 'Groupe ad hoc', 'task-force' ],
			[ 'Leader', 'leader' ],
			[ 'Mentor', 'mentor' ],
			[ 'groupes ad hoc', 'task-force' ],
			[ 'leaders', 'leader' ],
		] );
	} );

	it( 'has no fallbacks for the source language', () => {
		const index = buildTermIndex( glossary, 'en' );
		expect( index.fallbacks ).toBeUndefined();
		expect( index.terms.map( ( t ) => t[ 0 ] ) ).toEqual( [ 'Leader', 'Mentor', 'Task force', 'leaders' ] );
	} );

	it( 'accepts an explicit chain', () => {
		expect( buildTermIndex( glossary, 'fr', { fallbacks: [ 'pt' ] } ).terms.map( ( t ) => t[ 0 ] ) )
			.toEqual( [ 'Groupe ad hoc', 'Líder', 'Mentor', 'groupes ad hoc', 'líderes', 'mentora' ] );
	} );

	it( 'feeds a matcher the same way the glossary does', () => {
		const text = 'A Liderança e a força-tarefa, a task force e o mentor.';
		const fromIndex = createMatcher( buildTermIndex( glossary, 'pt-br' ), 'pt-br' ).match( text );
		const fromGlossary = createMatcher( glossary, 'pt-br' ).match( text );
		expect( fromIndex ).toEqual( fromGlossary );
		expect( fromIndex.map( ( m ) => m.conceptId ) ).toEqual( [ 'leader', 'task-force', 'mentor' ] );
	} );

	it( 'isUsableEntry', () => {
		expect( isUsableEntry( undefined ) ).toBe( false );
		expect( isUsableEntry( { term: ' ', aliases: [], definition: '' } ) ).toBe( false );
		expect( isUsableEntry( { term: 'x', aliases: [], definition: '', status: 'missing' } ) ).toBe( true );
		expect( isUsableEntry( { term: 'x', aliases: [], definition: 'd', status: 'outdated', termOutdated: true } ) ).toBe( false );
	} );
} );
