/**
 * Telling temporary accounts apart: `mw.user.isTemp()` where MediaWiki has it (1.40+), `false`
 * on the local 1.39 wiki, whose `mw.user` has no such function.
 */
import { describe, expect, it } from 'vitest';
import { isTempUser } from '../../../gadget/form/reader.ts';

describe( 'isTempUser', () => {
	it( 'asks mw.user.isTemp() where it exists', () => {
		expect( isTempUser( { isTemp: () => true } ) ).toBe( true );
		expect( isTempUser( { isTemp: () => false } ) ).toBe( false );
	} );

	it( 'is false on MediaWiki 1.39, which has no mw.user.isTemp', () => {
		expect( isTempUser( {} ) ).toBe( false );
	} );
} );
