/**
 * Data-driven cases: each `test/fixtures/entries/<name>.txt` is a talk page written by hand and
 * `<name>.expected.json` says which entries (line, fields, extra parameters, signer) and which
 * problems (code, line) parseEntries must find there.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseEntries, type ParseOptions } from '../../../shared/entry/parse.ts';
import { formatEntry } from '../../../shared/entry/format.ts';

const DIR = path.resolve( __dirname, '../../fixtures/entries' );

interface Expected {
	description: string;
	options?: ParseOptions;
	entries: {
		line: number;
		entry: unknown;
		extra: Record<string, string>;
		signature: string | null;
	}[];
	problems: { code: string; line: number; id?: string; dropped: boolean }[];
}

const names = readdirSync( DIR ).filter( ( f ) => f.endsWith( '.txt' ) ).map( ( f ) => f.slice( 0, -4 ) ).sort();

describe( 'parseEntries on hand-written talk pages', () => {
	it( 'has the fixtures', () => {
		expect( names ).toEqual( [ 'archive', 'gadget-thread', 'hand-written', 'localised', 'malformed', 'quoted' ] );
	} );

	for ( const name of names ) {
		const text = readFileSync( path.join( DIR, `${ name }.txt` ), 'utf8' );
		const expected = JSON.parse( readFileSync( path.join( DIR, `${ name }.expected.json` ), 'utf8' ) ) as Expected;

		it( `${ name }: ${ expected.description }`, () => {
			const result = parseEntries( text, expected.options );
			expect( result.entries.map( ( e ) => ( {
				line: e.line,
				entry: e.entry,
				extra: e.extra,
				signature: e.signature ? e.signature.user : null,
			} ) ) ).toEqual( expected.entries );
			expect( result.problems.map( ( p ) => ( {
				code: p.code,
				line: p.line,
				...( p.id ? { id: p.id } : {} ),
				dropped: p.dropped,
			} ) ) ).toEqual( expected.problems );
			for ( const e of result.entries ) {
				expect( text.slice( e.start, e.end ) ).toBe( e.raw );
				expect( e.raw.startsWith( '{{' ) && e.raw.endsWith( '}}' ) ).toBe( true );
			}
		} );

		it( `${ name }: entries written again with formatEntry read back the same`, () => {
			const { entries } = parseEntries( text, expected.options );
			const rewritten = entries.map( ( e ) => formatEntry( e.entry ) ).join( '\n' );
			expect( parseEntries( rewritten ).entries.map( ( e ) => e.entry ) )
				.toEqual( entries.map( ( e ) => e.entry ) );
		} );
	}
} );
