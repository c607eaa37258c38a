/**
 * The built gadget must parse as ES2017 scripts, as Meta-Wiki's ResourceLoader validator does
 * (a file that fails there is silently replaced by an error), and carry the banner and the
 * nowiki wrapper. Builds once into dist/ if nothing is there yet.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { parse } from 'acorn';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../esbuild.config.mjs';

const dist = path.resolve( __dirname, '../../dist/gadget' );

describe( 'built gadget', () => {
	beforeAll( async () => {
		if ( !existsSync( path.join( dist, 'build.json' ) ) ) {
			await build();
		}
	}, 60000 );

	const jsFiles = (): string[] => readdirSync( dist ).filter( ( f ) => f.endsWith( '.js' ) );

	it( 'produces at least one module', () => {
		expect( jsFiles().length ).toBeGreaterThan( 0 );
	} );

	it( 'parses every JS file as an ES2017 script', () => {
		for ( const file of jsFiles() ) {
			const code = readFileSync( path.join( dist, file ), 'utf8' );
			expect( () => parse( code, { ecmaVersion: 2017, sourceType: 'script' } ), file ).not.toThrow();
		}
	} );

	it( 'rejects newer syntax (the check can fail)', () => {
		expect( () => parse( 'a?.b ?? c', { ecmaVersion: 2017, sourceType: 'script' } ) ).toThrow();
	} );

	it( 'wraps every JS file in nowiki with a banner naming version and commit', () => {
		for ( const file of jsFiles() ) {
			const code = readFileSync( path.join( dist, file ), 'utf8' );
			expect( code.startsWith( '/* \x3Cnowiki> */\n' ), file ).toBe( true );
			expect( code.trimEnd().endsWith( '/* \x3C/nowiki> */' ), file ).toBe( true );
			expect( code ).toMatch( /ldwg-tools \d+\.\d+\.\d+, built from the repository at \S+; edits here are overwritten/ );
		}
	} );

	it( 'keeps each file in its own function scope and leaves require() to ResourceLoader', () => {
		for ( const file of jsFiles() ) {
			const code = readFileSync( path.join( dist, file ), 'utf8' );
			const body = code.split( '\n' ).filter( ( line ) => !line.startsWith( '/*' ) ).join( '\n' ).trim();
			expect( body.startsWith( '(()=>{' ) && body.endsWith( '})();' ), file ).toBe( true );
			// esbuild's IIFE shim for require(): 230 bytes in every module a reader loads.
			expect( code, file ).not.toContain( 'Dynamic require of' );
		}
	} );
} );
