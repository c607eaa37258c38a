/**
 * A minimal fake of the `mw` global for the eager module's unit tests: config, messages (with
 * `$n` parameters, no wikitext), hooks with memory, loader, util, log and libs. Only what the
 * module uses; anything else is absent so that an unexpected call fails the test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';

type Handler = ( ...args: unknown[] ) => void;

/** What the tests inspect and steer. */
export interface FakeMw {
	config: { get( key: string ): unknown };
	messages: {
		set( key: string | Record<string, string>, value?: string ): void;
		exists( key: string ): boolean;
		get( key: string ): string | undefined;
	};
	message( key: string, ...params: string[] ): { exists(): boolean; text(): string };
	hook( name: string ): {
		add( h: Handler ): unknown;
		remove( h: Handler ): unknown;
		fire( ...a: unknown[] ): unknown;
	};
	loader: {
		using: ReturnType<typeof vi.fn>;
		getState: ReturnType<typeof vi.fn>;
		getModuleNames: ReturnType<typeof vi.fn>;
		load: ReturnType<typeof vi.fn>;
	};
	util: {
		getUrl( title: string, params?: Record<string, string> ): string;
		wikiScript( name?: string ): string;
	};
	log: { warn: ReturnType<typeof vi.fn> };
	libs: Record<string, unknown>;
	language?: { getFallbackLanguageChain(): string[]; convertNumber( n: number ): string };
	/** Handlers registered per hook name (for "registered nothing" checks). */
	handlers: Map<string, Handler[]>;
}

/** English messages from i18n/en.json, as the build bundles them. */
export function englishMessages(): Record<string, string> {
	const file = path.resolve( __dirname, '../../../i18n/en.json' );
	const data = JSON.parse( readFileSync( file, 'utf8' ) ) as Record<string, unknown>;
	const out: Record<string, string> = {};
	for ( const [ k, v ] of Object.entries( data ) ) {
		if ( typeof v === 'string' ) {
			out[ k ] = v;
		}
	}
	return out;
}

/** Creates the fake and installs it as the global `mw`. */
export function installFakeMw( config: Record<string, unknown> ): FakeMw {
	const store = new Map<string, string>( Object.entries( englishMessages() ) );
	const handlers = new Map<string, Handler[]>();
	const memory = new Map<string, unknown[]>();
	const fake: FakeMw = {
		config: { get: ( key ) => config[ key ] },
		messages: {
			set( key, value ) {
				if ( typeof key === 'string' ) {
					store.set( key, value ?? '' );
				} else {
					Object.entries( key ).forEach( ( [ k, v ] ) => store.set( k, v ) );
				}
			},
			exists: ( key ) => store.has( key ),
			get: ( key ) => store.get( key ),
		},
		message( key, ...params ) {
			return {
				exists: () => store.has( key ),
				text: () => ( store.get( key ) ?? `⧼${ key }⧽` )
					.replace( /\$(\d+)/g, ( m, n: string ) => params[ Number( n ) - 1 ] ?? m ),
			};
		},
		hook( name ) {
			const list = handlers.get( name ) ?? [];
			handlers.set( name, list );
			const hook = {
				add( h: Handler ) {
					list.push( h );
					const remembered = memory.get( name );
					if ( remembered ) {
						h( ...remembered );
					}
					return hook;
				},
				remove( h: Handler ) {
					const i = list.indexOf( h );
					if ( i >= 0 ) {
						list.splice( i, 1 );
					}
					return hook;
				},
				fire( ...args: unknown[] ) {
					memory.set( name, args );
					list.slice().forEach( ( h ) => h( ...args ) );
					return hook;
				},
			};
			return hook;
		},
		loader: {
			using: vi.fn( () => Promise.resolve() ),
			getState: vi.fn( () => 'ready' ),
			getModuleNames: vi.fn( () => [] ),
			load: vi.fn(),
		},
		util: {
			getUrl: ( title, params ) => `/wiki/${ encodeURI( title.replace( / /g, '_' ) ) }` +
				( params ? `?${ new URLSearchParams( params ).toString() }` : '' ),
			wikiScript: ( name ) => name === 'load' ? '/w/load.php' : '/w/api.php',
		},
		log: { warn: vi.fn() },
		libs: {},
		handlers,
	};
	( globalThis as unknown as { mw: FakeMw } ).mw = fake;
	return fake;
}

/** Fires `wikipage.content` with an element, as MediaWiki does (a jQuery-like array). */
export function fireContent( fake: FakeMw, element: Element ): void {
	fake.hook( 'wikipage.content' ).fire( [ element ] );
}
