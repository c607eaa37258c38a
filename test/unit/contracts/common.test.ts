/**
 * The common little schemas: titles, user names, language codes and dates, compared with what
 * MediaWiki itself accepts and how it normalises.
 */
import { describe, it, expect } from 'vitest';
import {
	normalizeTitle, normalizeUsername, talkPageOf, titleProblem, isLanguageCode, isIsoDate,
	isIsoTimestamp, utcDay, pageTitle, username,
} from '../../../shared/contracts/common.ts';
import { pathKey, type Problem } from '../../../shared/validate.ts';

describe( 'titles', () => {
	it.each( [
		[ 'foo_bar', 'Foo bar' ],
		[ '  talk:foo__bar ', 'Talk:Foo bar' ],
		[ 'user talk:LDWG-bot', 'User talk:LDWG-bot' ],
		[ 'mediawiki:Gadget-ldwg-config.json', 'MediaWiki:Gadget-ldwg-config.json' ],
		[ 'Unknownprefix:foo', 'Unknownprefix:foo' ],
		[ 'élan', 'Élan' ],
		[ '𐐨x', '𐐀x' ],
		// A prefix named like an Object.prototype member is part of the page name, not a namespace.
		[ 'constructor:foo', 'Constructor:foo' ],
	] )( 'normalizeTitle(%j) is %j', ( input, expected ) => {
		expect( normalizeTitle( input ) ).toBe( expected );
	} );

	it.each( [
		[ 'Foo', 'Talk:Foo' ],
		[ 'Project:Foo', 'Project talk:Foo' ],
		[ 'User:Foo', 'User talk:Foo' ],
		[ 'Talk:Foo', 'Talk:Foo' ],
		[ 'Help talk:Foo', 'Help talk:Foo' ],
		[ 'Constructor:Foo', 'Talk:Constructor:Foo' ],
	] )( 'talkPageOf(%j) is %j', ( input, expected ) => {
		expect( talkPageOf( input ) ).toBe( expected );
	} );

	it.each( [ '', '  ', 'a|b', 'a[b', 'a{b', 'a#b', 'a<b', 'a\u0001b', 'a%41', 'a&amp;b', '../x', 'a/./b', ':Foo', 'x'.repeat( 256 ), 'é'.repeat( 128 ) ] )(
		'refuses %j', ( title ) => {
			expect( titleProblem( title ) ).not.toBeNull();
		},
	);

	it.each( [ 'Foo', 'Leadership Development Working Group/Sprint reports/', 'User:LDWG-bot/summary.json', 'a.b', 'é'.repeat( 127 ) ] )(
		'accepts %j', ( title ) => {
			expect( titleProblem( title ) ).toBeNull();
		},
	);

	it( 'keeps the final space of a prefix, not of a title', () => {
		const problems: Problem[] = [];
		expect( pageTitle( { prefix: true } ).check( 'Talk:Foo/Archive_', '$', problems ) ).toBe( 'Talk:Foo/Archive ' );
		expect( pageTitle().check( 'Talk:Foo/Archive_', '$', problems ) ).toBe( 'Talk:Foo/Archive' );
		expect( pageTitle().check( 3, '$', problems ) ).toBeUndefined();
		expect( problems ).toHaveLength( 1 );
	} );
} );

describe( 'user names', () => {
	it( 'normalise like MediaWiki', () => {
		expect( normalizeUsername( ' alice_smith ' ) ).toBe( 'Alice smith' );
	} );

	it.each( [ 'a/b', 'a@b', 'a:b', 'a=b', 'a|b', '', ' ', 'x'.repeat( 86 ) ] )( 'refuses %j', ( name ) => {
		const problems: Problem[] = [];
		expect( username().check( name, '$', problems ) ).toBeUndefined();
		expect( problems ).toHaveLength( 1 );
	} );
} );

describe( 'language codes and dates', () => {
	it( 'recognise MediaWiki language codes', () => {
		expect( [ 'en', 'ar', 'pt-br', 'zh-hans', 'be-tarask', 'yue' ].every( isLanguageCode ) ).toBe( true );
		expect( [ 'EN', 'e', 'english', 'en_GB', 'en-', '', 'fr ' ].some( isLanguageCode ) ).toBe( false );
	} );

	it( 'recognise real dates and timestamps only', () => {
		expect( [ '2024-02-29', '2026-12-31' ].every( isIsoDate ) ).toBe( true );
		expect( [ '2026-02-29', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T00:00:00Z' ].some( isIsoDate ) ).toBe( false );
		expect( [ '2026-11-29T12:00:00Z', '2026-11-29T23:59:59.123Z' ].every( isIsoTimestamp ) ).toBe( true );
		expect( [ '2026-11-29T24:00:00Z', '2026-11-29T12:00:00', '2026-02-30T12:00:00Z', '2026-11-29 12:00:00Z' ].some( isIsoTimestamp ) ).toBe( false );
		expect( utcDay( '2026-11-29T23:00:00Z' ) ).toBe( '2026-11-29' );
		expect( utcDay( 'soon' ) ).toBeNull();
	} );

	it( 'write path keys as the validator does', () => {
		expect( pathKey( 'leader' ) ).toBe( '.leader' );
		expect( pathKey( 'good-leadership' ) ).toBe( '["good-leadership"]' );
	} );
} );
