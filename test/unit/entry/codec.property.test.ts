/**
 * Property tests of the entry codec: parseEntries( formatEntry( e ) ) gives e back (with its
 * texts normalised), also among replies, other templates and signatures; parsing any text
 * never throws and always returns well-formed results.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';

/** Generous: these runs are fixed-size, and the machine running them may be busy. */
const TIMEOUT = 120000;
import { formatEntry } from '../../../shared/entry/format.ts';
import { parseEntries } from '../../../shared/entry/parse.ts';
import { normalizeText } from '../../../shared/entry/escape.ts';
import { newEntryId } from '../../../shared/entry/ids.ts';
import { validateEntry, type FeedbackEntry } from '../../../shared/contracts/entry.ts';
import { STATUSES } from '../../../shared/contracts/status.ts';

const word = fc.stringMatching( /^[a-z0-9]{1,8}$/ );
const identifier = fc.array( word, { minLength: 1, maxLength: 3 } ).map( ( w ) => w.join( '-' ) );

const text = fc.oneof(
	fc.string( { unit: 'grapheme', maxLength: 30 } ),
	fc.string( { unit: 'binary', maxLength: 30 } ),
	fc.string( { unit: fc.constantFrom( ...'{}[]|=~<>!#*:;\'&_- \nabc'.split( '' ) ), maxLength: 30 } ),
);

const entryId = fc.tuple(
	fc.integer( { min: Date.UTC( 2000, 0, 1 ), max: Date.UTC( 2099, 11, 31 ) } ),
	fc.array(
		fc.double( { min: 0, max: 1, maxExcluded: true, noNaN: true } ),
		{ minLength: 6, maxLength: 6 },
	),
).map( ( [ ms, randoms ] ) => {
	let k = 0;
	return newEntryId( new Date( ms ), () => randoms[ k++ ] ?? 0 );
} );

const entryArb: fc.Arbitrary<FeedbackEntry> = fc.record( {
	version: fc.constant( 1 as const ),
	id: entryId,
	page: text.filter( ( t ) => t.trim() !== '' ),
	source: text.filter( ( t ) => t.trim() !== '' ),
	section: identifier,
	rev: fc.nat(),
	stance: identifier,
	rubric: fc.dictionary( identifier, fc.oneof( fc.integer( { min: -1000, max: 1000 } ), fc.constant( 'na' as const ) ), { maxKeys: 4 } ),
	region: identifier,
	lang: fc.constantFrom( 'en', 'fr', 'es', 'ar', 'pt-br', 'zh-hans' ),
	comment: text,
	wording: text,
	status: fc.constantFrom( ...STATUSES ),
	statusNote: text,
}, { requiredKeys: [ 'version', 'id' ] } );

/** What the entry reads back as: texts normalised, empty values and an empty rubric absent. */
function expected( e: FeedbackEntry ): FeedbackEntry {
	const out: Record<string, unknown> = {};
	for ( const [ key, value ] of Object.entries( e ) ) {
		if ( typeof value === 'string' ) {
			const normal = normalizeText( value );
			if ( normal !== '' ) {
				out[ key ] = normal;
			}
		} else if ( key === 'rubric' ) {
			if ( Object.keys( value as object ).length ) {
				out[ key ] = value;
			}
		} else {
			out[ key ] = value;
		}
	}
	return out as unknown as FeedbackEntry;
}

describe( 'formatEntry / parseEntries', () => {
	it( 'reads back every generated entry (2,000 entries)', () => {
		fc.assert( fc.property( entryArb, ( e ) => {
			expect( validateEntry( e ).ok ).toBe( true );
			const line = formatEntry( e );
			expect( line ).not.toContain( '\n' );
			const { entries, problems } = parseEntries( line );
			expect( problems ).toEqual( [] );
			expect( entries ).toHaveLength( 1 );
			expect( entries[ 0 ]?.entry ).toEqual( expected( e ) );
			expect( entries[ 0 ]?.extra ).toEqual( {} );
		} ), { numRuns: 2000 } );
	}, TIMEOUT );

	it( 'finds several entries among replies, signatures and other calls (300 pages)', () => {
		const unique = { minLength: 1, maxLength: 5, selector: ( e: FeedbackEntry ) => e.id };
		const page = fc.uniqueArray( entryArb, unique )
			.chain( ( list ) => fc.tuple(
				fc.constant( list ),
				fc.array( text, { minLength: list.length, maxLength: list.length } ),
			) );
		fc.assert( fc.property( page, ( [ list, replies ] ) => {
			const lines: string[] = [ '== Feedback ==' ];
			list.forEach( ( e, k ) => {
				lines.push( `${ formatEntry( e ) } [[User:Alice ${ k }|Alice]] ([[User talk:Alice ${ k }|talk]]) 14:22, 29 November 2026 (UTC)` );
				// A reply quoting the entry's text raw must not disturb anything.
				lines.push( `:{{tq|${ ( replies[ k ] ?? '' ).replace( /\n/g, ' ' ) }}} [[User:Bob|Bob]]` );
			} );
			const { entries } = parseEntries( lines.join( '\n' ) );
			// Replies are arbitrary wikitext, so they may swallow later lines (an unclosed
			// comment, say); what is found must be right and in order.
			expect( entries.length ).toBeGreaterThanOrEqual( 1 );
			expect( entries[ 0 ]?.entry ).toEqual( expected( list[ 0 ] as FeedbackEntry ) );
			expect( entries[ 0 ]?.signature?.user ).toBe( 'Alice 0' );
			for ( const found of entries ) {
				const k = list.findIndex( ( e ) => e.id === found.entry.id );
				expect( found.entry ).toEqual( expected( list[ k ] as FeedbackEntry ) );
			}
		} ), { numRuns: 300 } );
	}, TIMEOUT );

	it( 'never throws on arbitrary text and returns well-formed results (3,000 texts)', () => {
		const fragments = fc.array( fc.oneof(
			fc.constantFrom( '{{', '}}', '{{{', '}}}', '[[', ']]', '|', '=', '\n', '-{', '}-', '<!--', '-->',
				'\x3Cnowiki>', '\x3C/nowiki>', '<pre>', '</pre>', '<blockquote>', '</blockquote>',
				'<includeonly>', '<ref name=a/>', '{{LDWG feedback entry', '|id=20261129-142233-abcdef',
				'|v=2', '|id=', '[[User:X|X]]', '[[Special:Contributions/1.2.3.4|x]]', ' ',
				// Parameter names that are Object.prototype members.
				'|constructor=', '|__proto__=', '|r-constructor=' ),
			fc.string( { unit: 'binary', maxLength: 8 } ),
		), { maxLength: 30 } ).map( ( a ) => a.join( '' ) );
		fc.assert( fc.property( fragments, ( page ) => {
			const { entries, problems } = parseEntries( page );
			const lines = page.split( '\n' ).length;
			expect( problems.every( ( p ) => p.code !== 'parser-error' ) ).toBe( true );
			for ( const p of problems ) {
				expect( p.line ).toBeGreaterThanOrEqual( 1 );
				expect( p.line ).toBeLessThanOrEqual( lines );
			}
			const ids = new Set<string>();
			for ( const found of entries ) {
				expect( validateEntry( found.entry ).ok ).toBe( true );
				expect( page.slice( found.start, found.end ) ).toBe( found.raw );
				expect( ids.has( found.entry.id ) ).toBe( false );
				ids.add( found.entry.id );
			}
		} ), { numRuns: 3000 } );
	}, TIMEOUT );
} );
