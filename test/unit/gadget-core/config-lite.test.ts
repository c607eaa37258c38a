/**
 * The eager module's small configuration reader agrees with the contract's `parseConfig` and
 * `findDraftByTitle` on everything it reads, and refuses what it cannot trust.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	DEFAULT_STANCES as CONTRACT_STANCES, findDraftByTitle, parseConfig, type Config,
} from '../../../shared/contracts/config.ts';
import {
	DEFAULT_STANCES, findDraft, normalizeTitle, readEagerConfig, type EagerConfig,
} from '../../../gadget/core/config-lite.ts';

const root = path.resolve( __dirname, '../../..' );
const read = ( file: string ): unknown => JSON.parse( readFileSync( path.join( root, file ), 'utf8' ) );
/** A stance reduced to what the eager module reads. */
const idLabel = ( s: { id: string; label: string } ): unknown => ( { id: s.id, label: s.label } );
const documents: [ string, unknown ][] = [
	[ 'shipped', read( 'wiki-content/config/site.json' ) ],
	[ 'fixture', read( 'test/fixtures/contracts/config-site.valid.json' ) ],
	[ 'minimal fixture', read( 'test/fixtures/contracts/config-site.minimal.valid.json' ) ],
];

function full( doc: unknown ): Config {
	const result = parseConfig( doc );
	if ( !result.ok ) {
		throw new Error( 'fixture is invalid' );
	}
	return result.value;
}

describe( 'readEagerConfig', () => {
	it.each( documents )( 'reads the same values as parseConfig (%s)', ( _name, doc ) => {
		const contract = full( doc );
		const eager = readEagerConfig( doc ) as EagerConfig;
		expect( eager ).not.toBeNull();
		expect( eager.drafts ).toEqual( contract.drafts.map( ( d ) => ( {
			id: d.id, title: d.title, sourceLanguage: d.sourceLanguage, sections: d.sections,
		} ) ) );
		expect( eager.languages ).toEqual( contract.languages );
		expect( eager.stances ).toEqual( contract.stances.map( idLabel ) );
		expect( eager.summaryPage ).toBe( contract.pages.summary );
		expect( eager.summaryJson ).toBe( contract.pages.summaryJson );
		expect( eager.contact ).toBe( contract.operator.contact );
	} );

	it( 'repeats the contract\'s default stances exactly', () => {
		expect( DEFAULT_STANCES ).toEqual( CONTRACT_STANCES.map( idLabel ) );
	} );

	it.each( documents )( 'finds the same draft as findDraftByTitle (%s)', ( _name, doc ) => {
		const contract = full( doc );
		const eager = readEagerConfig( doc ) as EagerConfig;
		const titles = contract.drafts.flatMap( ( d ) => [
			d.title, d.title.replace( / /g, '_' ), `${ d.title }/ar`, `${ d.title }/pt-br`, `${ d.title }/xx`,
			`${ d.title }/`, `${ d.title }x`, d.talkPage, d.title.charAt( 0 ).toLowerCase() + d.title.slice( 1 ),
		] );
		// Titles as wgPageName writes them (canonical namespace names); namespace aliases and
		// lower-case namespace names never reach the gadget.
		fc.assert( fc.property( fc.constantFrom( ...titles ), fc.constantFrom( '', '_', ' ' ), ( title, pad ) => {
			const a = findDraftByTitle( contract, pad + title + pad );
			const b = findDraft( eager, pad + title + pad );
			expect( b && { id: b.draft.id, language: b.language, isTranslation: b.isTranslation } )
				.toEqual( a && {
					id: a.draft.id, language: a.language, isTranslation: a.isTranslation,
				} );
		} ) );
	} );

	it( 'refuses documents with a problem in what it reads', () => {
		const good = read( 'wiki-content/config/site.json' ) as Record<string, unknown>;
		const broken = ( change: ( doc: Record<string, unknown> ) => void ): unknown => {
			const copy = JSON.parse( JSON.stringify( good ) ) as Record<string, unknown>;
			change( copy );
			return copy;
		};
		type Doc = Record<string, unknown>;
		const drafts = ( d: Doc ): Doc[] => d.drafts as Doc[];
		for ( const doc of [
			null, 'text', [], {},
			broken( ( d ) => {
				d.version = 2;
			} ),
			broken( ( d ) => {
				d.drafts = 'none';
			} ),
			broken( ( d ) => {
				( drafts( d )[ 0 ] as Record<string, unknown> ).sections = [];
			} ),
			broken( ( d ) => {
				( drafts( d )[ 0 ] as Record<string, unknown> ).id = 'Not An Id';
			} ),
			broken( ( d ) => {
				( drafts( d )[ 1 ] as Record<string, unknown> ).title = 42;
			} ),
			broken( ( d ) => {
				d.languages = [ 'en', 'FR' ];
			} ),
			broken( ( d ) => {
				d.stances = [ { id: 'x' } ];
			} ),
			broken( ( d ) => {
				delete ( d.pages as Record<string, unknown> ).summaryJson;
			} ),
			broken( ( d ) => {
				d.operator = {};
			} ),
		] ) {
			expect( readEagerConfig( doc ) ).toBeNull();
		}
	} );

	it( 'normalises titles as wgPageName compares', () => {
		expect( normalizeTitle( '  leadership_Development  group/x ' ) ).toBe( 'Leadership Development group/x' );
	} );
} );
