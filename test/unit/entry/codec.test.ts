/**
 * Unit tests of the entry codec's parts: the contract and its fixtures, ids, formatEntry's output,
 * the encoding table, parsing details and signatures.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
	ENTRY_VERSION,
	parseEntryJson,
	validateEntry,
	type FeedbackEntry,
} from '../../../shared/contracts/entry.ts';
import { ENTRY_TEMPLATE, formatEntry } from '../../../shared/entry/format.ts';
import { parseEntries } from '../../../shared/entry/parse.ts';
import {
	decodeParameterValue,
	decodeText,
	encodeText,
	normalizeText,
	phpTrim,
} from '../../../shared/entry/escape.ts';
import { entryAnchor, entryIdTime, isEntryId, newEntryId } from '../../../shared/entry/ids.ts';
import { findSignature, userFromLinkTarget } from '../../../shared/entry/signature.ts';
import * as api from '../../../shared/index.ts';

const CONTRACTS = path.resolve( __dirname, '../../fixtures/contracts' );
const load = ( name: string ): unknown => JSON.parse( readFileSync( path.join( CONTRACTS, name ), 'utf8' ) );

const ENTRY: FeedbackEntry = {
	version: 1,
	id: '20261129-142233-k3f9q2',
	page: 'Draft/fr',
	source: 'Draft',
	section: 'leader',
	rev: 42,
	stance: 'support',
	rubric: { useful: 4, written: 'na' },
	region: 'south-asia',
	lang: 'fr',
	comment: 'Bien ?',
	wording: 'Texte',
	status: 'declined',
	statusNote: 'Non',
};

describe( 'entry contract', () => {
	it( 'accepts the valid fixtures', () => {
		for ( const name of [ 'entry.valid.json', 'entry.minimal.valid.json' ] ) {
			const result = validateEntry( load( name ) );
			expect( result.problems, name ).toEqual( [] );
			expect( result.ok ).toBe( true );
		}
	} );

	it( 'reports every problem of the invalid fixtures with its path', () => {
		const names = readdirSync( CONTRACTS ).filter( ( f ) => f.startsWith( 'entry.invalid-' ) ).sort();
		expect( names ).toEqual( [ 'entry.invalid-fields.json', 'entry.invalid-structure.json', 'entry.invalid-version.json' ] );
		for ( const name of names ) {
			const fixture = load( name ) as { document: unknown; problems: string[] };
			const result = validateEntry( fixture.document );
			expect( result.ok, name ).toBe( false );
			expect( result.problems.map( ( p ) => p.path ), name ).toEqual( fixture.problems );
		}
	} );

	it( 'never throws, whatever the value', () => {
		for ( const value of [ null, undefined, 3, 'x', [], [ 1 ], { version: 1 }, { version: '1', id: 3 } ] ) {
			expect( validateEntry( value ).ok ).toBe( false );
		}
		expect( parseEntryJson( '{ not json' ).problems[ 0 ]?.message ).toMatch( /not valid JSON/ );
		expect( parseEntryJson( JSON.stringify( ENTRY ) ).ok ).toBe( true );
	} );

	it( 'is exported from the public API', () => {
		expect( api.formatEntry ).toBe( formatEntry );
		expect( api.parseEntries ).toBe( parseEntries );
		expect( api.ENTRY_VERSION ).toBe( ENTRY_VERSION );
	} );
} );

describe( 'entry ids', () => {
	it( 'are made from the clock and the random source, in UTC', () => {
		const values = [ 0, 0.5, 0.999999, 0.1, 0.97, 0.03 ];
		let k = 0;
		const id = newEntryId( new Date( '2026-11-29T14:22:33.900Z' ), () => values[ k++ ] ?? 0 );
		expect( id ).toBe( '20261129-142233-0iz3y1' );
		expect( isEntryId( id ) ).toBe( true );
		expect( entryIdTime( id )?.toISOString() ).toBe( '2026-11-29T14:22:33.000Z' );
		expect( entryAnchor( id ) ).toBe( 'ldwg-entry-20261129-142233-0iz3y1' );
	} );

	it( 'clamp a misbehaving random source', () => {
		expect( newEntryId( new Date( 0 ), () => 1 ) ).toBe( '19700101-000000-zzzzzz' );
		expect( newEntryId( new Date( 0 ), () => -5 ) ).toBe( '19700101-000000-000000' );
		expect( newEntryId( new Date( 0 ), () => Number.NaN ) ).toBe( '19700101-000000-000000' );
	} );

	it( 'sort by time as strings', () => {
		const a = newEntryId( new Date( '2026-01-02T03:04:05Z' ), () => 0.9 );
		const b = newEntryId( new Date( '2026-01-02T03:04:06Z' ), () => 0.1 );
		expect( [ b, a ].sort() ).toEqual( [ a, b ] );
	} );

	it( 'refuse malformed ids and impossible times', () => {
		for ( const bad of [ '', 'x', '20261129-142233', '20261129-142233-', '20261129-142233-ABC',
			'20261329-142233-abc', '20260230-142233-abc', '20261129-242233-abc', '20261129-146033-abc',
			'20261129-142233-abc def', ' 20261129-142233-abc', '20261129-142233-' + 'a'.repeat( 33 ) ] ) {
			expect( isEntryId( bad ), bad ).toBe( false );
		}
		for ( const good of [ '20261129-142233-nojs', '20240229-000000-a', '20261231-235960-leap' ] ) {
			expect( isEntryId( good ), good ).toBe( true );
		}
	} );
} );

describe( 'formatEntry', () => {
	it( 'writes one template call on one line, fields in a fixed order', () => {
		expect( formatEntry( ENTRY ) ).toBe(
			'{{LDWG feedback entry|v=1|id=20261129-142233-k3f9q2|page=Draft/fr|source=Draft|section=leader|rev=42|' +
			'stance=support|r-useful=4|r-written=na|region=south-asia|lang=fr|comment=Bien&#32;?|wording=Texte|' +
			'status=declined|status-note=Non}}',
		);
	} );

	it( 'ignores unknown fields, leaves out empty ones and takes another template name', () => {
		const entry = { version: 1, id: ENTRY.id, comment: '', mood: 'x' } as FeedbackEntry;
		expect( formatEntry( entry, { template: 'Feedback' } ) ).toBe( `{{Feedback|v=1|id=${ ENTRY.id }}}` );
		expect( ENTRY_TEMPLATE ).toBe( 'LDWG feedback entry' );
	} );

	it( 'refuses an entry that breaks the contract, saying why', () => {
		expect( () => formatEntry( { ...ENTRY, id: 'nope' } ) ).toThrow( /\$\.id/ );
		expect( () => formatEntry( { ...ENTRY, rubric: { 'a|b': 1 } } ) ).toThrow( TypeError );
	} );
} );

describe( 'encodeText', () => {
	it( 'encodes the documented table', () => {
		expect( encodeText( "{}[]|<>&~_':=!#*;" ) ).toBe(
			'&#123;&#125;&#91;&#93;&#124;&#60;&#62;&#38;&#126;&#95;&#39;&#58;&#61;&#33;&#35;&#42;&#59;' );
		expect( encodeText( 'a\nb\tc\r\nd' ) ).toBe( 'a&#10;b&#9;c&#10;d' );
		expect( encodeText( ' two  spaces ' ) ).toBe( '&#32;two  spaces&#32;' );
		expect( encodeText( '- a-b' ) ).toBe( '&#45; a-b' );
		expect( encodeText( 'Quoi ? 5 % « oui » ‹ a ›' ) ).toBe( 'Quoi&#32;? 5&#32;% «&#32;oui&#32;» ‹&#32;a&#32;›' );
		expect( encodeText( 'ISBN 1, RFC 2, PMID 3, ISBNISBN' ) ).toBe( 'ISB&#78; 1, RF&#67; 2, PMI&#68; 3, ISB&#78;ISB&#78;' );
		expect( encodeText( '\u0000\u007f\u0085\ufffe\u202e\u2028' ) ).toBe( '&#0;&#127;&#133;&#65534;&#8238;&#8232;' );
		expect( encodeText( '\u0338x' ) ).toBe( '&#824;x' );
		expect( encodeText( 'Plain text, with "quotes", (brackets), 100/200 and émoji 😀.' ) )
			.toBe( 'Plain text, with "quotes", (brackets), 100/200 and émoji 😀.' );
	} );

	it( 'normalises to NFC and LF, and replaces unpaired surrogates', () => {
		expect( normalizeText( 'e\u0301\r\n\r\ud800x\udc00' ) ).toBe( 'é\n\n\ufffdx\ufffd' );
		expect( decodeText( encodeText( 'e\u0301' ) ) ).toBe( 'é' );
	} );
} );

describe( 'decoding values written by hand', () => {
	it( 'decodes references and common named entities, keeps the rest as typed', () => {
		expect( decodeText( '&#65;&#x42;&#X43; &amp;&lt;&gt;&quot;&nbsp;&bogus; &#xD800; &#99999999; & a' ) )
			.toBe( 'ABC &<>"\u00a0&bogus; &#xD800; &#99999999; & a' );
	} );

	it( 'reads a parameter as MediaWiki does: comments out, PHP trim, nowiki content kept', () => {
		const nw = ( s: string ): string => `\x3Cnowiki>${ s }\x3C/nowiki>`;
		expect( decodeParameterValue( ` \u00a0 ${ nw( ' {{x}} ' ) } <!-- c --> \n` ) ).toBe( '\u00a0  {{x}} ' );
		expect( decodeParameterValue( ' positional ', { named: false } ) ).toBe( ' positional ' );
		expect( decodeParameterValue( 'a<!-- unclosed' ) ).toBe( 'a' );
		// Inside nowiki a comment is text, shown as typed; outside it, nowiki in a comment is gone.
		expect( decodeParameterValue( `a ${ nw( '<!-- kept -->' ) } b` ) ).toBe( 'a <!-- kept --> b' );
		expect( decodeParameterValue( `a<!-- ${ nw( 'x' ) } -->b` ) ).toBe( 'ab' );
		expect( phpTrim( '\u3000 x \u3000' ) ).toBe( '\u3000 x \u3000' );
	} );
} );

describe( 'parseEntries details', () => {
	const line = formatEntry( ENTRY );

	it( 'gives line numbers, offsets and raw text', () => {
		const text = `a\nb\n${ line } [[User:X|X]]`;
		const [ found ] = parseEntries( text ).entries;
		expect( found?.line ).toBe( 3 );
		expect( found?.endLine ).toBe( 3 );
		expect( found?.raw ).toBe( line );
		expect( found?.signature ).toMatchObject( { user: 'X', kind: 'user', line: 3, timestamp: null } );
	} );

	it( 'matches the template name as MediaWiki does, and configured aliases', () => {
		const body = `|id=${ ENTRY.id }}}`;
		expect( parseEntries( `{{lDWG_feedback__entry ${ body }` ).entries ).toHaveLength( 1 );
		expect( parseEntries( `{{template:LDWG feedback entry${ body }` ).entries ).toHaveLength( 1 );
		expect( parseEntries( `{{:Template:LDWG feedback entry${ body }` ).entries ).toHaveLength( 1 );
		expect( parseEntries( `{{User:LDWG feedback entry${ body }` ).entries ).toHaveLength( 0 );
		expect( parseEntries( `{{:LDWG feedback entry${ body }` ).entries ).toHaveLength( 0 );
		expect( parseEntries( `{{Feedback${ body }`, { template: 'Feedback' } ).entries ).toHaveLength( 1 );
		expect( parseEntries( `{{Feedback${ body }` ).entries ).toHaveLength( 0 );
	} );

	it( 'splits parameters only at the call\'s own level', () => {
		const text = `{{LDWG feedback entry|id=${ ENTRY.id }|comment=a {{x|y=z}} [[l|m]] b|stance=oppose}}`;
		const [ found ] = parseEntries( text ).entries;
		expect( found?.entry.comment ).toBe( 'a {{x|y=z}} [[l|m]] b' );
		expect( found?.entry.stance ).toBe( 'oppose' );
	} );

	it( 'reports a call never closed, and what follows still counts', () => {
		const text = `{{LDWG feedback entry|id=20261129-000000-aaaa|comment=x\n${ line }`;
		const result = parseEntries( text );
		expect( result.problems.map( ( p ) => [ p.code, p.line ] ) ).toEqual( [ [ 'unterminated', 1 ] ] );
		expect( result.entries.map( ( e ) => e.line ) ).toEqual( [ 2 ] );
	} );

	it( 'keeps parameters named like Object.prototype members as unknown ones', () => {
		// `parse` guards against internal errors with a `parser-error`; a parameter such as
		// `constructor` must not reach that guard, which would drop every entry on the page.
		const text = `${ line }\n{{LDWG feedback entry|id=20261129-000000-aaaa|constructor=a|toString=b|__proto__=c}}`;
		const result = parseEntries( text );
		expect( result.problems ).toEqual( [] );
		expect( result.entries ).toHaveLength( 2 );
		const extra = result.entries[ 1 ]?.extra ?? {};
		expect( Object.keys( extra ) ).toEqual( [ 'constructor', 'toString', '__proto__' ] );
		expect( Object.getPrototypeOf( extra ) ).toBe( Object.prototype );
		expect( Object.entries( extra ) ).toEqual( [ [ 'constructor', 'a' ], [ 'toString', 'b' ], [ '__proto__', 'c' ] ] );
	} );

	it( 'never throws on odd input', () => {
		for ( const odd of [ '', '{{', '}}', '{{{{{{', '<', '<!--', '\x3Cnowiki>', '{{LDWG feedback entry', '[[{{]]}}', '\u0000' ] ) {
			// parseEntries catches its own errors, so also check none happened inside.
			expect( parseEntries( odd ).problems.map( ( p ) => p.code ) ).not.toContain( 'parser-error' );
		}
		expect( parseEntries( 42 as unknown as string ).entries ).toEqual( [] );
	} );
} );

describe( 'signatures', () => {
	it( 'names users from user, talk and contributions links', () => {
		expect( userFromLinkTarget( 'User:alice_smith' ) ).toEqual( { user: 'Alice smith', kind: 'user' } );
		expect( userFromLinkTarget( ' user talk : Bob ' ) ).toEqual( { user: 'Bob', kind: 'user-talk' } );
		expect( userFromLinkTarget( 'Special:Contributions/192.0.2.1' ) ).toEqual( { user: '192.0.2.1', kind: 'contributions' } );
		expect( userFromLinkTarget( 'Special:Contribs/2001:db8::1' ) ).toEqual( { user: '2001:DB8::1', kind: 'contributions' } );
		expect( userFromLinkTarget( 'User:Ali%C3%A9' ) ).toEqual( { user: 'Alié', kind: 'user' } );
		expect( userFromLinkTarget( 'User:A&#108;ice#top' ) ).toEqual( { user: 'Alice', kind: 'user' } );
		expect( userFromLinkTarget( 'User:100%' ) ).toEqual( { user: '100%', kind: 'user' } );
		for ( const not of [ 'User:Alice/Sig', 'Main Page', 'Special:Random/x', 'm:User:Alice', 'User:' ] ) {
			expect( userFromLinkTarget( not ), not ).toBeNull();
		}
		expect( userFromLinkTarget( 'Utilisatrice:Alice', { user: [ 'Utilisatrice' ] } ) ).toEqual( { user: 'Alice', kind: 'user' } );
	} );

	it( 'takes the last user link before the timestamp, on the same or the next plain line', () => {
		const same = 'X}} see [[User:Carol]] [[User:Bob|Bob]] 14:22, 29 November 2026 (UTC) [[User:Eve]]';
		expect( findSignature( same, 3, 1 ) ).toMatchObject( { user: 'Bob', users: [ 'Carol', 'Bob' ], timestamp: '14:22, 29 November 2026 (UTC)' } );
		expect( findSignature( 'X}}\n[[User:Bob]]', 3, 1 )?.line ).toBe( 2 );
		expect( findSignature( 'X}}\n:[[User:Bob]]', 3, 1 ) ).toBeNull();
		expect( findSignature( 'X}}\n\n[[User:Bob]]', 3, 1 ) ).toBeNull();
		expect( findSignature( 'X}} 14:22, 29 November 2026 (UTC)\n[[User:Bob]]', 3, 1 ) ).toBeNull();
	} );
} );
