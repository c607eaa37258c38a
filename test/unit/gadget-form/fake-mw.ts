/**
 * A small fake `mw` for the form's jsdom tests: messages from i18n/en.json (with $n and PLURAL
 * handled simply), an in-memory `mw.storage`, `mw.config`, `mw.util.getUrl`, `mw.hook`,
 * `mw.user.isAnon` and `mw.language.convertNumber` (English digits unless a test sets
 * `convertNumber`). Only what the form uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../../..' );

/** English messages of the repository. */
export const english = JSON.parse( readFileSync( path.join( root, 'i18n/en.json' ), 'utf8' ) ) as
	Record<string, string>;

/** Formats a message the way `mw.message().text()` does for the syntax our messages use. */
export function format( text: string, params: ( string | number )[] ): string {
	return text
		.replace( /\{\{PLURAL:\$(\d+)\|([^|}]*)\|([^}]*)\}\}/g, ( _m, n: string, one: string, other: string ) => Number( params[ Number( n ) - 1 ] ) === 1 ? one : other )
		.replace( /\$(\d+)/g, ( m, n: string ) => {
			const value = params[ Number( n ) - 1 ];
			return value === undefined ? m : String( value );
		} );
}

/** The fake's state, for assertions. */
export interface FakeMw {
	/** What is in mw.storage. */
	storage: Map<string, unknown>;
	/** Hook payloads fired, by name. */
	fired: Map<string, unknown[]>;
	/** Whether the reader is logged out. */
	anon: boolean;
	/** `mw.language.convertNumber`: `String( n )` unless a test replaces it. */
	convertNumber: ( n: number ) => string;
}

/** Installs the fake as `globalThis.mw`; returns its state. */
export function installFakeMw( messages: Record<string, string> = english ): FakeMw {
	const state: FakeMw = {
		storage: new Map(), fired: new Map(), anon: false, convertNumber: ( n ) => String( n ),
	};
	type Message = { exists: () => boolean; text: () => string };
	const message = ( key: string, ...params: ( string | number )[] ): Message => ( {
		exists: () => Object.prototype.hasOwnProperty.call( messages, key ),
		text: () => messages[ key ] === undefined ? `⧼${ key }⧽` : format( messages[ key ] as string, params ),
	} );
	const fake = {
		message,
		config: {
			get: ( name: string ) => ( { wgUserLanguage: 'en' } as Record<string, unknown> )[ name ],
		},
		storage: {
			getObject: ( key: string ) => state.storage.has( key ) ?
				JSON.parse( JSON.stringify( state.storage.get( key ) ) ) as unknown : null,
			setObject: ( key: string, value: unknown ) => {
				state.storage.set( key, JSON.parse( JSON.stringify( value ) ) );
				return true;
			},
			remove: ( key: string ) => state.storage.delete( key ),
		},
		util: {
			getUrl: ( title: string, query?: Record<string, string> ) => `/wiki/${ encodeURIComponent( title.replace( / /g, '_' ) ) }` +
				( query ? `?${ new URLSearchParams( query ).toString() }` : '' ),
		},
		hook: ( name: string ) => ( {
			fire: ( payload: unknown ) => {
				state.fired.set( name, [ ...( state.fired.get( name ) ?? [] ), payload ] );
			},
		} ),
		user: { isAnon: () => state.anon },
		language: { convertNumber: ( n: number ) => state.convertNumber( n ) },
	};
	( globalThis as unknown as { mw: unknown } ).mw = fake;
	return state;
}
