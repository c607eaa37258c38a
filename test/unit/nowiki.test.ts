/**
 * No source file may contain the nowiki tag: the build adds the wrapper, and a tag inside the
 * code would end it early on the wiki page (Meta's gadget conventions).
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve( __dirname, '../..' );

describe( 'sources', () => {
	it( 'never contain the nowiki tag', () => {
		const files = execFileSync( 'git', [ 'ls-files', '--cached', '--others', '--exclude-standard' ], { cwd: root, encoding: 'utf8' } )
			.split( '\n' )
			.filter( ( f ) => /\.(ts|mjs|js|css|json|vue)$/.test( f ) && !f.startsWith( 'node_modules/' ) );
		expect( files.length ).toBeGreaterThan( 3 );
		const tag = /\x3C\/?nowiki/i;
		const offenders = files.filter( ( f ) => tag.test( readFileSync( path.join( root, f ), 'utf8' ) ) );
		expect( offenders ).toEqual( [] );
	} );
} );
