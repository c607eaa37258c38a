/**
 * Language rules: fallback chains, case folding and word/script classes.
 */
import { describe, it, expect } from 'vitest';
import {
	foldText,
	hasTurkicCasing,
	isNoSpaceScript,
	isWordChar,
	languageFallbacks,
	normalizeLanguage,
} from '../../../shared/glossary/language.ts';

describe( 'languageFallbacks', () => {
	it.each( [
		[ 'en', [] ],
		[ 'fr', [ 'en' ] ],
		[ 'pt-br', [ 'pt', 'en' ] ],
		[ 'pt-BR', [ 'pt', 'en' ] ],
		[ 'de-formal', [ 'de', 'en' ] ],
		[ 'sr-latn-me', [ 'sr-latn', 'sr', 'en' ] ],
		[ 'zh-tw', [ 'zh-hant', 'zh-hans', 'zh', 'en' ] ],
		[ 'gsw', [ 'de', 'en' ] ],
		[ 'arz', [ 'ar', 'en' ] ],
		[ 'be-tarask', [ 'be', 'en' ] ],
		// The code comes from a `lang` attribute in page content: no Object.prototype lookups.
		[ 'constructor', [ 'en' ] ],
	] )( '%s → %j', ( lang, chain ) => {
		expect( languageFallbacks( lang ) ).toEqual( chain );
	} );

	it( 'ends with the given final language and never repeats the language itself', () => {
		expect( languageFallbacks( 'pt-br', 'fr' ) ).toEqual( [ 'pt', 'fr' ] );
		expect( languageFallbacks( 'fr', 'fr' ) ).toEqual( [] );
	} );

	it( 'normalises codes', () => {
		expect( normalizeLanguage( ' pt_BR ' ) ).toBe( 'pt-br' );
	} );
} );

describe( 'case folding', () => {
	it.each( [
		[ 'en', 'LEADERSHIP', 'leadership' ],
		[ 'de', 'Straße', 'strasse' ],
		[ 'de', 'STRAẞE', 'strasse' ],
		[ 'el', 'ΗΓΕΤΗΣ', 'ηγετησ' ],
		[ 'el', 'ηγέτης', 'ηγέτησ' ],
		[ 'tr', 'IŞIK', 'ışık' ],
		[ 'tr', 'İstanbul', 'istanbul' ],
		[ 'az', 'İI', 'iı' ],
		[ 'en', 'İI', 'i\u0307i' ],
		[ 'en', 'ı', 'ı' ],
		[ 'fr', 'Re\u0301silience', 'résilience' ],
		[ 'en', 'task\u00a0force', 'task force' ],
		[ 'en', 'task\nforce', 'task force' ],
		[ 'ar', 'القيادة', 'القيادة' ],
	] )( '%s: %j → %j', ( lang, text, folded ) => {
		expect( foldText( text, lang ) ).toBe( folded );
	} );

	it( 'knows which languages use the Turkic i', () => {
		expect( [ 'tr', 'az', 'az-latn', 'crh', 'gag' ].every( hasTurkicCasing ) ).toBe( true );
		expect( [ 'en', 'de', 'tt-cyrl', 'fr' ].some( hasTurkicCasing ) ).toBe( false );
	} );
} );

describe( 'character classes', () => {
	it.each( [ 'a', 'é', '\u0301', '5', 'ق', '领', 'ก', 'ß' ] )( '%j is a word character', ( ch ) => {
		expect( isWordChar( ch ) ).toBe( true );
	} );

	it.each( [ ' ', '-', '+', '(', '’', '\u00a0', '。', '\u{1F600}' ] )( '%j is not a word character', ( ch ) => {
		expect( isWordChar( ch ) ).toBe( false );
	} );

	it.each( [ '领', 'の', 'カ', 'ー', 'ก', 'ລ', 'ក', 'က' ] )( '%j is written without spaces', ( ch ) => {
		expect( isNoSpaceScript( ch ) ).toBe( true );
	} );

	it.each( [ 'a', 'ق', 'ж', 'क', '한' ] )( '%j is written with spaces', ( ch ) => {
		expect( isNoSpaceScript( ch ) ).toBe( false );
	} );
} );
