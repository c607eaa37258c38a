// @vitest-environment jsdom
/**
 * The popup renders untrusted glossary text as text with lang/dir, stays inside the viewport,
 * and the translator helpers find concepts and flag translations that use no approved term.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompiledGlossary } from '../../../shared/contracts/glossary.ts';
import { compileGlossary } from '../../../shared/glossary/compile.ts';
import { buildTermIndex } from '../../../shared/glossary/term-index.ts';
import { renderPopup, type Msg } from '../../../gadget/popup/render.ts';
import { placePopup, GAP, MARGIN, MIN_HEIGHT } from '../../../gadget/popup/position.ts';
import {
	analyseTranslation, analyseTranslationPage, hintCount, readerText, renderUses,
	stripTranslateMarkup, textInLanguage, updateEditorHelper,
} from '../../../gadget/popup/translator.ts';
import type { ConceptUse } from '../../../gadget/popup/translator.ts';
import { languageDir } from '../../../gadget/popup/direction.ts';
import { offerWayBack, SWITCH_ON_ID, type WayBackOptions } from '../../../gadget/popup/switch-on.ts';

const msg: Msg = ( key, ...params ) => `(${ key }${ params.length ? `: ${ params.join( '|' ) }` : '' })`;

const EVIL = '<img src=x onerror="alert(1)"><b>bold</b>';

function glossary( definition = 'A person who helps a group.' ): CompiledGlossary {
	return {
		version: 1,
		generated: '2026-11-29T12:00:00Z',
		sourceLanguage: 'en',
		languages: [ 'en', 'fr', 'ar' ],
		concepts: [ {
			id: 'leader',
			type: 'leadership-type',
			status: 'contested',
			related: [],
			entries: {
				en: { term: 'Leader', aliases: [ 'leaders' ], definition, notes: 'Not only people with titles.' },
				fr: { term: 'Meneur', aliases: [ 'meneuse' ], definition: '' },
				ar: { term: 'قائد', aliases: [], definition: 'شخص يساعد مجموعة.' },
			},
		}, {
			id: 'task-force',
			type: 'other',
			status: 'agreed',
			related: [],
			entries: {
				en: { term: 'task force', aliases: [], definition: 'A small group with a time-bound mandate.' },
				fr: { term: '', aliases: [], definition: '', status: 'missing' },
			},
		} ],
	};
}

const options = {
	id: 'p1',
	textLanguage: 'fr',
	userLanguage: 'fr',
	uiLanguage: 'fr',
	entryUrl: '/wiki/Glossary#leader',
	canDiscuss: true,
};

describe( 'renderPopup', () => {
	it( 'marks its own texts with the language they are in, English where the reader\'s has none', () => {
		const g = glossary();
		// A Hebrew reader: no Hebrew translation of the gadget, so English texts.
		const { root } = renderPopup( document, g, g.concepts[ 0 ]!,
			{ ...options, userLanguage: 'he', uiLanguage: 'en' }, msg );
		expect( [ root.lang, root.dir ] ).toEqual( [ 'en', 'ltr' ] );
		// Language names in the language of the texts around them.
		expect( root.querySelector( '.ldwg-popup-equivalents' )?.textContent ).toContain( 'Arabic' );
	} );

	it( 'explains the term in the reader\'s language where the glossary has it, else in the text\'s', () => {
		const g = glossary();
		// An Arabic reader on the English draft: the term as marked, the Arabic definition.
		const ar = renderPopup( document, g, g.concepts[ 0 ]!,
			{ ...options, textLanguage: 'en', userLanguage: 'ar', uiLanguage: 'ar' }, msg ).root;
		expect( ar.querySelector( '.ldwg-popup-title' )?.textContent ).toBe( 'Leader' );
		const definition = ar.querySelector( '.ldwg-popup-definition' ) as HTMLElement;
		expect( [ definition.textContent, definition.lang, definition.dir ] ).toEqual( [ 'شخص يساعد مجموعة.', 'ar', 'rtl' ] );
		// A German reader (no German entries) of English text: English, where their fallbacks
		// stop.
		const de = renderPopup( document, g, g.concepts[ 0 ]!,
			{ ...options, textLanguage: 'en', userLanguage: 'de', uiLanguage: 'en' }, msg ).root;
		expect( de.querySelector( '.ldwg-popup-definition' )?.getAttribute( 'lang' ) ).toBe( 'en' );
		// A reader with the default English interface on the Arabic translation chose Arabic.
		const enOnAr = renderPopup( document, g, g.concepts[ 0 ]!,
			{ ...options, textLanguage: 'ar', userLanguage: 'en', uiLanguage: 'en' }, msg ).root;
		expect( enOnAr.querySelector( '.ldwg-popup-definition' )?.getAttribute( 'lang' ) ).toBe( 'ar' );
	} );

	it( 'shows term, type, status, definition (with fallback), notes, equivalents and actions', () => {
		const g = glossary();
		const parts = renderPopup( document, g, g.concepts[ 0 ]!, options, msg );
		const { root, discuss, switchOff } = parts;
		expect( root.getAttribute( 'role' ) ).toBe( 'dialog' );
		expect( root.getAttribute( 'aria-labelledby' ) ).toBe( 'p1-title' );
		const title = root.querySelector( '#p1-title' ) as HTMLElement;
		expect( title.textContent ).toBe( 'Meneur' );
		expect( title.lang ).toBe( 'fr' );
		expect( root.textContent ).toContain( '(ldwg-glossary-type-leadership-type)' );
		expect( root.textContent ).toContain( '(ldwg-glossary-status-contested)' );
		// No French definition yet: the English one, marked as English.
		const definition = root.querySelector( '.ldwg-popup-definition' ) as HTMLElement;
		expect( definition.textContent ).toBe( 'A person who helps a group.' );
		expect( definition.lang ).toBe( 'en' );
		const equivalents = Array.from(
			root.querySelectorAll<HTMLElement>( '.ldwg-popup-equivalent' ) );
		expect( equivalents.map( ( e ) => [ e.textContent, e.lang, e.dir ] ) ).toEqual( [
			[ 'Leader', 'en', 'ltr' ], [ 'قائد', 'ar', 'rtl' ],
		] );
		const link = root.querySelector( 'a' ) as HTMLAnchorElement;
		expect( link.getAttribute( 'href' ) ).toBe( '/wiki/Glossary#leader' );
		expect( discuss?.textContent ).toBe( '(ldwg-glossary-popup-discuss)' );
		expect( switchOff.textContent ).toBe( '(ldwg-glossary-popup-switch-off)' );
	} );

	it( 'gives screen readers the type and status chips as two labelled items, not one run of text', () => {
		const g = glossary();
		const { root } = renderPopup( document, g, g.concepts[ 0 ]!, options, msg );
		const chips = root.querySelector( '.ldwg-popup-chips' ) as HTMLElement;
		expect( chips.getAttribute( 'role' ) ).toBe( 'list' );
		// What the accessibility tree holds: each item's text without what is aria-hidden.
		const spoken = ( node: Node ): string => node instanceof Element &&
			node.getAttribute( 'aria-hidden' ) === 'true' ? '' :
			node.nodeType === Node.TEXT_NODE ? node.textContent || '' :
				Array.from( node.childNodes ).map( spoken ).join( '' );
		const items = Array.from( chips.children );
		expect( items.map( ( item ) => [ item.tagName, spoken( item ) ] ) ).toEqual( [
			[ 'LI', '(ldwg-glossary-popup-type: (ldwg-glossary-type-leadership-type))' ],
			[ 'LI', '(ldwg-glossary-popup-status: (ldwg-glossary-status-contested))' ],
		] );
		// Sighted readers see the chips' values, the labels are visually hidden.
		expect( items.map( ( item ) => item.querySelector( '[aria-hidden="true"]' )?.textContent ) )
			.toEqual( [ '(ldwg-glossary-type-leadership-type)', '(ldwg-glossary-status-contested)' ] );
		expect( Array.from( chips.querySelectorAll( '.ldwg-popup-hidden' ) ).length ).toBe( 2 );
	} );

	it( 'leaves out "discuss" when there is no draft to discuss on', () => {
		const g = glossary();
		const noDraft = { ...options, canDiscuss: false };
		const parts = renderPopup( document, g, g.concepts[ 0 ]!, noDraft, msg );
		expect( parts.discuss ).toBeNull();
	} );

	it( 'renders any glossary text as text, never as markup', () => {
		fc.assert( fc.property( fc.oneof( fc.string(), fc.constant( EVIL ) ), ( text ) => {
			const g = glossary( text.trim() ? text : EVIL );
			g.concepts[ 0 ]!.entries.en!.notes = EVIL;
			g.concepts[ 0 ]!.entries.ar!.term = text || EVIL;
			const english = { ...options, textLanguage: 'en' };
			const { root } = renderPopup( document, g, g.concepts[ 0 ]!, english, msg );
			expect( root.querySelector( 'img, b, script' ) ).toBeNull();
			expect( root.textContent ).toContain( EVIL );
		} ), { numRuns: 100 } );
	} );
} );

/** Translate's wrapper around a unit it left untranslated (it shows the source text). */
function untranslated( text: string ): string {
	return `<span lang="en" dir="ltr" class="mw-content-ltr">${ text }</span>`;
}

