/**
 * Security review of the form's readers of untrusted input (docs/gadget.md threat model): the
 * reader's localStorage may hold anything (another script, an older version of the gadget).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftKey, loadDraft } from '../../../gadget/form/storage.ts';
import { installFakeMw, type FakeMw } from './fake-mw.ts';

let fake: FakeMw;
beforeEach( () => {
	fake = installFakeMw();
} );
afterEach( () => {
	delete ( globalThis as { mw?: unknown } ).mw;
} );

describe( 'loadDraft', () => {
	const key = draftKey( 'Draft', 'scope' );

	it( 'drops a stored entry id that is not a well-formed entry id', () => {
		// The id is written into the entry and the talk page is searched for it: a malformed
		// one made formatEntry throw on every preview and save of this section, for 30 days,
		// and wikitext in it must never reach the codec's validator as a candidate.
		for ( const entryId of [ 'x}}[[Category:Spam]]{{', '', '20260101-000000-ABC', ' 20260101-000000-abc' ] ) {
			fake.storage.set( key, { values: { comment: 'hi' }, entryId, mayExist: true } );
			expect( loadDraft( key )?.entryId ).toBeUndefined();
		}
	} );

	it( 'keeps a well-formed stored entry id', () => {
		fake.storage.set( key, { values: { comment: 'hi' }, entryId: '20260101-000000-abc123', mayExist: true } );
		expect( loadDraft( key ) ).toMatchObject( { entryId: '20260101-000000-abc123', mayExist: true } );
	} );
} );
