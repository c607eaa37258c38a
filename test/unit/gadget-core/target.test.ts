/**
 * Which page views the eager module works on: configured drafts and their translations, read
 * in the view action; never other pages, namespaces, actions, diffs or missing pages.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readEagerConfig, type EagerConfig } from '../../../gadget/core/config-lite.ts';
import { findTarget, mayBeTarget, type PageFacts } from '../../../gadget/core/target.ts';

const site: unknown = JSON.parse( readFileSync( path.resolve( __dirname, '../../../wiki-content/config/site.json' ), 'utf8' ) );
const config = readEagerConfig( site ) as EagerConfig;
const DEFINITION = 'Leadership_Development_Working_Group/Shared_definition_of_leadership';

function page( extra: Partial<PageFacts> = {} ): PageFacts {
	return {
		pageName: DEFINITION,
		namespace: 0,
		action: 'view',
		revisionId: 42,
		isArticle: true,
		isDiff: false,
		pageLanguage: 'en',
		...extra,
	};
}

describe( 'findTarget', () => {
	it( 'reads the shipped configuration', () => {
		expect( config ).not.toBeNull();
		expect( config.drafts.map( ( d ) => d.id ) ).toEqual( [ 'definition', 'plan' ] );
	} );

	it( 'accepts the source draft', () => {
		const target = findTarget( config, page() );
		expect( target ).toMatchObject( {
			viewedTitle: 'Leadership Development Working Group/Shared definition of leadership',
			sourceTitle: 'Leadership Development Working Group/Shared definition of leadership',
			language: 'en',
			isTranslation: false,
			revisionId: 42,
		} );
		expect( target?.draft.id ).toBe( 'definition' );
	} );

	it( 'accepts a translation, with the page language and the source title', () => {
		const target = findTarget( config, page( {
			pageName: 'Leadership_Development_Working_Group/Leadership_development_plan/ar',
			pageLanguage: 'ar',
			revisionId: 7,
		} ) );
		expect( target ).toMatchObject( {
			viewedTitle: 'Leadership Development Working Group/Leadership development plan/ar',
			sourceTitle: 'Leadership Development Working Group/Leadership development plan',
			language: 'ar',
			isTranslation: true,
			revisionId: 7,
		} );
	} );

	it( 'takes the subpage code when the wiki records no page language', () => {
		expect( findTarget( config, page( { pageName: `${ DEFINITION }/fr`, pageLanguage: '' } ) )?.language ).toBe( 'fr' );
	} );

	it.each( [
		[ 'a page that is not a draft', { pageName: 'Main_Page' } ],
		[ 'a subpage in a language that is not configured', { pageName: `${ DEFINITION }/de` } ],
		[ 'another subpage of a draft', { pageName: `${ DEFINITION }/Archive` } ],
		[ 'a page whose title starts like a draft', { pageName: `${ DEFINITION }_2` } ],
		[ 'the draft\'s talk page', { pageName: `Talk:${ DEFINITION }`, namespace: 1 } ],
		[ 'a special page', { pageName: 'Special:RecentChanges', namespace: -1, revisionId: 0, isArticle: false } ],
		[ 'the edit action', { action: 'edit', isArticle: false } ],
		[ 'the submit action (preview)', { action: 'submit', isArticle: false } ],
		[ 'the history action', { action: 'history', isArticle: false } ],
		[ 'the info action', { action: 'info', isArticle: false } ],
		[ 'a diff view', { isDiff: true } ],
		[ 'a page that does not exist', { revisionId: 0 } ],
		[ 'a view that is not an article view', { isArticle: false } ],
	] )( 'refuses %s', ( _name, extra: Partial<PageFacts> ) => {
		expect( findTarget( config, page( extra ) ) ).toBeNull();
	} );

	it( 'checks the cheap conditions before the configuration is read', () => {
		expect( mayBeTarget( page() ) ).toBe( true );
		expect( mayBeTarget( page( { action: 'edit' } ) ) ).toBe( false );
		expect( mayBeTarget( page( { isDiff: true } ) ) ).toBe( false );
		expect( mayBeTarget( page( { revisionId: Number.NaN } ) ) ).toBe( false );
	} );
} );