/**
 * A glossary whose French entry has its term translated but not its aliases (`-`) or notes: the
 * compiler flags the entry `missing`, and only those units are empty.
 */
function partlyTranslated(): CompiledGlossary {
	const entry = ( lines: string[] ): string => [ '{{LDWG glossary entry', '|id=resilience',
		'|type=skill', '|status=agreed', ...lines, '}}' ].join( '\n' );
	return compileGlossary( [ {
		title: 'G', language: 'en', text: entry( [
			'|term=<translate><!--T:1--> Resilience</translate>',
			'|aliases=<translate><!--T:2--> -</translate>',
			'|definition=<translate><!--T:3--> The capacity to recover.</translate>',
			'|notes=<translate><!--T:4--> Shared, not individual.</translate>',
		] ),
	}, {
		title: 'G/fr', language: 'fr', text: entry( [
			'|term=Résilience',
			`|aliases=${ untranslated( '-' ) }`,
			'|definition=La capacité de se relever.',
			`|notes=${ untranslated( 'Shared, not individual.' ) }`,
		] ),
	} ], { generated: '2026-01-01T00:00:00Z' } ).glossary;
}

describe( 'a translated term in an entry with other units untranslated (status missing)', () => {
	function popup( g: CompiledGlossary, textLanguage: string, userLanguage: string ): HTMLElement {
		const at = { ...options, id: 'pm', textLanguage, userLanguage };
		return renderPopup( document, g, g.concepts[ 0 ]!, at, msg ).root;
	}

	it( 'is the term French pages are marked with', () => {
		const g = partlyTranslated();
		expect( g.concepts[ 0 ]!.entries.fr ).toMatchObject( { term: 'Résilience', status: 'missing' } );
		expect( buildTermIndex( g, 'fr' ).terms ).toContainEqual( [ 'Résilience', 'resilience' ] );
	} );

	it( 'titles the popup, while the untranslated notes fall back to English', () => {
		const root = popup( partlyTranslated(), 'fr', 'fr' );
		const title = root.querySelector( '#pm-title' ) as HTMLElement;
		expect( [ title.textContent, title.lang ] ).toEqual( [ 'Résilience', 'fr' ] );
		const definition = root.querySelector( '.ldwg-popup-definition' ) as HTMLElement;
		expect( [ definition.textContent, definition.lang ] ).toEqual( [ 'La capacité de se relever.', 'fr' ] );
		const notes = root.querySelector( '.ldwg-popup-notes p' ) as HTMLElement;
		expect( [ notes.textContent, notes.lang ] ).toEqual( [ 'Shared, not individual.', 'en' ] );
	} );

	it( 'is listed among the equivalents for other readers', () => {
		const root = popup( partlyTranslated(), 'en', 'en' );
		const equivalents = Array.from( root.querySelectorAll<HTMLElement>( '.ldwg-popup-equivalent' ) );
		expect( equivalents.map( ( e ) => [ e.textContent, e.lang ] ) ).toEqual( [ [ 'Résilience', 'fr' ] ] );
	} );

	it( 'is the approved term for translators', () => {
		const uses = analyseTranslation( partlyTranslated(), 'Resilience matters.',
			'La résilience compte.', 'fr' );
		expect( uses ).toEqual( [
			{ conceptId: 'resilience', sourceTerm: 'Resilience', approved: [ 'Résilience' ], used: true, status: 'agreed' },
		] );
	} );

	it( 'titles the popup of the local wiki\'s "equity", whose French notes are untranslated', () => {
		const dir = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '../../../wiki-content/glossary' );
		const title = 'Leadership Development Working Group/Glossary';
		const g = compileGlossary( [ 'en', 'fr' ].map( ( language ) => ( {
			title: language === 'en' ? title : `${ title }/${ language }`,
			language,
			text: readFileSync( path.join( dir, `Glossary.${ language }.wikitext` ), 'utf8' ),
		} ) ), { generated: '2026-01-01T00:00:00Z' } ).glossary;
		const equity = g.concepts.find( ( c ) => c.id === 'equity' )!;
		expect( equity.entries.fr ).toMatchObject( { status: 'missing' } );
		expect( buildTermIndex( g, 'fr' ).terms ).toContainEqual( [ 'Équité des savoirs', 'equity' ] );
		const { root } = renderPopup( document, g, equity, { ...options, id: 'pe' }, msg );
		expect( root.querySelector( '#pe-title' )!.textContent ).toBe( 'Équité des savoirs' );
	} );
} );

