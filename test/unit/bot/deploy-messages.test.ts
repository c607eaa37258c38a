/**
 * The gadget messages deploy publishes: descriptions and section headings, in English and in
 * every translated language, from the repository's message files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gadgetMessagePages, gadgetNames, readDefinition } from '../../../bot/deploy/plan.ts';

let dir = '';

function i18n( files: Record<string, Record<string, string>> ): string {
	dir = mkdtempSync( path.join( os.tmpdir(), 'ldwg-i18n-' ) );
	for ( const [ code, messages ] of Object.entries( files ) ) {
		writeFileSync( path.join( dir, `${ code }.json` ), JSON.stringify( messages ) );
	}
	return dir;
}

afterEach( () => {
	rmSync( dir, { recursive: true, force: true } );
} );

describe( 'gadgetMessagePages', () => {
	const definition = [ '== ldwg ==', '* ldwg[ResourceLoader|default]|a.js', '* ldwg-x[ResourceLoader|hidden]|b.js' ];

	it( 'publishes descriptions and section headings in English and as language subpages', () => {
		const pages = gadgetMessagePages( [ 'ldwg', 'ldwg-x' ], definition, i18n( {
			en: { 'ldwg-gadget-name': 'Feedback', 'ldwg-gadget-section': 'Consultation' },
			fr: { 'ldwg-gadget-name': 'Avis', 'ldwg-gadget-section': ' ' },
			qqq: { 'ldwg-gadget-name': 'Documentation, not a language' },
		} ) );
		expect( pages.map( ( p ) => [ p.title, p.text ] ) ).toEqual( [
			[ 'MediaWiki:Gadget-ldwg', 'Feedback' ],
			[ 'MediaWiki:Gadget-section-ldwg', 'Consultation' ],
			// Blank translations are left out: MediaWiki falls back to English.
			[ 'MediaWiki:Gadget-ldwg/fr', 'Avis' ],
		] );
		expect( pages[ 2 ]?.source ).toBe( 'i18n/fr.json (ldwg-gadget-name)' );
	} );

	it( 'covers every default gadget and the section of the repository\'s definition', () => {
		const lines = readDefinition() ?? [];
		const titles = gadgetMessagePages( gadgetNames( lines ), lines ).map( ( p ) => p.title );
		for ( const title of [ 'MediaWiki:Gadget-ldwg', 'MediaWiki:Gadget-ldwg-glossary',
			'MediaWiki:Gadget-ldwg-translate', 'MediaWiki:Gadget-section-ldwg' ] ) {
			for ( const code of [ '', '/fr', '/es', '/ar' ] ) {
				expect( titles ).toContain( title + code );
			}
		}
	} );
} );
