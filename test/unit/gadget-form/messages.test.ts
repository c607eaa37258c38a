// @vitest-environment jsdom
/**
 * The form's message helper: numbers in the interface language's digits, strings as given.
 * That `{{PLURAL}}` then picks the right Arabic form from those digits is MediaWiki's work,
 * checked against the real wiki in test/browser/form.test.ts (the Arabic form).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeMw, type FakeMw } from './fake-mw.ts';
import { msg } from '../../../gadget/form/messages.ts';

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

describe( 'msg', () => {
	let fake: FakeMw;
	beforeEach( () => {
		fake = installFakeMw( { 'x-limit': 'at most $1, remove $2', 'x-label': 'on “$1”' } );
		// What mediawiki.language does for Arabic: its digits and its thousands separator.
		fake.convertNumber = ( n ) => n.toLocaleString( 'en' ).replace( /\d/g, ( d ) => ARABIC_DIGITS[ Number( d ) ] as string )
			.replace( /,/g, '٬' );
	} );

	it( 'writes number parameters in the interface language’s digits', () => {
		expect( msg( 'x-limit', 5000, 12 ) ).toBe( 'at most ٥٬٠٠٠, remove ١٢' );
	} );

	it( 'leaves text parameters alone, digits included', () => {
		// A section title such as "Step 2" is the draft's text, not a number to convert.
		expect( msg( 'x-label', 'Step 2' ) ).toBe( 'on “Step 2”' );
	} );
} );