describe( 'an outdated (fuzzy) term', () => {
	/** The French term is outdated after a change of the English source; the rest is current. */
	function outdated(): CompiledGlossary {
		const g = glossary();
		g.concepts[ 0 ]!.entries.fr = { term: 'Meneur', aliases: [ 'meneuse' ], definition: 'Une personne.',
			status: 'outdated', termOutdated: true };
		return g;
	}

	it( 'is listed among the equivalents with a warning', () => {
		const g = outdated();
		const english = { ...options, textLanguage: 'en', userLanguage: 'en', uiLanguage: 'en' };
		const { root } = renderPopup( document, g, g.concepts[ 0 ]!, english, msg );
		const items = Array.from( root.querySelectorAll( '.ldwg-popup-equivalents li' ) );
		expect( items.map( ( li ) => li.textContent ) ).toEqual( [
			'Meneur (ldwg-glossary-popup-language: French) (ldwg-glossary-popup-outdated)',
			'قائد (ldwg-glossary-popup-language: Arabic)',
		] );
		const term = items[ 0 ]!.querySelector( '.ldwg-popup-equivalent' ) as HTMLElement;
		expect( [ term.lang, term.dir ] ).toEqual( [ 'fr', 'ltr' ] );
		// The warning is in the interface's language, like the rest of the popup.
		const warning = items[ 0 ]!.querySelector( '.ldwg-popup-outdated' ) as HTMLElement;
		expect( warning.hasAttribute( 'lang' ) ).toBe( false );
	} );

	it( 'is not the title on pages in its language, which are marked with the fallback term', () => {
		const g = outdated();
		expect( buildTermIndex( g, 'fr' ).terms ).toContainEqual( [ 'Leader', 'leader' ] );
		const { root } = renderPopup( document, g, g.concepts[ 0 ]!, options, msg );
		const title = root.querySelector( '#p1-title' ) as HTMLElement;
		expect( [ title.textContent, title.lang ] ).toEqual( [ 'Leader', 'en' ] );
		// A French reader still sees the French equivalent, first and flagged.
		const first = root.querySelector( '.ldwg-popup-equivalents li' ) as HTMLElement;
		expect( first.textContent ).toBe(
			'Meneur (ldwg-glossary-popup-language: français) (ldwg-glossary-popup-outdated)' );
	} );

	it( 'is never the approved term for translators', () => {
		const uses = analyseTranslation( outdated(), 'A leader.', 'Un meneur.', 'fr' );
		expect( uses ).toEqual( [ { conceptId: 'leader', sourceTerm: 'Leader', approved: [], used: null, status: 'contested' } ] );
	} );
} );

