/**
 * French typography in the message files: the space before `: ; ! ?` and inside guillemets is a
 * no-break space, so that a line never starts with the punctuation or a lone « (the messages are
 * put into the page as text: MediaWiki's "French spacing" of wikitext does not reach them).
 * No-break space (U+00A0) before `:` and inside « », narrow no-break space (U+202F) before
 * `; ! ?`, as the French typographic rules of the Imprimerie nationale have it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve( __dirname, '../..' );

function messages( code: string ): [ string, string ][] {
	const data = JSON.parse( readFileSync( path.join( root, 'i18n', `${ code }.json` ), 'utf8' ) ) as Record<string, unknown>;
	const texts: [ string, string ][] = [];
	for ( const [ key, value ] of Object.entries( data ) ) {
		if ( key !== '@metadata' && typeof value === 'string' ) {
			texts.push( [ key, value ] );
		}
	}
	return texts;
}

describe( 'French messages', () => {
	it( 'break no line before : ; ! ? » or after «', () => {
		// A narrow space before ":" or a wide one before "; ! ?" would be fine for readers, but
		// the file keeps one rule.
		const wrong = messages( 'fr' ).filter( ( [ , text ] ) => /[ \t][:;!?»]|«[ \t]/.test( text ) ||
			/\u202f:|\u00a0[;!?]/.test( text ) );
		expect( wrong.map( ( [ key ] ) => key ) ).toEqual( [] );
	} );
} );
