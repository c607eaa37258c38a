// @vitest-environment jsdom
/**
 * The language of a piece of text as the page says it (the nearest `lang`), and the languages
 * of a content root whose term indexes are fetched before marking.
 */
import { describe, expect, it } from 'vitest';
import { languagesIn, textLanguage } from '../../../gadget/glossary/text-language.ts';

function tree( ...langs: ( string | null )[] ): HTMLElement[] {
	const root = document.createElement( 'div' );
	return langs.map( ( lang ) => {
		const el = document.createElement( 'span' );
		if ( lang !== null ) {
			el.setAttribute( 'lang', lang );
		}
		root.append( el );
		return el;
	} );
}

describe( 'textLanguage', () => {
	it( 'reads the nearest lang attribute, lower-cased, with hyphens', () => {
		const [ outer ] = tree( 'pt_BR' );
		const inner = document.createElement( 'b' );
		( outer as HTMLElement ).append( inner );
		expect( textLanguage( inner, 'en' ) ).toBe( 'pt-br' );
		expect( textLanguage( tree( ' FR ' )[ 0 ] as HTMLElement, 'en' ) ).toBe( 'fr' );
	} );

	it( 'falls back when there is no lang, or it is empty or blank', () => {
		for ( const el of tree( null, '', '  ' ) ) {
			expect( textLanguage( el, 'ar' ) ).toBe( 'ar' );
		}
	} );
} );

describe( 'languagesIn', () => {
	it( 'lists the root language first, then descendants in document order, once each', () => {
		const root = document.createElement( 'div' );
		root.setAttribute( 'lang', 'fr' );
		for ( const lang of [ 'en', 'FR', 'de', 'en', '' ] ) {
			const el = document.createElement( 'p' );
			el.setAttribute( 'lang', lang );
			root.append( el );
		}
		expect( languagesIn( root, 'es' ) ).toEqual( [ 'fr', 'en', 'de', 'es' ] );
		expect( languagesIn( root, 'es', 2 ) ).toEqual( [ 'fr', 'en' ] );
	} );
} );