describe( 'placePopup', () => {
	it( 'goes under the term, inside the viewport of a phone', () => {
		const anchor = { top: 100, left: 300, width: 60, height: 20 };
		const at = placePopup( anchor, { width: 300, height: 200 }, 360, 640, false );
		expect( at.above ).toBe( false );
		expect( at.top ).toBe( 126 );
		expect( at.left ).toBe( 360 - MARGIN - 300 );
	} );

	it( 'goes above when there is more room there', () => {
		const anchor = { top: 600, left: 10, width: 60, height: 20 };
		const at = placePopup( anchor, { width: 200, height: 200 }, 360, 640, false );
		expect( at.above ).toBe( true );
		expect( at.top ).toBe( 600 - 6 - 200 );
	} );

	it( 'always stays inside the viewport (property)', () => {
		fc.assert( fc.property(
			fc.integer( { min: 0, max: 2000 } ), fc.integer( { min: 0, max: 2000 } ),
			fc.integer( { min: 1, max: 400 } ), fc.integer( { min: 1, max: 600 } ),
			fc.integer( { min: 320, max: 2000 } ), fc.integer( { min: 400, max: 2000 } ),
			fc.boolean(),
			( top, left, width, height, vw, vh, rtl ) => {
				// CSS caps the popup at the viewport minus the margins (max-width, max-height).
				const w = Math.min( width, vw - 2 * MARGIN );
				const h = Math.min( height, vh - 2 * MARGIN );
				const anchor = {
					top: Math.min( top, vh - 20 ),
					left: Math.min( left, vw - 20 ),
					width: 20,
					height: 18,
				};
				const at = placePopup( anchor, { width: w, height: h }, vw, vh, rtl );
				// The height it is shown at: its own, or what placing cut it to.
				const shown = at.maxHeight ?? h;
				expect( shown ).toBeLessThanOrEqual( h );
				expect( at.left ).toBeGreaterThanOrEqual( MARGIN );
				expect( at.left + w ).toBeLessThanOrEqual( vw - MARGIN );
				expect( at.top ).toBeGreaterThanOrEqual( MARGIN );
				expect( at.top + shown ).toBeLessThanOrEqual( vh - MARGIN );
			},
		) );
	} );

	it( 'never covers its term when one side has room for a short popup (property)', () => {
		fc.assert( fc.property(
			fc.integer( { min: 0, max: 2000 } ), fc.integer( { min: 1, max: 2000 } ),
			fc.integer( { min: 320, max: 2000 } ), fc.integer( { min: 200, max: 2000 } ),
			( top, height, vw, vh ) => {
				const h = Math.min( height, vh - 2 * MARGIN );
				const anchor = { top: Math.min( top, vh - 18 ), left: 20, width: 40, height: 18 };
				const roomBelow = vh - ( anchor.top + anchor.height ) - GAP - MARGIN;
				const roomAbove = anchor.top - GAP - MARGIN;
				fc.pre( Math.max( roomAbove, roomBelow ) >= MIN_HEIGHT );
				const at = placePopup( anchor, { width: 300, height: h }, vw, vh, false );
				const shown = at.maxHeight ?? h;
				const clear = at.top + shown <= anchor.top || at.top >= anchor.top + anchor.height;
				expect( clear ).toBe( true );
				expect( at.top + shown ).toBeLessThanOrEqual( vh - MARGIN );
			},
		) );
	} );

	it( 'cuts a popup taller than the room on either side to the roomier one (a phone)', () => {
		// Seen on a 360×640 phone in Arabic: a term mid-screen, a popup of 357 pixels was pushed
		// up over the term (top 275 for a term at 311–329).
		const anchor = { top: 311, left: 53, width: 26, height: 18 };
		const at = placePopup( anchor, { width: 344, height: 357 }, 360, 640, true );
		expect( at.above ).toBe( false );
		expect( at.top ).toBe( 329 + GAP );
		expect( at.maxHeight ).toBe( 640 - 329 - GAP - MARGIN );
		// It fits: no cut.
		const fits = placePopup( anchor, { width: 344, height: 280 }, 360, 640, true );
		expect( fits.maxHeight ).toBeNull();
	} );

	it( 'aligns with the right edge of the term in right-to-left text', () => {
		const anchor = { top: 10, left: 200, width: 50, height: 20 };
		const at = placePopup( anchor, { width: 100, height: 50 }, 800, 600, true );
		expect( at.left ).toBe( 150 );
	} );
} );

