/**
 * Property tests of the text encoding: every text round-trips, and the encoded form can inject
 * nothing. The safety check below is written independently of the encoder (it looks for the
 * dangerous sequences themselves, not for the encoder's character set).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

/** Generous: these runs are fixed-size, and the machine running them may be busy. */
const TIMEOUT = 120000;
import { decodeText, encodeText, normalizeText } from '../../../shared/entry/escape.ts';

/** Texts from all of Unicode, in several shapes. */
const unicodeText = fc.oneof(
	fc.string( { unit: 'grapheme', maxLength: 40 } ),
	fc.string( { unit: 'grapheme-composite', maxLength: 40 } ),
	fc.string( { unit: 'binary', maxLength: 40 } ),
	// Lone surrogates, combining marks, bidi controls, line breaks and controls mixed in.
	fc.string( {
		unit: fc.oneof(
			fc.integer( { min: 0xd800, max: 0xdfff } ).map( ( u ) => String.fromCharCode( u ) ),
			fc.integer( { min: 0x0300, max: 0x036f } ).map( ( c ) => String.fromCodePoint( c ) ),
			fc.constantFrom( '\u0338', '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u061c', '\u2028', '\u2029' ),
			fc.constantFrom( '\r\n', '\r', '\n', '\t', '\x7f', '\0', '\x0b', '\x0c', '\x85', '\ufffe', '\uffff' ),
			fc.constantFrom( 'ا', 'ب', 'ש', 'é', 'e', '한', '\u1100', '\u1161', '😀', '👩‍👩‍👧', '=', '<', '>' ),
		),
		maxLength: 40,
	} ),
);

/** Texts over a wiki-syntax-heavy alphabet. */
const wikiText = fc.string( {
	unit: fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom( ...'{}[]|=~<>!#*:;\'&_- '.split( '' ) ) },
		{ weight: 2, arbitrary: fc.constantFrom( ...'?%»«›‹/\n\tae1'.split( '' ) ) },
		{ weight: 2, arbitrary: fc.constantFrom( 'ISBN ', 'RFC ', 'PMID ', 'http', 'mailto', '://', '__TOC__', '~~~~', '-{', '}-', '&#', '&amp;', '&#x41;', 'nowiki', '!--', 'script', 'REDIRECT', '----', '{|', '|}', '\u007fUNIQ' ) },
	),
	maxLength: 50,
} );

/** Everything that could turn encoded text into markup; an empty list means safe. */
function dangers( enc: string ): string[] {
	const found: string[] = [];
	for ( const seq of [ '{{', '}}', '{|', '|}', '[[', ']]', '|', '~~~', '<', '>', '__', '://', "''", '-{', '}-', '{', '}', '[', ']', '\n', '\r' ] ) {
		if ( enc.includes( seq ) ) {
			found.push( JSON.stringify( seq ) );
		}
	}
	// eslint-disable-next-line no-control-regex -- control characters are what we look for
	if ( /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/.test( enc ) ) {
		found.push( 'control character' );
	}
	if ( /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test( enc ) ) {
		found.push( 'bidi control or line separator' );
	}
	if ( /ISBN|RFC|PMID/.test( enc ) ) {
		found.push( 'magic link keyword' );
	}
	// eslint-disable-next-line no-control-regex -- PHP's trim() set, control characters included
	if ( /^[ \t\n\r\0\x0b]|[ \t\n\r\0\x0b]$/.test( enc ) ) {
		found.push( 'whitespace MediaWiki would trim' );
	}
	if ( /^[-#*:;= !]/.test( enc ) ) {
		found.push( 'line-start markup' );
	}
	if ( / (?=[?:;!%»›])|[«‹] /.test( enc ) ) {
		found.push( 'space MediaWiki would turn into a no-break space' );
	}
	// Every ampersand must start a numeric reference to a character MediaWiki keeps as such or
	// shows as text; a named entity or a bare & would be reinterpreted.
	const amps = enc.split( '&' ).length - 1;
	const refs = ( enc.match( /&#[0-9]+;/g ) ?? [] ).length;
	if ( amps !== refs ) {
		found.push( 'ampersand that is not a numeric reference' );
	}
	for ( const m of enc.match( /&#[0-9]+;/g ) ?? [] ) {
		const cp = Number( m.slice( 2, -1 ) );
		if ( cp > 0x10ffff || ( cp >= 0xd800 && cp <= 0xdfff ) ) {
			found.push( `reference to a non-character ${ m }` );
		}
	}
	// MediaWiki normalises saved text to NFC: the parameter must survive that unchanged.
	const inCall = `|comment=${ enc }|`;
	if ( inCall.normalize( 'NFC' ) !== inCall ) {
		found.push( 'not stable under NFC next to the parameter syntax' );
	}
	return found;
}

const RUNS = 3000;

describe( 'encodeText / decodeText', () => {
	for ( const [ name, arbitrary ] of [
		[ 'grapheme, composite, binary and hostile Unicode', unicodeText ],
		[ 'wiki-syntax-heavy alphabet', wikiText ],
		[ 'mixed', fc.array( fc.oneof( unicodeText, wikiText ), { maxLength: 4 } ).map( ( a ) => a.join( '' ) ) ],
		[ 'long grapheme strings', fc.string( { unit: 'grapheme', minLength: 50, maxLength: 200 } ) ],
	] as const ) {
		it( `round-trips and injects nothing (${ name }, ${ RUNS } texts)`, () => {
			fc.assert( fc.property( arbitrary, ( text ) => {
				const enc = encodeText( text );
				expect( decodeText( enc ) ).toBe( normalizeText( text ) );
				expect( dangers( enc ) ).toEqual( [] );
			} ), { numRuns: RUNS } );
		}, TIMEOUT );
	}

	it( 'normalizeText is idempotent and encoding normalises first', () => {
		fc.assert( fc.property( fc.oneof( unicodeText, wikiText ), ( text ) => {
			const once = normalizeText( text );
			expect( normalizeText( once ) ).toBe( once );
			expect( encodeText( once ) ).toBe( encodeText( text ) );
		} ), { numRuns: 500 } );
	}, TIMEOUT );

	it( 'the checker itself catches what it must (it can fail)', () => {
		expect( dangers( '{{x}}' ) ).not.toEqual( [] );
		expect( dangers( 'a ~~~~' ) ).not.toEqual( [] );
		expect( dangers( 'see ISBN 123' ) ).not.toEqual( [] );
		expect( dangers( ' lead' ) ).not.toEqual( [] );
		expect( dangers( 'a&amp;b' ) ).not.toEqual( [] );
		expect( dangers( '\u0338x' ) ).not.toEqual( [] );
		expect( dangers( 'plain text, fine.' ) ).toEqual( [] );
	} );
} );
