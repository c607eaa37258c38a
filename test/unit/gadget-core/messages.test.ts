/**
 * Message loading decisions and the request: which translated files a reader needs, reading
 * them safely, and the one cacheable API query with its answer.
 */
import { describe, expect, it } from 'vitest';
import { messagesTitle, parseMessages, translationLanguages } from '../../../gadget/core/messages.ts';
import { CACHE_SECONDS, pageTextQuery, queryUrl, readPageTexts } from '../../../gadget/core/request.ts';

describe( 'translationLanguages', () => {
	const available = [ 'ar', 'es', 'fr', 'pt', 'pt-br' ];

	it( 'needs nothing for English readers (English is bundled)', () => {
		expect( translationLanguages( [ 'en' ], available ) ).toEqual( [] );
		expect( translationLanguages( [ 'en-gb', 'en' ], available ) ).toEqual( [] );
	} );

	it( 'loads the reader\'s language', () => {
		expect( translationLanguages( [ 'fr', 'en' ], available ) ).toEqual( [ 'fr' ] );
	} );

	it( 'follows the fallback chain, applying the reader\'s own language last', () => {
		expect( translationLanguages( [ 'pt-br', 'pt', 'en' ], available ) ).toEqual( [ 'pt', 'pt-br' ] );
		expect( translationLanguages( [ 'arz', 'ar', 'en' ], available ) ).toEqual( [ 'ar' ] );
	} );

	it( 'stops at English and skips languages without a file', () => {
		expect( translationLanguages( [ 'de', 'en', 'fr' ], available ) ).toEqual( [] );
		expect( translationLanguages( [ 'qqx' ], available ) ).toEqual( [] );
	} );

	it( 'names the pages in the MediaWiki namespace (interface administrators only)', () => {
		expect( messagesTitle( 'ar' ) ).toBe( 'MediaWiki:Gadget-ldwg-messages-ar.json' );
		expect( messagesTitle( 'ar', 'page' ) ).toBe( 'MediaWiki:Gadget-ldwg-messages-ar.json' );
		expect( messagesTitle( 'ar', 'dialogs' ) ).toBe( 'MediaWiki:Gadget-ldwg-dialog-messages-ar.json' );
	} );
} );

describe( 'parseMessages', () => {
	it( 'keeps our string messages only', () => {
		expect( parseMessages( JSON.stringify( {
			'@metadata': { authors: [] },
			'ldwg-gadget-feedback-button': 'Donner votre avis',
			'ldwg-x': 3,
			sitesubtitle: 'replaced?',
			'ldwg-<b>': 'x',
		} ) ) ).toEqual( { 'ldwg-gadget-feedback-button': 'Donner votre avis' } );
	} );

	it( 'refuses what is not a JSON object', () => {
		expect( parseMessages( 'nope' ) ).toBeNull();
		expect( parseMessages( '[]' ) ).toBeNull();
		expect( parseMessages( 'null' ) ).toBeNull();
	} );
} );

describe( 'the request', () => {
	it( 'asks the API for the current text of the pages, cacheably, the same URL for everyone', () => {
		const params = pageTextQuery( [ 'User:LDWG-bot/summary.json', 'MediaWiki:Gadget-ldwg-messages-ar.json' ] );
		expect( params ).toMatchObject( {
			action: 'query',
			formatversion: '2',
			prop: 'revisions',
			rvprop: 'content',
			rvslots: 'main',
			titles: 'MediaWiki:Gadget-ldwg-messages-ar.json|User:LDWG-bot/summary.json',
			maxage: String( CACHE_SECONDS ),
			smaxage: String( CACHE_SECONDS ),
			uselang: 'content',
		} );
		expect( CACHE_SECONDS ).toBeGreaterThan( 0 );
		expect( queryUrl( '/w/api.php', { a: 'x y', titles: 'A|B' } ) ).toBe( '/w/api.php?a=x%20y&titles=A%7CB' );
	} );

	it( 'reads the pages that exist, under the titles asked for', () => {
		const texts = readPageTexts( {
			batchcomplete: true,
			query: {
				normalized: [ { fromencoded: false, from: 'User:LDWG-bot/summary.json', to: 'User:LDWG-bot/Summary.json' } ],
				pages: [
					{ ns: 2, title: 'User:LDWG-bot/Summary.json', revisions: [ { slots: { main: { content: '{"version":1}' } } } ] },
					{ ns: 8, title: 'MediaWiki:Gadget-ldwg-messages-ar.json', missing: true },
				],
			},
		} );
		expect( [ ...texts ] ).toEqual( [ [ 'User:LDWG-bot/summary.json', '{"version":1}' ] ] );
	} );

	it.each( [ null, 'text', {}, { query: {} }, { error: { code: 'readapidenied' } }, { query: { pages: [ { title: 'X', revisions: [] } ] } } ] )(
		'reads nothing, and does not throw, from %j',
		( answer ) => {
			expect( readPageTexts( answer ).size ).toBe( 0 );
		},
	);
} );