describe( 'translator helpers', () => {
	it( 'strips Translate markup, keeping prose only', () => {
		const text = stripTranslateMarkup( '<languages/>\n<translate><!--T:1--> A leader of the ' +
			'<tvar name="x">[[Task force]]</tvar> group.</translate>' );
		expect( text ).not.toMatch( /translate|T:1|Task force|languages/ );
		expect( text ).toContain( 'A leader of the' );
		// The older syntax, which must not run on to a later `</tvar>`.
		expect( stripTranslateMarkup( 'A <tvar|t>[[Task force]]</> leader, <tvar name="u">x</tvar>.' ) )
			.not.toMatch( /Task force|tvar/ );
		expect( stripTranslateMarkup( 'A <tvar|t>x</> leader, <tvar name="u">y</tvar>.' ) )
			.toContain( 'leader' );
	} );

	it( 'lists source concepts with approved equivalents and flags unused ones', () => {
		const uses = analyseTranslation( glossary(), 'The leaders and the task force.',
			'Les responsables et le groupe.', 'fr' );
		expect( uses ).toEqual( [
			{ conceptId: 'leader', sourceTerm: 'Leader', approved: [ 'Meneur', 'meneuse' ], used: false, status: 'contested' },
			{ conceptId: 'task-force', sourceTerm: 'task force', approved: [], used: null, status: 'agreed' },
		] );
		const used = analyseTranslation( glossary(), 'The leaders.', 'Une meneuse.', 'fr' );
		expect( used[ 0 ]?.used ).toBe( true );
	} );

	it( 'finds no concept in what readers of the source do not see', () => {
		const wikitext = [
			'<languages/>',
			'{{LDWG section|id=leader}}',
			'<translate><!--T:1--> See the [[Leadership pathways|paths]] and the ' +
				'<tvar name="t">[[Task force]]</tvar>.</translate>',
			'[[File:Leader.jpg|thumb|alt=A leader|upright]] [[Category:Leader pages]]',
			'Text<ref name="leader" /> <span title="leader" class="task-force">plain</span> <!-- leader -->',
			'{{#if:{{{leader|}}}|task force|{{Leader}}}} [https://example.org/leader] https://example.org/task_force',
			'<syntaxhighlight lang="text">leader</syntaxhighlight> <includeonly>leader</includeonly>',
		].join( '\n' );
		expect( analyseTranslation( glossary(), readerText( wikitext ), '', 'fr' ) ).toEqual( [] );
	} );

	it( 'stops unnesting after a bounded number of levels (a page of nested braces cannot freeze it)', () => {
		// Each level costs a pass over the whole text: 20,000 levels took minutes before.
		const nested = ( depth: number ): string => `${ '{{'.repeat( depth ) }x${ '}}'.repeat( depth ) } task force`;
		expect( readerText( nested( 40 ) ) ).toBe( 'task force' );
		const deep = readerText( nested( 20000 ) );
		expect( deep ).toContain( '{{' );
		expect( deep.endsWith( 'task force' ) ).toBe( true );
	} );

	it( 'keeps the text readers of the source see: labels, link trails, headings, lists, tables, footnotes', () => {
		const text = readerText( [
			'== <translate><!--T:1--> Leader</translate> ==',
			"* a '''task''' force<br>for [[leader]]s, [[:Category:Teams|teams]] and [[w:Team]]",
			'{| class="wikitable"',
			'|+ Roles',
			'|-',
			'! scope="col" | Role !! Task',
			'|-',
			'| style="color:red" | Mentor || [[Mentoring|mentors]]',
			'|}',
			'See [https://example.org the report]<ref name="r">A footnote.</ref>.',
			'R&amp;D,&nbsp;<b>task</b>&#160;force, \x3Cnowiki>[[not a link]]\x3C/nowiki>',
		].join( '\n' ) );
		for ( const shown of [ 'Leader', 'a task force', 'for leaders, teams and w:Team', 'Roles', 'Role',
			'Task', 'Mentor', 'mentors', 'See the report', 'A footnote.', 'R&D,\u00a0task\u00a0force' ] ) {
			expect( text ).toContain( shown );
		}
		expect( text ).not.toMatch( /wikitable|scope|style|color|example|Mentoring|Category/ );
		expect( text ).not.toMatch( /\bname\b|[[\]{}|=*'<>]/ );
	} );

	it( 'matches a term across a line break of the wikitext but not across paragraphs or blocks', () => {
		const found = ( wikitext: string ): string[] => analyseTranslation(
			glossary(), readerText( wikitext ), '', 'fr' ).map( ( u ) => u.conceptId );
		expect( found( 'A task\nforce.' ) ).toEqual( [ 'task-force' ] );
		expect( found( 'A task\n\nforce.' ) ).toEqual( [] );
		expect( found( 'A task<br />force.' ) ).toEqual( [] );
		expect( found( '== A task ==\nforce.' ) ).toEqual( [] );
		expect( found( '* A task\n* force.' ) ).toEqual( [] );
	} );

	it( 'reads a message of the Translate editor and the translation typed as wikitext', () => {
		const g = glossary();
		g.concepts[ 1 ]!.entries.fr = { term: 'groupe de travail', aliases: [], definition: '' };
		const check = ( source: string, translation: string ): ConceptUse[ 'used' ][] => {
			const uses = analyseTranslation( g, readerText( source ), readerText( translation ), 'fr' );
			return uses.map( ( u ) => u.used );
		};
		expect( check( "The '''task force''' met.", "Le '''groupe''' de travail." ) )
			.toEqual( [ true ] );
		// A link target is not what readers of the translation see.
		expect( check( 'The [[task force]] met.', 'Le [[Groupe de travail|groupe]] s\'est réuni.' ) )
			.toEqual( [ false ] );
		expect( check( 'The {{tag|task force}} met.', '' ) ).toEqual( [] );
	} );

	it( 'says next to the term when the working group has not settled the concept', () => {
		const g = glossary();
		const row = ( status: 'proposed' | 'agreed' | 'contested' ): Element => {
			g.concepts[ 0 ]!.status = status;
			const uses = analyseTranslation( g, 'A leader.', 'Un chef.', 'fr' );
			return renderUses( document, uses, 'en', 'fr', msg ).querySelectorAll( 'tbody td' )[ 1 ]!;
		};
		const contested = row( 'contested' );
		expect( contested.textContent ).toBe( 'Meneur(ldwg-glossary-translator-alias-separator) meneuse (ldwg-glossary-translator-status-contested)' );
		// The label is in the interface language, not the term's.
		expect( ( contested.lastElementChild as HTMLElement ).lang ).toBe( '' );
		expect( row( 'proposed' ).textContent ).toBe( 'Meneur(ldwg-glossary-translator-alias-separator) meneuse (ldwg-glossary-translator-status-proposed)' );
		expect( row( 'agreed' ).textContent ).toBe( 'Meneur(ldwg-glossary-translator-alias-separator) meneuse' );
	} );

	it( 'renders the table as text with lang on terms', () => {
		const uses = analyseTranslation( glossary(), 'A leader.', 'قائد', 'ar' );
		const table = renderUses( document, uses, 'en', 'ar', msg );
		const cells = table.querySelectorAll( 'tbody td' );
		expect( ( cells[ 1 ]?.firstChild as HTMLElement ).lang ).toBe( 'ar' );
		expect( ( cells[ 1 ]?.firstChild as HTMLElement ).dir ).toBe( 'rtl' );
		expect( cells[ 2 ]?.textContent ).toBe( '(ldwg-glossary-translator-used)' );
	} );

	it( 'reads only the translated text of a translation page', () => {
		document.body.innerHTML = '<div id="c" lang="fr"><p>Traduit</p>' +
			'<div lang="en"><p>Untranslated</p></div></div>';
		expect( textInLanguage( document.getElementById( 'c' )!, 'fr' ) ).toBe( 'Traduit' );
	} );

	it( 'leaves out the gadget\'s own widgets, edit links and the language bar, not the term marks', () => {
		document.body.innerHTML = '<div id="c" lang="fr"><div class="mw-pt-languages" lang="en"><span>English</span></div>' +
			'<h2>Titre<span class="mw-editsection">[edit]</span></h2>' +
			'<p><span class="ldwg-section"></span><span class="ldwg-feedback" lang="en"><button>Give feedback</button></span>' +
			'Un <span class="ldwg-term" data-ldwg-concept="leader">meneur</span>.</p></div>';
		const root = document.getElementById( 'c' )!;
		expect( textInLanguage( root, 'fr' ) ).toBe( 'Titre\n\nUn meneur.' );
		// The interface's English is not untranslated page text.
		expect( textInLanguage( root, 'en', 'fr' ) ).toBe( '' );
	} );

	it( 'joins words split by inline markup, but not text of separate blocks', () => {
		document.body.innerHTML = '<div id="c" lang="fr"><p>Le <b>groupe</b> de\n <a href="#">travail</a>' +
			'<sup>[1]</sup>s\u00a0!</p><p>groupe</p><div>de</div>travail<br>groupe<span> de </span>' +
			'<i>tra</i>vail<table><tr><td>groupe de</td><td>travail</td></tr></table>' +
			'<style>.groupe{}</style><p>fin</p></div>';
		const text = textInLanguage( document.getElementById( 'c' )!, 'fr' );
		expect( text ).toBe( 'Le groupe de travail[1]s\u00a0!\n\ngroupe\n\nde\n\ntravail\n\n' +
			'groupe de travail\n\ngroupe de\n\ntravail\n\nfin' );
		const g = glossary();
		g.concepts[ 1 ]!.entries.fr = { term: 'groupe de travail', aliases: [], definition: '' };
		const content = document.createElement( 'div' );
		content.innerHTML = '<p>Le <b>groupe</b> de <a href="#">travail</a>.</p>';
		expect( analyseTranslation( g, 'The task force.', textInLanguage( content, 'fr' ), 'fr' )[ 0 ]?.used )
			.toBe( true );
		content.innerHTML = '<p>Le groupe</p><p>de travail.</p>';
		expect( analyseTranslation( g, 'The task force.', textInLanguage( content, 'fr' ), 'fr' )[ 0 ]?.used )
			.toBe( false );
	} );

	it( 'knows right-to-left languages', () => {
		expect( [ 'ar', 'he', 'fa', 'en', 'fr', 'ku-latn', 'ckb' ].map( languageDir ) )
			.toEqual( [ 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr', 'rtl' ] );
	} );

	it( 'knows the right-to-left languages MediaWiki knows, and decides by script subtag', () => {
		const rtl = [ 'arq', 'prs', 'kk-arab', 'ota', 'bgn', 'kk-cn', 'ug', 'ks', 'ms-arab',
			'aeb-arab', 'skr-arab', 'bgc-arab', 'ku-arab', 'ydd', 'acm', 'apc', 'hno', 'trw', 'bft', 'ar-eg' ];
		expect( rtl.filter( ( code ) => languageDir( code ) !== 'rtl' ) ).toEqual( [] );
		const ltr = [ 'kk', 'kk-cyrl', 'ks-deva', 'ug-latn', 'ckb-latn', 'aeb-latn', 'ms', 'bgc', 'zh-hans',
			'be-tarask', 'sr-ec', 'en' ];
		expect( ltr.filter( ( code ) => languageDir( code ) !== 'ltr' ) ).toEqual( [] );
	} );
} );

describe( 'a translation page with units not translated yet', () => {
	/**
	 * A French translation page as Translate renders it: translated units in the page's language,
	 * the others in the source language, wrapped with its `lang`.
	 */
	function page( html: string ): HTMLElement {
		document.body.innerHTML = `<div id="mw-content-text" lang="fr" dir="ltr"><div class="mw-parser-output">${ html }</div></div>`;
		return document.querySelector<HTMLElement>( '.mw-parser-output' )!;
	}

	it( 'does not flag a concept that occurs only in units not translated yet', () => {
		const content = page( `<p>Le groupe s'est réuni.</p>${ untranslated( 'A leader helps.' ) }` );
		const uses = analyseTranslationPage( glossary(), 'The group met.\n\nA leader helps.', content, 'fr' );
		expect( uses.map( ( u ) => [ u.conceptId, u.used ] ) ).toEqual( [ [ 'leader', 'untranslated' ] ] );
		expect( hintCount( uses ) ).toBe( 0 );
		const cell = renderUses( document, uses, 'en', 'fr', msg ).querySelectorAll( 'tbody td' )[ 2 ]!;
		expect( cell.textContent ).toBe( '(ldwg-glossary-translator-untranslated)' );
		expect( cell.classList.contains( 'ldwg-glossary-hint' ) ).toBe( false );
	} );

	it( 'still flags it when it also occurs in a translated unit that uses no approved term', () => {
		// Two occurrences in the source, one of them still in English: the other is translated.
		const content = page( `<p>Le chef s'est réuni.</p>${ untranslated( 'A leader helps.' ) }` );
		const uses = analyseTranslationPage( glossary(), 'The leader met.\n\nA leader helps.', content, 'fr' );
		expect( uses[ 0 ]?.used ).toBe( false );
		expect( hintCount( uses ) ).toBe( 1 );
	} );

	it( 'says "used" when the translation uses it, untranslated units or not', () => {
		const content = page( `<p>La meneuse s'est réunie.</p>${ untranslated( 'A leader helps.' ) }` );
		expect( analyseTranslationPage( glossary(), 'The leader met.\n\nA leader helps.', content, 'fr' )[ 0 ]?.used )
			.toBe( true );
	} );

	it( 'leaves a concept without an approved term as it was', () => {
		const content = page( `<p>Le groupe.</p>${ untranslated( 'The task force.' ) }` );
		expect( analyseTranslationPage( glossary(), 'The group.\n\nThe task force.', content, 'fr' )[ 0 ]?.used )
			.toBeNull();
	} );

	it( 'takes only text in the source language as untranslated, not text without a lang of its own', () => {
		// Outside the content's own `lang` (no `lang` anywhere): the page's language, not English.
		document.body.innerHTML = '<div id="c"><p>A leader, in French prose.</p></div>';
		const content = document.getElementById( 'c' )!;
		expect( textInLanguage( content, 'en', 'fr' ) ).toBe( '' );
		expect( analyseTranslationPage( glossary(), 'A leader.', content, 'fr' )[ 0 ]?.used ).toBe( false );
	} );

	it( 'keeps the hint of the Translate editor, where the translation typed is all there is', () => {
		expect( analyseTranslation( glossary(), 'A leader.', 'Un chef.', 'fr' )[ 0 ]?.used ).toBe( false );
	} );
} );

describe( 'the helper beside the Translate editor', () => {
	/** The helper after a check of `translation` against the source message "A leader.". */
	function check( box: HTMLElement, translation: string, source = 'A leader.' ): void {
		updateEditorHelper( document, box,
			analyseTranslation( glossary(), source, translation, 'fr' ), 'en', 'fr', msg );
	}

	it( 'keeps one live status, whose text changes only when the status does', () => {
		const box = document.createElement( 'div' );
		check( box, 'Un chef.' );
		const status = box.querySelector( '[aria-live="polite"]' )!;
		expect( status.textContent ).toBe( '(ldwg-glossary-editor-hints: 1)' );
		const text = status.firstChild;
		// Typing on without changing the status: nothing for a screen reader to announce again.
		check( box, 'Un chef !' );
		expect( box.querySelector( '[aria-live]' ) ).toBe( status );
		expect( status.firstChild ).toBe( text );
		check( box, 'Une meneuse !' );
		expect( box.querySelectorAll( '[aria-live]' ) ).toHaveLength( 1 );
		expect( box.querySelector( '[aria-live]' ) ).toBe( status );
		expect( status.textContent ).toBe( '(ldwg-glossary-editor-all-used)' );
		expect( box.querySelectorAll( 'table' ) ).toHaveLength( 1 );
		expect( box.querySelector( 'td.ldwg-glossary-hint' ) ).toBeNull();
	} );

	it( 'says when the message has no glossary term, and when none of its concepts has an approved term', () => {
		const box = document.createElement( 'div' );
		check( box, 'Rien.', 'Nothing.' );
		expect( box.querySelector( '[aria-live]' )?.textContent ).toBe( '(ldwg-glossary-editor-none)' );
		expect( box.querySelector( 'table' ) ).toBeNull();
		// "Task force" has no approved French term: nothing to use, so nothing to say either.
		check( box, 'Le groupe.', 'The task force.' );
		expect( box.querySelector( '[aria-live]' )?.textContent ).toBe( '' );
		expect( box.querySelectorAll( 'table' ) ).toHaveLength( 1 );
	} );

	it( 'does not count a concept without an approved term against "uses the approved terms"', () => {
		const box = document.createElement( 'div' );
		check( box, 'Le meneur du groupe.', 'The leader of the task force.' );
		expect( box.querySelector( '[aria-live]' )?.textContent ).toBe( '(ldwg-glossary-editor-all-used)' );
	} );
} );

describe( 'offerWayBack (switching highlighting on again)', () => {
	interface TestPage {
		options: WayBackOptions;
		activated: () => number;
		toolsCalls: () => number;
	}

	/** A page with a tools menu (as mw.util.addPortletLink builds one) or without. */
	function page( withTools: boolean ): TestPage {
		document.body.innerHTML = '<div id="p-tb"><ul></ul></div><main><div id="bodyContent">' +
			'<div id="mw-content-text"><p>Content</p></div><div id="catlinks"></div></div></main>';
		if ( !withTools ) {
			document.getElementById( 'p-tb' )!.remove();
		}
		let activated = 0;
		let toolsCalls = 0;
		const pageOptions: WayBackOptions = {
			doc: document,
			label: 'Highlight glossary terms',
			language: 'ar',
			addToTools( label, id ) {
				toolsCalls++;
				const list = document.querySelector( '#p-tb ul' );
				if ( !list ) {
					return null;
				}
				const item = document.createElement( 'li' );
				item.id = id;
				const link = document.createElement( 'a' );
				link.href = '#';
				link.textContent = label;
				item.appendChild( link );
				list.appendChild( item );
				return item;
			},
			onActivate() {
				activated++;
			},
		};
		return { options: pageOptions, activated: () => activated, toolsCalls: () => toolsCalls };
	}

	it( 'uses the tools menu when the skin has one', () => {
		const { options: way, activated } = page( true );
		expect( offerWayBack( way ) ).toBe( 'tools' );
		const link = document.querySelector<HTMLAnchorElement>( `#p-tb #${ SWITCH_ON_ID } a` )!;
		expect( link.textContent ).toBe( 'Highlight glossary terms' );
		expect( document.querySelector( '.ldwg-glossary-switch-on' ) ).toBeNull();
		const click = new MouseEvent( 'click', { bubbles: true, cancelable: true } );
		link.dispatchEvent( click );
		expect( click.defaultPrevented ).toBe( true );
		expect( activated() ).toBe( 1 );
		expect( document.getElementById( SWITCH_ON_ID ) ).toBeNull();
	} );

	it( 'puts a button right after the page content when there is no tools menu (Minerva, logged out)', () => {
		const { options: way, activated } = page( false );
		expect( offerWayBack( way ) ).toBe( 'page-end' );
		const box = document.getElementById( SWITCH_ON_ID )!;
		expect( box.previousElementSibling?.id ).toBe( 'mw-content-text' );
		expect( box.classList.contains( 'noglossary' ) ).toBe( true );
		expect( [ box.lang, box.dir ] ).toEqual( [ 'ar', 'rtl' ] );
		const button = box.querySelector( 'button' )!;
		expect( button.type ).toBe( 'button' );
		expect( button.textContent ).toBe( 'Highlight glossary terms' );
		button.click();
		expect( activated() ).toBe( 1 );
		expect( document.getElementById( SWITCH_ON_ID ) ).toBeNull();
	} );

	it( 'falls back to the end of the page when there is no content element either', () => {
		const { options: way } = page( false );
		document.getElementById( 'mw-content-text' )!.remove();
		expect( offerWayBack( way ) ).toBe( 'page-end' );
		expect( document.getElementById( SWITCH_ON_ID )?.parentElement?.localName ).toBe( 'main' );
	} );

	it.each( [ [ 'tools menu', true ], [ 'button after the content', false ] ] )(
		'leaves focus on the page content when the %s is used from the keyboard', ( _name, withTools ) => {
			const { options: way } = page( withTools );
			offerWayBack( way );
			const control = document.querySelector<HTMLElement>( `#${ SWITCH_ON_ID } a, #${ SWITCH_ON_ID } button` )!;
			control.focus();
			control.click();
			expect( document.getElementById( SWITCH_ON_ID ) ).toBeNull();
			const content = document.getElementById( 'mw-content-text' )!;
			// Not <body>: Tab goes on into the content, where the terms are highlighted again.
			expect( document.activeElement ).toBe( content );
			expect( content.getAttribute( 'tabindex' ) ).toBe( '-1' );
			content.blur();
			expect( content.hasAttribute( 'tabindex' ) ).toBe( false );
		} );

	it( 'does not move focus that was not on the way back', () => {
		const { options: way } = page( false );
		offerWayBack( way );
		document.querySelector<HTMLButtonElement>( `#${ SWITCH_ON_ID } button` )!.click();
		expect( document.activeElement ).toBe( document.body );
	} );

	it( 'offers the way back once, and says where the existing one is', () => {
		for ( const withTools of [ true, false ] ) {
			const { options: way, toolsCalls } = page( withTools );
			const first = offerWayBack( way );
			expect( offerWayBack( way ) ).toBe( first );
			expect( document.querySelectorAll( `#${ SWITCH_ON_ID }` ) ).toHaveLength( 1 );
			expect( toolsCalls() ).toBe( 1 );
		}
	} );
} );
