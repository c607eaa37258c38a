/**
 * The gadget definition must declare every ResourceLoader module a gadget's code uses directly:
 * a missing dependency does not fail the build, it makes the module end in state "error" on the
 * wiki (seen with `mw.storage` in the glossary module). Reads the built bundles, so code pulled in
 * from shared/ counts too.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../esbuild.config.mjs';

const root = path.resolve( __dirname, '../..' );
const dist = path.join( root, 'dist/gadget' );

/** `mw.<name>` properties that live in their own ResourceLoader module, not in mediawiki.base. */
const PROVIDERS: [ RegExp, string ][] = [
	[ /\bmw\.storage\./, 'mediawiki.storage' ],
	[ /\bmw\.user\./, 'mediawiki.user' ],
	[ /\bmw\.util\./, 'mediawiki.util' ],
	[ /\bmw\.language\./, 'mediawiki.language' ],
];

interface Definition {
	name: string;
	/** Options between the brackets (`default`, `namespaces=0`, …). */
	options: string[];
	dependencies: string[];
	files: string[];
}

function definitions(): Definition[] {
	const text = readFileSync( path.join( root, 'gadget/gadget-definition.txt' ), 'utf8' );
	return text.split( '\n' )
		.filter( ( line ) => line.startsWith( '*' ) )
		.map( ( line ) => {
			const match = /^\*\s*([\w-]+)\s*\[([^\]]*)\]\s*\|(.*)$/.exec( line );
			if ( !match || !match[ 1 ] || match[ 2 ] === undefined || match[ 3 ] === undefined ) {
				throw new Error( `Unreadable definition line: ${ line }` );
			}
			const options = match[ 2 ].split( '|' );
			const deps = options.find( ( o ) => o.startsWith( 'dependencies=' ) );
			return {
				name: match[ 1 ],
				options,
				dependencies: deps ? deps.slice( 'dependencies='.length ).split( ',' ) : [],
				files: match[ 3 ].split( '|' ).map( ( f ) => f.trim() ),
			};
		} );
}

describe( 'gadget definition', () => {
	beforeAll( async () => {
		if ( !existsSync( path.join( dist, 'build.json' ) ) ) {
			await build();
		}
	}, 60000 );

	it( 'lists only files the build produces (or the configuration page)', () => {
		for ( const def of definitions() ) {
			for ( const file of def.files ) {
				if ( file === 'ldwg-config.json' ) {
					continue;
				}
				expect( existsSync( path.join( dist, file ) ), `${ def.name }: ${ file }` ).toBe( true );
			}
		}
	} );

	it( 'declares the modules behind every mw.* property the bundle uses', () => {
		const defs = definitions();
		expect( defs.length ).toBeGreaterThanOrEqual( 4 );
		for ( const def of defs ) {
			const script = def.files.find( ( f ) => f.endsWith( '.js' ) );
			expect( script, def.name ).toBeDefined();
			const code = readFileSync( path.join( dist, String( script ) ), 'utf8' );
			for ( const [ use, module ] of PROVIDERS ) {
				if ( use.test( code ) ) {
					expect( def.dependencies, `${ def.name } uses ${ use.source }` ).toContain( module );
				}
			}
		}
	} );

	it( 'would catch a missing dependency (the check can fail)', () => {
		const [ use, module ] = PROVIDERS[ 0 ] as [ RegExp, string ];
		expect( use.test( 'mw.storage.get("x")' ) ).toBe( true );
		expect( [ 'mediawiki.util' ] ).not.toContain( module );
	} );

	const byName = ( name: string ): Definition => {
		const def = definitions().find( ( d ) => d.name === name );
		if ( !def ) {
			throw new Error( `no definition line for ${ name }` );
		}
		return def;
	};
	const script = ( def: Definition ): string => readFileSync(
		path.join( dist, String( def.files.find( ( f ) => f.endsWith( '.js' ) ) ) ), 'utf8' );

	it( 'carries the configuration once, in the hidden base module both eager gadgets depend on', () => {
		const base = byName( 'ldwg-base' );
		expect( base.options ).toContain( 'hidden' );
		expect( base.options ).toContain( 'package' );
		expect( base.files ).toContain( 'ldwg-config.json' );
		for ( const name of [ 'ldwg', 'ldwg-glossary' ] ) {
			const def = byName( name );
			expect( def.options, name ).toContain( 'default' );
			expect( def.options, name ).toContain( 'namespaces=0' );
			expect( def.dependencies, name ).toContain( 'ext.gadget.ldwg-base' );
			expect( def.files, name ).not.toContain( 'ldwg-config.json' );
		}
	} );

	it( 'makes every module that requires the base module depend on it or load it first', () => {
		for ( const def of definitions() ) {
			const code = script( def );
			if ( def.name === 'ldwg-base' || !code.includes( '"ext.gadget.ldwg-base"' ) ) {
				continue;
			}
			// Either ResourceLoader loads it before the module, or the module loads it itself.
			const loadsItself = /mw\.loader\.using\(/.test( code );
			expect( def.dependencies.includes( 'ext.gadget.ldwg-base' ) || loadsItself, def.name ).toBe( true );
		}
	} );

	it( 'gives the Translate editor helper a tiny default gadget of its own on special pages', () => {
		const helper = byName( 'ldwg-translate' );
		expect( helper.options ).toContain( 'default' );
		expect( helper.options ).toContain( 'namespaces=-1' );
		expect( helper.options.some( ( o ) => o.startsWith( 'categories=' ) ) ).toBe( false );
		expect( helper.files ).toEqual( [ 'ldwg-translate.js' ] );
		const code = script( helper );
		expect( code ).toContain( 'mw.translate.editor.afterEditorShown' );
		expect( code ).toContain( '"Translate"' );
		// Loaded on every special page of Meta: no configuration, no glossary code, no messages.
		expect( code.length ).toBeLessThan( 1500 );
		// The eager glossary module no longer waits for Translate's editor.
		expect( script( byName( 'ldwg-glossary' ) ) ).not.toContain( 'mw.translate.editor' );
	} );

	it( 'keeps the translation loader out of an English page view', () => {
		const i18n = byName( 'ldwg-i18n' );
		expect( i18n.options ).toContain( 'hidden' );
		// Readers of other languages get it with the fallback chain's module, in one load.
		expect( i18n.dependencies ).toContain( 'mediawiki.language' );
		for ( const def of definitions() ) {
			expect( def.dependencies, def.name ).not.toContain( 'ext.gadget.ldwg-i18n' );
		}
		const core = script( byName( 'ldwg' ) );
		expect( core ).toContain( '"ext.gadget.ldwg-i18n"' );
		// The API query and message-file code live in the loader only.
		expect( core ).not.toContain( 'getFallbackLanguageChain' );
		expect( core ).not.toContain( 'rvslots' );
		expect( script( i18n ) ).toContain( 'getFallbackLanguageChain' );
	} );
} );
