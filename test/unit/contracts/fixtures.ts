/**
 * Loads the contract fixtures (`test/fixtures/contracts/`) for the contract tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Folder of the contract fixtures. */
export const FIXTURES = path.resolve( __dirname, '../../fixtures/contracts' );

/** Text of a fixture file. */
export function fixtureText( name: string ): string {
	return readFileSync( path.join( FIXTURES, name ), 'utf8' );
}

/** Parsed JSON of a fixture file. */
export function fixture( name: string ): unknown {
	return JSON.parse( fixtureText( name ) );
}

/** Names of the fixture files starting with `prefix`, sorted. */
export function fixtureNames( prefix: string ): string[] {
	return readdirSync( FIXTURES ).filter( ( f ) => f.startsWith( prefix ) ).sort();
}

/** Text of a file of the repository (e.g. the shipped configuration). */
export function repoText( relative: string ): string {
	return readFileSync( path.resolve( __dirname, '../../..', relative ), 'utf8' );
}
