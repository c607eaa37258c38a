/**
 * Which pages the glossary works on (drafts, their translations, configured categories), read
 * from the site configuration the local wiki ships; and the Translate editor helper, a gadget of
 * its own, that works on Special:Translate only.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readGlossarySettings } from '../../../gadget/glossary/settings.ts';
import { pageScope, type PageFacts } from '../../../gadget/glossary/scope.ts';
import { readTermIndex } from '../../../gadget/glossary/term-indexes.ts';

const site: unknown = JSON.parse( readFileSync( new URL( '../../../wiki-content/config/site.json', import.meta.url ), 'utf8' ) );
const settings = { ...readGlossarySettings( site ), categories: [ 'Leadership glossary pages' ] };
const DRAFT = 'Leadership_Development_Working_Group/Shared_definition_of_leadership';

function facts( extra: Partial<PageFacts> ): PageFacts {
	return { pageName: DRAFT, action: 'view', categories: [], contentLanguage: 'en', ...extra };
}

describe( 'readGlossarySettings', () => {
	it( 'reads the shipped site configuration', () => {
		const read = readGlossarySettings( site );
		expect( read.draftIds ).toEqual( [ 'definition', 'plan' ] );
		expect( read.compiledTitle ).toBe( 'User:LDWG-bot/glossary.json' );
		expect( read.termsPrefix ).toBe( 'User:LDWG-bot/glossary-terms/' );
		expect( read.glossaryPage ).toBe( 'Leadership Development Working Group/Glossary' );
		expect( read.markAll ).toBe( false );
	} );

	it( 'falls back to defaults for a broken document instead of throwing', () => {
		for ( const raw of [ null, 42, 'x', [], { drafts: 'no', glossary: [], pages: 7 } ] ) {
			const read = readGlossarySettings( raw );
			expect( read.draftTitles ).toEqual( [] );
			expect( read.termsPrefix ).toBe( 'User:LDWG-bot/glossary-terms/' );
		}
	} );
} );

describe( 'pageScope', () => {
	it( 'marks drafts and their translations', () => {
		expect( pageScope( facts( {} ), settings ) ).toMatchObject( { kind: 'content', draftId: 'definition', translationLanguage: null } );
		expect( pageScope( facts( { pageName: `${ DRAFT }/fr`, contentLanguage: 'fr' } ), settings ) )
			.toMatchObject( { kind: 'content', translationLanguage: 'fr', sourceTitle: DRAFT.replace( /_/g, ' ' ) } );
	} );

	it( 'ignores other subpages, other pages and other actions', () => {
		expect( pageScope( facts( { pageName: `${ DRAFT }/fr` } ), settings ).kind ).toBe( 'none' );
		expect( pageScope( facts( { pageName: `${ DRAFT }/Archive` } ), settings ).kind ).toBe( 'none' );
		expect( pageScope( facts( { pageName: 'Main_Page' } ), settings ).kind ).toBe( 'none' );
		expect( pageScope( facts( { action: 'edit' } ), settings ).kind ).toBe( 'none' );
	} );

	it( 'marks pages in a configured category', () => {
		expect( pageScope( facts( { pageName: 'Other', categories: [ 'Leadership_glossary_pages' ] } ), settings ).kind ).toBe( 'content' );
	} );

	it( 'leaves Special:Translate to the Translate editor helper', () => {
		expect( pageScope( facts( { pageName: 'Special:Translate' } ), settings ).kind ).toBe( 'none' );
	} );
} );

describe( 'readTermIndex', () => {
	it( 'accepts an index and refuses anything else', () => {
		expect( readTermIndex( '{"version":1,"language":"fr","terms":[["meneur","leader"]]}' )?.terms ).toHaveLength( 1 );
		for ( const text of [ '', 'null', '[]', '{"version":2,"language":"fr","terms":[]}', '{"version":1,"terms":{}}' ] ) {
			expect( readTermIndex( text ) ).toBeNull();
		}
	} );
} );
