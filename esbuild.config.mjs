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
 * - one function scope per file (`(()=>{ … })();`, written by the banner and footer; esbuild
 *   puts `"use strict"` inside), so nothing leaks into the global scope, around CommonJS-format
 *   code: ResourceLoader hands every package file its own `require`, and esbuild's IIFE format
 *   would replace each `require()` of a package file (`./ldwg-config.json`) or of another
 *   module (`ext.gadget.ldwg-base`) with a 230-byte shim that every reader downloads;
 * - a banner naming the version and commit, and the nowiki wrapper so that `~~~~` or `[[…]]` in
 *   minified code never changes the page when it is saved as wikitext-ish JS.
 *
 * Messages (see docs/gadget.md, "Messages"): a first pass finds the `ldwg-…` message keys each
 * module's minified code names; the real build then prepends to every module the ENGLISH texts of
 * its own keys (set only where `mw.messages` has no text yet, so translations loaded first win),
 * and writes two files per translated language with the translations of every key any module
 * uses: `ldwg-messages-<lang>.json` for the modules of a page view and
 * `ldwg-dialog-messages-<lang>.json` for the form and the popup (see PAGE_VIEW_MODULES).
 * Readers get English with no extra request; other languages load their fallback chain's
 * page-view files in one request made by the eager module, and the dialog files when a dialog
 * first opens (gadget/core/messages.ts).
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
const i18nDir = path.join( root, 'i18n' );
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
 * Messages of one language from i18n/<lang>.json, without `@metadata`.
 *
 * @param {string} lang
 * @return {Object<string, string>}
 */
function readLanguage( lang ) {
	const file = path.join( i18nDir, `${ lang }.json` );
	if ( !existsSync( file ) ) {
		return {};
	}
	const data = JSON.parse( readFileSync( file, 'utf8' ) );
	delete data[ '@metadata' ];
	return data;
}

/**
 * Languages with a message file besides English and the documentation pseudo-language.
 *
 * @return {string[]}
 */
function translatedLanguages() {
	if ( !existsSync( i18nDir ) ) {
		return [];
	}
	return readdirSync( i18nDir )
		.filter( ( f ) => f.endsWith( '.json' ) && ![ 'en.json', 'qqq.json' ].includes( f ) )
		.map( ( f ) => f.slice( 0, -'.json'.length ) )
		.sort();
}

/**
 * Prefixes of keys built at run time from configured ids (shared/contracts/config.ts
 * `labelMessageKey`): their translations are always shipped, because no literal in the code
 * names them. Their English text is the configuration's own label, so none is bundled.
 */
const CONFIGURED_LABEL_PREFIXES = [ 'ldwg-stance-', 'ldwg-rubric-', 'ldwg-region-' ];

/**
 * Modules a page view loads (the eager gadgets, their shared module and the translation loader):
 * the translations of their keys go to `ldwg-messages-<lang>.json`, which non-English readers
 * fetch with every draft page view. The keys of the form and the popup, which load on a click,
 * go to `ldwg-dialog-messages-<lang>.json`, fetched when one of them first opens: a page view
 * then carries a tenth of the translations (docs/gadget.md, "Messages").
 */
const PAGE_VIEW_MODULES = [ 'ldwg-base', 'ldwg-core', 'ldwg-glossary', 'ldwg-i18n' ];

/** Configured labels the page view shows: the stances, in each section's counts. */
const PAGE_VIEW_LABEL_PREFIX = 'ldwg-stance-';

/**
 * Keys of `keys` named in the minified code: as a string literal, or by a literal prefix ending
 * in a hyphen of at least two segments (`'ldwg-stance-' + id`), except the prefixes in `skip`.
 *
 * @param {string} code Minified module code
 * @param {string[]} keys Keys of en.json
 * @param {string[]} skip Prefixes not to follow
 * @return {string[]}
 */
