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

	it( 'ignores the languages of excluded elements such as the links of the <languages/> bar', () => {
		// Translate's bar gives each link its language; counted, seven of them used up the six
		// places and the English of an untranslated unit further down was never fetched.
		const root = document.createElement( 'div' );
		root.setAttribute( 'lang', 'fr' );
		const links = [ 'ar', 'bn', 'de', 'el', 'es', 'fr', 'hi' ]
			.map( ( l ) => `<a href="/wiki/D/${ l }" lang="${ l }" dir="ltr">${ l }</a>` ).join( ' • ' );
		// Test fixture markup written here, never glossary data.
		root.innerHTML = `<div class="mw-pt-languages noprint" lang="fr" dir="ltr"><div class="mw-pt-languages-list">${ links }</div></div>` +
			'<p>Le leadership.</p><div lang="en" dir="ltr" class="mw-content-ltr"><p>Good leadership matters.</p></div>' +
			'<div class="noglossary"><span lang="de">Führung</span></div><p><code lang="es">x</code></p>';
		expect( languagesIn( root, 'fr' ) ).toEqual( [ 'fr', 'en' ] );
	} );
} );
