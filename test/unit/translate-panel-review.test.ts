// @vitest-environment jsdom
/**
 * The translator panel and the Special:Translate helper render whatever the glossary holds as
 * text: the glossary is edited by anyone on the wiki, and a term or alias written as markup
 * (`<img onerror>`, compiled from `&lt;img …&gt;`) must show as those characters, never become
 * an element. Also: an equivalent in a right-to-left language keeps its own `lang` and `dir`
 * inside a left-to-right panel.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledGlossary } from '../../shared/contracts/glossary.ts';
import {
	analyseTranslation, renderUses, updateEditorHelper,
} from '../../gadget/popup/translator.ts';
import type { Msg } from '../../gadget/popup/render.ts';

const msg: Msg = ( key, ...params ) => `(${ key }${ params.length ? `: ${ params.join( '|' ) }` : '' })`;
const EVIL = '<img src=x onerror="alert(1)">';

function hostile(): CompiledGlossary {
	return {
		version: 1,
		generated: '2026-11-30T00:00:00Z',
		sourceLanguage: 'en',
		languages: [ 'en', 'ar' ],
		concepts: [ {
			id: 'leader',
			type: 'leadership-type',
			status: 'contested',
			related: [],
			entries: {
				en: { term: `leader ${ EVIL }`, aliases: [ 'leader' ], definition: EVIL },
				ar: { term: `قائد ${ EVIL }`, aliases: [ '<script>alert(2)</script>' ], definition: EVIL },
			},
		} ],
	};
}

describe( 'translator help with hostile glossary content', () => {
	it( 'renders terms and aliases of the panel as text, with their own lang and dir', () => {
		const uses = analyseTranslation( hostile(), 'A leader.', 'نص', 'ar' );
		expect( uses.map( ( u ) => u.conceptId ) ).toEqual( [ 'leader' ] );
		const table = renderUses( document, uses, 'en', 'ar', msg );
		expect( table.querySelector( 'img, script, b' ) ).toBeNull();
		const [ source, approved ] = table.querySelectorAll( 'tbody td span' );
		expect( source?.textContent ).toBe( `leader ${ EVIL }` );
		expect( approved?.textContent ).toBe( `قائد ${ EVIL }(ldwg-glossary-translator-alias-separator) <script>alert(2)</script>` );
		expect( ( approved as HTMLElement ).lang ).toBe( 'ar' );
		expect( ( approved as HTMLElement ).dir ).toBe( 'rtl' );
	} );

	it( 'renders the Special:Translate helper as text too', () => {
		const box = document.createElement( 'div' );
		const uses = analyseTranslation( hostile(), 'A leader.', '', 'ar' );
		updateEditorHelper( document, box, uses, 'en', 'ar', msg );
		expect( box.querySelector( 'img, script' ) ).toBeNull();
		expect( box.textContent ).toContain( EVIL );
	} );
} );
