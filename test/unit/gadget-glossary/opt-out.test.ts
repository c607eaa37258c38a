/**
 * The glossary opt-out: a local flag for everyone, the gadget preference for logged-in readers,
 * and the way back restores both (else the next page would not even load the gadget).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GADGET_OPTION, isHighlightingOff, OPT_OUT_KEY } from '../../../gadget/glossary/opt-out.ts';
import { clearOptOut, saveOptOut } from '../../../gadget/popup/opt-out.ts';

interface FakeWiki {
	storage: Map<string, string>;
	options: Map<string, unknown>;
	/** Options as the server has them, in the order the saves arrived. */
	saved: [ string, string | null ][];
	anon: boolean;
}

function install(
	anon: boolean, option: unknown = '1', extra: { named?: boolean; failSaves?: boolean } = {},
): FakeWiki {
	const wiki: FakeWiki = { storage: new Map(), options: new Map(), saved: [], anon };
	wiki.options.set( GADGET_OPTION, option );
	let delay = 20;
	vi.stubGlobal( 'mw', {
		storage: {
			get: ( key: string ) => wiki.storage.has( key ) ? wiki.storage.get( key ) : null,
			set: ( key: string, value: string ) => {
				wiki.storage.set( key, value );
				return true;
			},
			remove: ( key: string ) => {
				wiki.storage.delete( key );
				return true;
			},
		},
		user: {
			isAnon: () => wiki.anon,
			...( extra.named === undefined ? {} : { isNamed: () => extra.named } ),
			options: {
				get: ( key: string ) => wiki.options.get( key ),
				set: ( key: string, value: unknown ) => {
					wiki.options.set( key, value );
				},
			},
		},
		loader: { using: () => Promise.resolve() },
		Api: class {
			public saveOption( name: string, value: string | null ): Promise<void> {
				// Each later request answers sooner: unchained saves would land in reverse order.
				delay = Math.max( 0, delay - 10 );
				return new Promise( ( resolve, reject ) => {
					setTimeout( () => {
						if ( extra.failSaves ) {
							reject( new Error( 'notloggedin' ) );
							return;
						}
						wiki.saved.push( [ name, value ] );
						resolve();
					}, delay );
				} );
			}
		},
	} );
	return wiki;
}

describe( 'glossary opt-out', () => {
	beforeEach( () => {
		vi.unstubAllGlobals();
	} );
	afterEach( () => {
		vi.unstubAllGlobals();
	} );

	it( 'is a local flag only for readers who are not logged in', async () => {
		const wiki = install( true );
		expect( isHighlightingOff() ).toBe( false );
		await saveOptOut();
		expect( wiki.storage.get( OPT_OUT_KEY ) ).toBe( '1' );
		expect( isHighlightingOff() ).toBe( true );
		expect( wiki.saved ).toEqual( [] );
		await clearOptOut();
		expect( isHighlightingOff() ).toBe( false );
		expect( wiki.saved ).toEqual( [] );
	} );

	it( 'saves the gadget preference for logged-in readers and restores it on the way back', async () => {
		const wiki = install( false );
		await saveOptOut();
		expect( wiki.saved ).toEqual( [ [ GADGET_OPTION, '0' ] ] );
		await clearOptOut();
		expect( wiki.saved ).toEqual( [ [ GADGET_OPTION, '0' ], [ GADGET_OPTION, '1' ] ] );
		expect( wiki.storage.has( OPT_OUT_KEY ) ).toBe( false );
		expect( isHighlightingOff() ).toBe( false );
	} );

	it( 'leaves the last choice on the server when off and on follow each other at once', async () => {
		const wiki = install( false );
		const off = saveOptOut();
		const on = clearOptOut();
		await Promise.all( [ off, on ] );
		expect( wiki.saved.map( ( [ , value ] ) => value ) ).toEqual( [ '0', '1' ] );
	} );

	it( 'lets the preference govern once saved, so Special:Preferences can switch it back on', async () => {
		const wiki = install( false );
		await saveOptOut();
		expect( wiki.storage.has( OPT_OUT_KEY ) ).toBe( false );
		// This page view follows the new preference at once.
		expect( isHighlightingOff() ).toBe( true );
		// Switched back on in Special:Preferences: the next page view has option 1 and no flag.
		wiki.options.set( GADGET_OPTION, '1' );
		expect( isHighlightingOff() ).toBe( false );
	} );

	it( 'keeps the local flag when the preference cannot be saved', async () => {
		const wiki = install( false, '1', { failSaves: true } );
		await saveOptOut();
		expect( wiki.storage.get( OPT_OUT_KEY ) ).toBe( '1' );
		expect( isHighlightingOff() ).toBe( true );
	} );

	it( 'treats temporary accounts like logged-out readers (they cannot save options)', async () => {
		const wiki = install( false, '1', { named: false } );
		await saveOptOut();
		expect( wiki.saved ).toEqual( [] );
		expect( wiki.storage.get( OPT_OUT_KEY ) ).toBe( '1' );
		await clearOptOut();
		expect( wiki.saved ).toEqual( [] );
		expect( isHighlightingOff() ).toBe( false );
	} );

	it( 'reads a preference saved as off on the server (the gadget was switched off elsewhere)', () => {
		install( false, '0' );
		expect( isHighlightingOff() ).toBe( true );
	} );

	it( 'turns the local preference back on so this page view marks terms again', async () => {
		const wiki = install( false, '0' );
		await clearOptOut();
		expect( wiki.options.get( GADGET_OPTION ) ).toBe( '1' );
		expect( isHighlightingOff() ).toBe( false );
	} );
} );
