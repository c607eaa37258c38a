/**
 * Builds the gadget for ResourceLoader into dist/gadget/.
 *
 * Every folder `gadget/<name>/` that holds an `entry.ts` becomes one ResourceLoader module,
 * `dist/gadget/ldwg-<name>.js` (plus `ldwg-<name>.css` when the entry imports CSS). The eager
 * module stays tiny; the form and popup are separate modules loaded on first use.
 *
 * Output rules (Meta-Wiki's gadget conventions):
 * - target ES2017, because Meta validates gadget JS as ES2017 (test/unit/build.test.ts re-checks
 *   every file with acorn);
 * - IIFE, so nothing leaks into the global scope; `require()` of ResourceLoader package files
 *   (the gadget's JSON pages) is left to ResourceLoader;
 * - a banner naming the version and commit, and the nowiki wrapper so that `~~~~` or `[[…]]` in
 *   minified code never changes the page when it is saved as wikitext-ish JS.
 *
 * Usage: `node esbuild.config.mjs [--watch]`.
 */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname( fileURLToPath( import.meta.url ) );
const outdir = path.join( root, 'dist', 'gadget' );
const pkg = JSON.parse( readFileSync( path.join( root, 'package.json' ), 'utf8' ) );

/**
 * The commit the build comes from, marked dirty when the work tree has uncommitted changes, so a
 * deployed page always says what it was built from.
 *
 * @return {string}
 */
function gitDescription() {
	try {
		const sha = execFileSync( 'git', [ 'rev-parse', '--short=12', 'HEAD' ], { cwd: root, encoding: 'utf8' } ).trim();
		const dirty = execFileSync( 'git', [ 'status', '--porcelain', '--untracked-files=no' ], { cwd: root, encoding: 'utf8' } ).trim() !== '';
		return dirty ? `${ sha }-dirty` : sha;
	} catch {
		return 'unknown-commit';
	}
}

// Escaped so that no source file contains the tag itself (test/unit/nowiki.test.ts).
const NOWIKI_OPEN = '\x3Cnowiki>';
const NOWIKI_CLOSE = '\x3C/nowiki>';

/**
 * Entry points: gadget/<name>/entry.ts → ldwg-<name>.
 *
 * @return {Object<string, string>}
 */
function entryPoints() {
	const entries = {};
	for ( const name of readdirSync( path.join( root, 'gadget' ) ) ) {
		const entry = path.join( root, 'gadget', name, 'entry.ts' );
		if ( existsSync( entry ) ) {
			entries[ `ldwg-${ name }` ] = entry;
		}
	}
	return entries;
}

/**
 * @param {Object} [options]
 * @param {boolean} [options.watch] Rebuild on change instead of building once
 * @return {Promise<void>}
 */
export async function build( options = {} ) {
	const commit = gitDescription();
	const banner = `/* ${ NOWIKI_OPEN } */\n/* ${ pkg.name } ${ pkg.version }, built from the repository at ${ commit }; edits here are overwritten. */`;
	const footer = `/* ${ NOWIKI_CLOSE } */`;
	rmSync( outdir, { recursive: true, force: true } );
	mkdirSync( outdir, { recursive: true } );
	const entries = entryPoints();
	const context = await esbuild.context( {
		entryPoints: entries,
		outdir,
		bundle: true,
		format: 'iife',
		target: 'es2017',
		minify: true,
		// External maps: wiki pages cannot serve them, but they make local debugging and the
		// bench's size attribution possible. No sourceMappingURL comment points at a missing file.
		sourcemap: 'external',
		charset: 'utf8',
		legalComments: 'none',
		banner: { js: banner, css: `/* ${ pkg.name } ${ pkg.version }, built from the repository at ${ commit }; edits here are overwritten. */` },
		footer: { js: footer },
		// Provided by ResourceLoader at run time, never bundled.
		external: [ 'vue', '@wikimedia/codex', './*.json' ],
		define: {
			LDWG_VERSION: JSON.stringify( pkg.version ),
			LDWG_COMMIT: JSON.stringify( commit )
		},
		logLevel: 'warning'
	} );
	if ( options.watch ) {
		await context.watch();
		return;
	}
	await context.rebuild();
	await context.dispose();
	writeFileSync( path.join( outdir, 'build.json' ), JSON.stringify( {
		version: pkg.version,
		commit,
		modules: Object.keys( entries )
	}, null, '\t' ) + '\n' );
}

if ( process.argv[ 1 ] && path.resolve( process.argv[ 1 ] ) === fileURLToPath( import.meta.url ) ) {
	await build( { watch: process.argv.includes( '--watch' ) } );
}