function namedKeys( code, keys, skip ) {
	const literals = new Set();
	for ( const match of code.matchAll( /["'`](ldwg-[a-z0-9-]*)/g ) ) {
		literals.add( match[ 1 ] );
	}
	// A prefix has at least one segment after `ldwg-`: the bare `ldwg-` would select every key.
	const prefixes = [ ...literals ].filter( ( l ) => l.length > 'ldwg-'.length + 1 &&
		l.endsWith( '-' ) && !skip.includes( l ) );
	return keys
		.filter( ( key ) => literals.has( key ) || prefixes.some( ( p ) => key.startsWith( p ) ) )
		.sort();
}

/**
 * The message keys a built module uses: every key of en.json that appears as a string literal in
 * the minified code, or that starts with a literal ending in a hyphen of at least two segments
 * (`'ldwg-stance-' + id`), so that keys assembled from a prefix are found too.
 *
 * @param {string} code Minified module code
 * @param {string[]} keys Keys of en.json
 * @return {string[]}
 */
export function usedMessageKeys( code, keys ) {
	return namedKeys( code, keys, [] );
}

/**
 * The keys whose English text a built module carries: those of {@link usedMessageKeys}, except
 * keys found only through a configured-label prefix (`'ldwg-stance-' + id`): their English text
 * is the configuration's own label, which the code shows when no translation is loaded, so
 * bundling `"Support"` next to the configuration's `"Support"` would only add bytes. Longer
 * prefixes (`'ldwg-rubric-scale-'`) name keys that are not configured labels and are followed.
 *
 * @param {string} code Minified module code
 * @param {string[]} keys Keys of en.json
 * @return {string[]}
 */
export function bundledEnglishKeys( code, keys ) {
	return namedKeys( code, keys, CONFIGURED_LABEL_PREFIXES );
}

/**
 * Source of the virtual module prepended to an entry: sets the English texts of its keys where
 * no text is set yet (translations loaded before the module must not be overwritten).
 *
 * @param {Object<string, string>} english
 * @return {string}
 */
function englishModule( english ) {
	return `const english = ${ JSON.stringify( english ) };\n` +
		'Object.keys( english ).forEach( ( key ) => {\n' +
		'\tif ( !mw.messages.exists( key ) ) {\n' +
		'\t\tmw.messages.set( key, english[ key ] );\n' +
		'\t}\n' +
		'} );\n';
}

/**
 * esbuild plugin: makes every `gadget/<name>/entry.ts` import `ldwg-messages:<name>` first, a
 * virtual module holding the English texts of that module's keys.
 *
 * @param {Object<string, Object<string, string>>} englishByModule Keyed by `ldwg-<name>`
 * @return {Object} esbuild plugin
 */
function englishMessagesPlugin( englishByModule ) {
	return {
		name: 'ldwg-english-messages',
		setup( pluginBuild ) {
			pluginBuild.onLoad( { filter: /[\\/]gadget[\\/][^\\/]+[\\/]entry\.ts$/ }, ( args ) => {
				const name = `ldwg-${ path.basename( path.dirname( args.path ) ) }`;
				const source = readFileSync( args.path, 'utf8' );
				const english = englishByModule[ name ] || {};
				const prefix = Object.keys( english ).length ? `import 'ldwg-messages:${ name }';\n` : '';
				return { contents: prefix + source, loader: 'ts', resolveDir: path.dirname( args.path ) };
			} );
			pluginBuild.onResolve( { filter: /^ldwg-messages:/ }, ( args ) => ( { path: args.path.slice( 'ldwg-messages:'.length ), namespace: 'ldwg-messages' } ) );
			pluginBuild.onLoad( { filter: /.*/, namespace: 'ldwg-messages' }, ( args ) => ( {
				contents: englishModule( englishByModule[ args.path ] || {} ),
				loader: 'js'
			} ) );
		}
	};
}

/**
 * First pass: builds in memory and finds the keys each module uses.
 *
 * @param {Object} common esbuild options shared with the real build
 * @param {string[]} keys Keys of en.json
 * @return {Promise<{used: Object<string, string[]>, english: Object<string, string[]>}>} Keys
 *   each module uses, and those whose English text it carries, by module name (`ldwg-<name>`)
 */
async function scanMessageKeys( common, keys ) {
	// Silent: the real build reports the same warnings once.
	const result = await esbuild.build( { ...common, write: false, sourcemap: false, logLevel: 'silent' } );
	const byModule = {};
	const englishByModule = {};
	for ( const file of result.outputFiles ) {
		if ( file.path.endsWith( '.js' ) ) {
			const name = path.basename( file.path, '.js' );
			byModule[ name ] = usedMessageKeys( file.text, keys );
			englishByModule[ name ] = bundledEnglishKeys( file.text, keys );
		}
	}
	return { used: byModule, english: englishByModule };
}

/**
 * @param {Object} [options]
 * @param {boolean} [options.watch] Rebuild on change instead of building once
 * @return {Promise<void>}
 */
export async function build( options = {} ) {
	const commit = gitDescription();
	const banner = `/* ${ NOWIKI_OPEN } */\n/* ${ pkg.name } ${ pkg.version }, built from the repository at ${ commit }; edits here are overwritten. */\n(()=>{`;
	const footer = `})();\n/* ${ NOWIKI_CLOSE } */`;
	rmSync( outdir, { recursive: true, force: true } );
	mkdirSync( outdir, { recursive: true } );
	const entries = entryPoints();
	const english = readLanguage( 'en' );
	const common = {
		entryPoints: entries,
		outdir,
		bundle: true,
		// See the header: the function scope comes from the banner and footer.
		format: 'cjs',
		target: 'es2017',
		minify: true,
		// External maps: wiki pages cannot serve them, but they make local debugging and the
		// bench's size attribution possible. No sourceMappingURL comment points at a missing file.
		sourcemap: 'external',
		charset: 'utf8',
		legalComments: 'none',
		banner: { js: banner, css: `/* ${ pkg.name } ${ pkg.version }, built from the repository at ${ commit }; edits here are overwritten. */` },
		footer: { js: footer },
		// Provided by ResourceLoader at run time, never bundled: its modules (our shared
		// `ext.gadget.ldwg-base` too) and package files.
		external: [ 'vue', '@wikimedia/codex', 'ext.gadget.*', './*.json' ],
		define: {
			LDWG_VERSION: JSON.stringify( pkg.version ),
			LDWG_COMMIT: JSON.stringify( commit ),
			LDWG_MESSAGE_LANGUAGES: '[]'
		},
		logLevel: 'warning',
		// ResourceLoader wraps each package file in `function ( require, module, exports )`: the
		// shared module's `module.exports = …` (gadget/base/entry.ts) means that `module`.
		logOverride: { 'commonjs-variable-in-esm': 'silent' }
	};
	const scanned = await scanMessageKeys( common, Object.keys( english ) );
	const keysByModule = scanned.used;
	const englishByModule = {};
	const allKeys = new Set();
	for ( const [ name, keys ] of Object.entries( keysByModule ) ) {
		englishByModule[ name ] = Object.fromEntries(
			scanned.english[ name ].map( ( k ) => [ k, english[ k ] ] ) );
		keys.forEach( ( k ) => allKeys.add( k ) );
	}
	const shipped = ( key ) => allKeys.has( key ) ||
		CONFIGURED_LABEL_PREFIXES.some( ( p ) => key.startsWith( p ) );
	const pageViewKeys = new Set(
		PAGE_VIEW_MODULES.flatMap( ( name ) => keysByModule[ name ] || [] ) );
	const onPageView = ( key ) => pageViewKeys.has( key ) ||
		key.startsWith( PAGE_VIEW_LABEL_PREFIX );
	const languages = {};
	for ( const lang of translatedLanguages() ) {
		const messages = readLanguage( lang );
		const keys = Object.keys( messages ).filter( shipped ).sort();
		if ( keys.length ) {
			const pick = ( list ) => Object.fromEntries(
				list.map( ( k ) => [ k, messages[ k ] ] ) );
			languages[ lang ] = {
				page: pick( keys.filter( onPageView ) ),
				dialogs: pick( keys.filter( ( k ) => !onPageView( k ) ) )
			};
		}
	}
	// `uselang=qqx` shows message keys instead of texts, so that translators and developers can
	// find which message a text is (mediawiki.org, Help:System message#Finding messages).
	// ResourceLoader does it for the messages it delivers; ours are bundled in English, so the
	// build writes a pseudo-language `qqx` whose texts are the keys (with their parameters, as
	// MediaWiki writes them), loaded like any translation by qqx readers only.
	const qqx = ( list ) => Object.fromEntries( list.map( ( k ) => {
		const params = [ ...new Set( ( english[ k ].match( /\$\d+/g ) || [] ) ) ].sort();
		return [ k, `(${ k }${ params.length ? `: ${ params.join( ', ' ) }` : '' })` ];
	} ) );
	const englishKeys = Object.keys( english ).filter( shipped ).sort();
	languages.qqx = {
		page: qqx( englishKeys.filter( onPageView ) ),
		dialogs: qqx( englishKeys.filter( ( k ) => !onPageView( k ) ) )
	};
	const context = await esbuild.context( {
		...common,
		define: {
			...common.define,
			LDWG_MESSAGE_LANGUAGES: JSON.stringify( Object.keys( languages ) )
		},
		plugins: [ englishMessagesPlugin( englishByModule ) ]
	} );
	for ( const [ lang, parts ] of Object.entries( languages ) ) {
		// Written even when empty: the files of a language always come in pairs.
		const write = ( name, messages ) => writeFileSync( path.join( outdir, name ),
			JSON.stringify( messages, null, '\t' ) + '\n' );
		write( `ldwg-messages-${ lang }.json`, parts.page );
		write( `ldwg-dialog-messages-${ lang }.json`, parts.dialogs );
	}
	if ( options.watch ) {
		// Keys and translations are those of the start; restart the watcher after adding keys.
		await context.watch();
		return;
	}
	await context.rebuild();
	await context.dispose();
	for ( const name of Object.keys( entries ) ) {
		// A closing nowiki tag inside a message would end the wrapper early on the wiki page.
		const code = readFileSync( path.join( outdir, `${ name }.js` ), 'utf8' );
		if ( code.split( NOWIKI_CLOSE ).length !== 2 ) {
			throw new Error( `${ name }.js contains a nowiki tag besides the wrapper (a message text?)` );
		}
	}
	writeFileSync( path.join( outdir, 'build.json' ), JSON.stringify( {
		version: pkg.version,
		commit,
		modules: Object.keys( entries ),
		messages: {
			keys: keysByModule,
			english: scanned.english,
			languages: Object.keys( languages )
		}
	}, null, '\t' ) + '\n' );
}

if ( process.argv[ 1 ] && path.resolve( process.argv[ 1 ] ) === fileURLToPath( import.meta.url ) ) {
	await build( { watch: process.argv.includes( '--watch' ) } );
}
