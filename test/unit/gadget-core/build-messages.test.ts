/**
 * Message bundling by the build: each module carries the English texts of the keys it names,
 * and `ldwg-messages-<lang>.json` holds the translations of those keys only (plus the labels of
 * configured items, whose keys are built at run time).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, bundledEnglishKeys, usedMessageKeys } from '../../../esbuild.config.mjs';

const root = path.resolve( __dirname, '../../..' );
const dist = path.join( root, 'dist', 'gadget' );
const json = ( file: string ): Record<string, unknown> => JSON.parse( readFileSync( file, 'utf8' ) ) as Record<string, unknown>;

describe( 'usedMessageKeys', () => {
	const keys = [ 'ldwg-gadget-feedback-button', 'ldwg-gadget-saved', 'ldwg-stance-support', 'ldwg-stance-oppose', 'ldwg-other' ];

	it( 'finds keys named as string literals', () => {
		expect( usedMessageKeys( 'a("ldwg-gadget-saved");b(\'ldwg-other\')', keys ) )
			.toEqual( [ 'ldwg-gadget-saved', 'ldwg-other' ] );
	} );

	it( 'finds keys built from a literal prefix', () => {
		expect( usedMessageKeys( 'mw.message(`ldwg-stance-${s}`)', keys ) )
			.toEqual( [ 'ldwg-stance-oppose', 'ldwg-stance-support' ] );
	} );

	it( 'does not take the bare tool prefix or class names for keys', () => {
		expect( usedMessageKeys( 'x="ldwg-";y="ldwg-gadget";z="ldwg-feedback"', keys ) ).toEqual( [] );
	} );
} );

describe( 'bundledEnglishKeys', () => {
	const keys = [ 'ldwg-gadget-saved', 'ldwg-stance-support', 'ldwg-rubric-useful', 'ldwg-rubric-scale-1' ];

	it( 'leaves out configured labels found only through their prefix (the configuration has them)', () => {
		const code = 'a("ldwg-gadget-saved");mw.message(`ldwg-stance-${s}`);m("ldwg-rubric-"+id)';
		expect( usedMessageKeys( code, keys ) ).toEqual( [ 'ldwg-gadget-saved', 'ldwg-rubric-scale-1', 'ldwg-rubric-useful', 'ldwg-stance-support' ] );
		expect( bundledEnglishKeys( code, keys ) ).toEqual( [ 'ldwg-gadget-saved' ] );
	} );

	it( 'keeps them when named literally, and follows longer prefixes', () => {
		expect( bundledEnglishKeys( 'a("ldwg-stance-support");b(`ldwg-rubric-scale-${n}`)', keys ) )
			.toEqual( [ 'ldwg-rubric-scale-1', 'ldwg-stance-support' ] );
	} );
} );

describe( 'the built message files', () => {
	beforeAll( async () => {
		if ( !existsSync( path.join( dist, 'build.json' ) ) ) {
			await build();
		}
	}, 60000 );

	it( 'bundles the eager module\'s English texts in its code', () => {
		const code = readFileSync( path.join( dist, 'ldwg-core.js' ), 'utf8' );
		const english = json( path.join( root, 'i18n', 'en.json' ) );
		for ( const key of [ 'ldwg-gadget-feedback-button', 'ldwg-gadget-counts-entries' ] ) {
			expect( code ).toContain( JSON.stringify( english[ key ] ) );
		}
		// Keys of other modules stay out of the eager bundle.
		expect( code ).not.toContain( 'ldwg-glossary-gadget-name' );
		// Stance labels are the configuration's in English; translations still ship them.
		const info = json( path.join( dist, 'build.json' ) ) as { messages: { english: Record<string, string[]> } };
		expect( info.messages.english[ 'ldwg-core' ] ).toContain( 'ldwg-gadget-counts-entries' );
		expect( info.messages.english[ 'ldwg-core' ]?.some( ( k ) => k.startsWith( 'ldwg-stance-' ) ) ).toBe( false );
		expect( code ).not.toContain( '"ldwg-stance-support"' );
		expect( json( path.join( dist, 'ldwg-messages-fr.json' ) )[ 'ldwg-stance-support' ] ).toBeDefined();
	} );

	/**
	 * What a language's files must hold for each key: its translation, or for the pseudo-language
	 * qqx the key with the parameters of its English text, as MediaWiki shows with uselang=qqx.
	 */
	function sourceOf( lang: string ): Record<string, unknown> {
		if ( lang !== 'qqx' ) {
			return json( path.join( root, 'i18n', `${ lang }.json` ) );
		}
		const english = json( path.join( root, 'i18n', 'en.json' ) );
		const keys: Record<string, string> = {};
		for ( const [ key, text ] of Object.entries( english ) ) {
			const params = typeof text === 'string' ? text.match( /\$\d+/g ) : null;
			keys[ key ] = params ? `(${ key }: ${ [ ...new Set( params ) ].sort().join( ', ' ) })` : `(${ key })`;
		}
		return keys;
	}

	it( 'writes the keys themselves for uselang=qqx, with their parameters', () => {
		const page = json( path.join( dist, 'ldwg-messages-qqx.json' ) );
		expect( page[ 'ldwg-gadget-feedback-button' ] ).toBe( '(ldwg-gadget-feedback-button)' );
		expect( page[ 'ldwg-gadget-counts-stance' ] ).toBe( '(ldwg-gadget-counts-stance: $1, $2)' );
		const dialog = json( path.join( dist, 'ldwg-dialog-messages-qqx.json' ) );
		expect( dialog[ 'ldwg-form-title' ] ).toBe( '(ldwg-form-title: $1)' );
	} );

	it( 'writes one file per translated language with the gadget\'s keys only', () => {
		const info = json( path.join( dist, 'build.json' ) ) as { messages: { languages: string[]; keys: Record<string, string[]> } };
		expect( info.messages.languages ).toEqual( expect.arrayContaining( [ 'ar', 'es', 'fr' ] ) );
		const used = new Set( Object.values( info.messages.keys ).flat() );
		for ( const lang of info.messages.languages ) {
			const messages = json( path.join( dist, `ldwg-messages-${ lang }.json` ) );
			const source = sourceOf( lang );
			expect( messages[ '@metadata' ] ).toBeUndefined();
			for ( const [ key, text ] of Object.entries( messages ) ) {
				expect( source[ key ] ).toBe( text );
				expect( used.has( key ) || /^ldwg-(stance|rubric|region)-/.test( key ), key ).toBe( true );
			}
		}
		const fr = json( path.join( dist, 'ldwg-messages-fr.json' ) );
		expect( fr[ 'ldwg-gadget-feedback-button' ] ).toBe( 'Donner votre avis' );
		// The deploy command's description-page message is not a gadget message.
		expect( fr[ 'ldwg-glossary-gadget-name' ] ).toBeUndefined();
	} );

	it( 'splits each language: what a page view shows, and what the form and the popup show', () => {
		const info = json( path.join( dist, 'build.json' ) ) as { messages: { languages: string[]; keys: Record<string, string[]> } };
		const keys = info.messages.keys;
		const pageView = new Set( [ 'ldwg-base', 'ldwg-core', 'ldwg-glossary', 'ldwg-i18n' ]
			.flatMap( ( name ) => keys[ name ] || [] ) );
		const dialogs = new Set( [ 'ldwg-form', 'ldwg-popup', 'ldwg-translate' ]
			.flatMap( ( name ) => keys[ name ] || [] ) );
		for ( const lang of info.messages.languages ) {
			const page = json( path.join( dist, `ldwg-messages-${ lang }.json` ) );
			const dialog = json( path.join( dist, `ldwg-dialog-messages-${ lang }.json` ) );
			const source = sourceOf( lang );
			for ( const key of Object.keys( page ) ) {
				// Stance labels show in each section's counts.
				expect( pageView.has( key ) || key.startsWith( 'ldwg-stance-' ), key ).toBe( true );
				expect( dialog[ key ], key ).toBeUndefined();
			}
			// Nothing is lost: every translated key a module uses is in one of the two files.
			for ( const key of [ ...pageView, ...dialogs ] ) {
				if ( source[ key ] !== undefined ) {
					expect( page[ key ] ?? dialog[ key ], `${ lang } ${ key }` ).toBe( source[ key ] );
				}
			}
			for ( const [ key, text ] of Object.entries( dialog ) ) {
				expect( source[ key ] ).toBe( text );
			}
		}
		const fr = json( path.join( dist, 'ldwg-dialog-messages-fr.json' ) );
		expect( fr[ 'ldwg-form-title' ] ).toBeDefined();
		expect( fr[ 'ldwg-rubric-scale-5' ] ?? fr[ 'ldwg-form-submit' ] ).toBeDefined();
		// A page view carries a small part of the texts.
		const size = ( name: string ): number => readFileSync( path.join( dist, name ), 'utf8' ).length;
		expect( size( 'ldwg-messages-ar.json' ) * 4 ).toBeLessThan( size( 'ldwg-dialog-messages-ar.json' ) );
	} );
} );
