// @vitest-environment jsdom
/**
 * Term marking in the DOM: exclusion rules, the language of the text, first occurrence per
 * section, idempotence, and the page's text staying exactly the same.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markTerms, unmarkTerms, type MarkOptions, type TextMatcher } from '../../../gadget/glossary/mark.ts';
import { isExcludedElement } from '../../../gadget/glossary/exclusion.ts';
import { createMatcher } from '../../../shared/glossary/matcher.ts';

const EN: [ string, string ][] = [
	[ 'leadership', 'leadership' ],
	[ 'leaders', 'leader' ],
	[ 'leader', 'leader' ],
	[ 'task force', 'task-force' ],
	[ 'resilience', 'resilience' ],
];
const FR: [ string, string ][] = [
	[ 'leadership', 'leadership' ],
	[ 'meneur', 'leader' ],
	[ 'résilience', 'resilience' ],
	[ 'groupe de travail', 'task-force' ],
];

function matchers(): Record<string, TextMatcher> {
	return { en: createMatcher( EN, 'en' ), fr: createMatcher( FR, 'fr' ) };
}

function options( extra: Partial<MarkOptions> = {} ): MarkOptions {
	const m = matchers();
	return {
		matcherFor: ( lang ) => m[ lang ] ?? null,
		defaultLanguage: 'en',
		yielder: () => Promise.resolve(),
		...extra,
	};
}

function page( html: string, lang = 'en' ): HTMLElement {
	document.body.innerHTML = '';
	const root = document.createElement( 'div' );
	root.className = 'mw-parser-output';
	root.setAttribute( 'lang', lang );
	// Test fixture markup written here, never glossary data.
	root.innerHTML = html;
	document.body.appendChild( root );
	return root;
}

function marks( root: Element ): [ string, string ][] {
	return Array.from( root.querySelectorAll( '.ldwg-term' ) ).map( ( el ) => [
		el.textContent ?? '', el.getAttribute( 'data-ldwg-concept' ) ?? '',
	] );
}

describe( 'markTerms', () => {
	it( 'wraps a term in a focusable button-like element with the concept id', async () => {
		const root = page( '<p>Good leadership matters.</p>' );
		const result = await markTerms( root, options() );
		expect( result.marked ).toBe( 1 );
		const el = root.querySelector( '.ldwg-term' ) as HTMLElement;
		expect( el.textContent ).toBe( 'leadership' );
		expect( el.getAttribute( 'data-ldwg-concept' ) ).toBe( 'leadership' );
		expect( el.getAttribute( 'role' ) ).toBe( 'button' );
		expect( el.tabIndex ).toBe( 0 );
		expect( el.getAttribute( 'aria-expanded' ) ).toBe( 'false' );
	} );

	it.each( [
		[ 'links', '<p><a href="#">leadership</a></p>' ],
		[ 'headings', '<h2>leadership</h2>' ],
		[ 'MediaWiki heading wrappers', '<div class="mw-heading mw-heading2"><span>leadership</span></div>' ],
		[ 'code', '<p><code>leadership</code></p>' ],
		[ 'pre', '<pre>leadership</pre>' ],
		[ 'math', '<span class="mwe-math-element">leadership</span>' ],
		// MathML keeps a lower-case tagName in HTML documents.
		[ 'MathML', '<p>x <math><mtext>leadership</mtext></math></p>' ],
		// A role=button mark inside the interactive <summary> (axe nested-interactive).
		[ 'summary', '<details><summary>Leadership</summary><p>x</p></details>' ],
		[ 'references', '<sup class="reference">leadership</sup>' ],
		[ 'reference lists', '<ol class="references"><li>leadership</li></ol>' ],
		[ 'form fields', '<form><label>leadership</label></form><button>leadership</button>' ],
		[ 'textarea', '<textarea>leadership</textarea>' ],
		[ 'noglossary', '<div class="noglossary"><p>leadership</p></div>' ],
		[ 'noglossary among other classes', '<div class="box noglossary wide"><p>leadership</p></div>' ],
		[ 'our own widgets', '<div class="ldwg-feedback-bar"><span>leadership</span></div>' ],
		[ 'Translate\'s language bar', '<div class="mw-pt-languages noprint" lang="en" dir="ltr"><div class="mw-pt-languages-list">' +
			'<span class="mw-pt-languages-selected">leadership</span></div></div>' ],
		[ 'editable regions', '<div contenteditable="true">leadership</div>' ],
	] )( 'never marks inside %s', async ( _name, html ) => {
		const root = page( html );
		await markTerms( root, options() );
		expect( marks( root ) ).toEqual( [] );
	} );

	it( 'excludes MathML and SVG elements by their lower-case tag names', () => {
		const root = page( '<p><math><mi>x</mi></math><svg><text>x</text></svg></p>' );
		for ( const el of [ root.querySelector( 'math' ), root.querySelector( 'svg' ) ] as Element[] ) {
			expect( el.tagName ).toBe( el.tagName.toLowerCase() );
			expect( isExcludedElement( el ) ).toBe( true );
		}
	} );

	it( 'does not mistake a class that merely contains "noglossary" for the opt-out', async () => {
		const root = page( '<div class="noglossaryx"><p>leadership</p></div>' );
		await markTerms( root, options() );
		expect( marks( root ) ).toEqual( [ [ 'leadership', 'leadership' ] ] );
	} );

	it( 'marks nothing when the root itself is inside an excluded element', async () => {
		const root = page( '<div class="noglossary"><p id="inner">leadership</p></div>' );
		await markTerms( root.querySelector( '#inner' ) as Element, options() );
		expect( marks( root ) ).toEqual( [] );
	} );

	it( 'marks text in the language of its nearest lang attribute', async () => {
		const root = page(
			'<p>Le leadership et le meneur.</p>' +
			'<div lang="en" dir="ltr" class="mw-content-ltr"><p>The leader and the task force.</p></div>',
			'fr',
		);
		await markTerms( root, options( { defaultLanguage: 'fr' } ) );
		expect( marks( root ) ).toEqual( [
			[ 'leadership', 'leadership' ],
			[ 'meneur', 'leader' ],
			[ 'task force', 'task-force' ],
		] );
		const english = root.querySelectorAll( '[lang="en"] .ldwg-term' );
		expect( english[ 0 ]?.getAttribute( 'data-ldwg-lang' ) ).toBe( 'en' );
	} );

	it( 'marks a one-character Chinese or Japanese term in a text node of its own', async () => {
		const root = page( '<p>我们的<b>爱</b>和领导力</p><p lang="ja">私たちの<b>愛</b></p>', 'zh' );
		await markTerms( root, options( {
			matcherFor: ( lang ) => createMatcher( lang === 'ja' ? [ [ '愛', 'ai' ] ] : [ [ '爱', 'love' ] ], lang ),
			defaultLanguage: 'zh',
		} ) );
		expect( marks( root ) ).toEqual( [ [ '爱', 'love' ], [ '愛', 'ai' ] ] );
	} );

	it( 'leaves text in a language without glossary alone', async () => {
		const root = page( '<p lang="de">leadership</p>' );
		await markTerms( root, options() );
		expect( marks( root ) ).toEqual( [] );
	} );

	it( 'marks the first occurrence per concept and section only', async () => {
		const root = page(
			'<p>leadership and leadership, a leader</p><p>leaders again</p>' +
			'<h2>Next</h2><p>leadership here</p>' +
			'<span class="ldwg-section" data-ldwg-section="x"></span><p>leadership there</p>',
		);
		await markTerms( root, options() );
		expect( marks( root ) ).toEqual( [
			[ 'leadership', 'leadership' ],
			[ 'leader', 'leader' ],
			[ 'leadership', 'leadership' ],
			[ 'leadership', 'leadership' ],
		] );
	} );

	it( 'never marks part of a word that inline markup splits, and marks its whole form later on', async () => {
		// The text nodes `leader` and `resilience` are whole in themselves, but the words the
		// reader sees are "leadership", "leadershipX", "unresilience" and "Resiliencé".
		const root = page(
			'<p>The leader<b>ship</b> team, <i>leader</i>ship<sup>1</sup>, un<b>resilience</b>, ' +
			'<b>resilience</b>\u0301 and <span>leader<br>ship</span>.</p>' +
			'<p>A leader<b>, resilience</b>!</p>',
		);
		const text = root.textContent;
		await markTerms( root, options() );
		expect( root.textContent ).toBe( text );
		// Only what stands as a word of its own: before <br>, before a comma, after a space.
		expect( marks( root ) ).toEqual( [ [ 'leader', 'leader' ], [ 'resilience', 'resilience' ] ] );
		const [ leader, resilience ] = Array.from( root.querySelectorAll( '.ldwg-term' ) );
		expect( leader!.nextSibling!.nodeName ).toBe( 'BR' );
		expect( resilience!.closest( 'p' ) ).toBe( root.lastElementChild );
	} );

	it( 'marks every occurrence when configured to', async () => {
		const root = page( '<p>leadership and leadership</p><p>leadership</p>' );
		await markTerms( root, options( { markAll: true } ) );
		expect( marks( root ) ).toHaveLength( 3 );
	} );

	it( 'wraps several terms of one text node in place, from its first to its last character',
		async () => {
			const root = page( '<p>leadership, the task force and a leader</p>' );
			const text = ( root.firstChild as Element ).firstChild as Text;
			await markTerms( root, options( { markAll: true } ) );
			const p = root.firstChild as Element;
			const pieces = Array.from( p.childNodes ).map( ( n ) => [ n.nodeName, n.textContent ] );
			expect( pieces ).toEqual( [
				[ '#text', '' ],
				[ 'SPAN', 'leadership' ],
				[ '#text', ', the ' ],
				[ 'SPAN', 'task force' ],
				[ '#text', ' and a ' ],
				[ 'SPAN', 'leader' ],
			] );
			// The original node stays where it was (holding the text before the first term).
			expect( p.firstChild ).toBe( text );
			expect( p.textContent ).toBe( 'leadership, the task force and a leader' );
		} );

	it( 'gives every term, in every language, all its attributes', async () => {
		const root = page( '<p>leadership, leader</p><p lang="fr">meneur et leadership</p>' );
		await markTerms( root, options( { markAll: true } ) );
		const found = Array.from( root.querySelectorAll( '.ldwg-term' ) ).map( ( el ) => [
			el.textContent, el.getAttribute( 'data-ldwg-concept' ), el.getAttribute( 'data-ldwg-lang' ),
			el.getAttribute( 'role' ), el.getAttribute( 'tabindex' ), el.getAttribute( 'aria-haspopup' ),
			el.getAttribute( 'aria-expanded' ), el.className,
		] );
		const rest = [ 'button', '0', 'dialog', 'false', 'ldwg-term' ];
		expect( found ).toEqual( [
			[ 'leadership', 'leadership', 'en', ...rest ],
			[ 'leader', 'leader', 'en', ...rest ],
			[ 'meneur', 'leader', 'fr', ...rest ],
			[ 'leadership', 'leadership', 'fr', ...rest ],
		] );
	} );

	it( 'leaves a text node alone when it changed between finding and wrapping', async () => {
		const others = Array.from( { length: 10 }, ( _, i ) => `<p>other ${ i }</p>` ).join( '' );
		const root = page( `<p>resilience</p>${ others }<p>leadership</p>` );
		const first = ( root.firstChild as Element ).firstChild as Text;
		let clock = 0;
		let yields = 0;
		await markTerms( root, options( {
			// Every look at the clock costs 10 ms: the finding phase yields after a few nodes,
			// and the page changes meanwhile.
			now: () => ( clock += 10 ),
			yielder: () => {
				yields++;
				first.data = 'resilience, changed';
				return Promise.resolve();
			},
		} ) );
		expect( yields ).toBeGreaterThan( 0 );
		expect( marks( root ) ).toEqual( [ [ 'leadership', 'leadership' ] ] );
		expect( first.data ).toBe( 'resilience, changed' );
		expect( root.firstChild?.childNodes ).toHaveLength( 1 );
	} );

	it( 'is idempotent when the content is handed over again', async () => {
		const root = page( '<p>leadership, resilience.</p><h2>x</h2><p>The task force and leadership.</p>' );
		await markTerms( root, options() );
		const first = root.innerHTML;
		const again = await markTerms( root, options() );
		expect( again.marked ).toBe( 0 );
		expect( root.innerHTML ).toBe( first );
	} );

	it( 'works in slices and yields between them', async () => {
		const paragraphs = Array.from( { length: 400 }, ( _, i ) => `<p>Paragraph ${ i } on leadership.</p>` );
		const root = page( paragraphs.join( '' ) );
		let clock = 0;
		let yields = 0;
		const result = await markTerms( root, options( {
			markAll: true,
			// Every look at the clock costs 1 ms: slices of 5 ms hold a few nodes each.
			now: () => clock++,
			yielder: () => {
				yields++;
				return Promise.resolve();
			},
		} ) );
		expect( result.marked ).toBe( 400 );
		expect( yields ).toBeGreaterThan( 5 );
		// Two phases (finding, then wrapping), each ending with a slice and no yield after it.
		expect( result.slices ).toBe( yields + 2 );
	} );

	it( 'ignores matcher offsets that do not fit the text instead of throwing', async () => {
		const root = page( '<p>short</p>' );
		const bad: TextMatcher = { match: () => [
			{ start: 3, end: 99, conceptId: 'x', term: 'x' },
			{ start: -1, end: 2, conceptId: 'y', term: 'y' },
		] };
		await markTerms( root, options( { matcherFor: () => bad } ) );
		expect( root.textContent ).toBe( 'short' );
		expect( marks( root ) ).toEqual( [] );
	} );

	it( 'unmarking restores the original DOM text', async () => {
		const html = '<p>leadership, resilience and the task force.</p>';
		const root = page( html );
		await markTerms( root, options( { markAll: true } ) );
		expect( marks( root ).length ).toBe( 3 );
		unmarkTerms( root );
		expect( root.innerHTML ).toBe( html );
	} );
} );

// Generated DOM trees: random nesting of allowed and excluded elements around text that mixes
// terms, partial terms and other words.
const WORDS = [ 'leadership', 'leader', 'leaders', 'task', 'force', 'task force', 'résilience',
	'meneur', 'the', ' ', ', ', 'Leadership', 'LEADER', 'leadershipx', 'xleader', '\u00a0', 'é' ];
const TAGS = [ 'p', 'span', 'b', 'i', 'a', 'code', 'h3', 'div class="noglossary"', 'sup class="reference"',
	'div lang="fr"', 'span lang="en"', 'li' ];

const textArb = fc.array( fc.constantFrom( ...WORDS ), { maxLength: 8 } ).map( ( w ) => w.join( '' ) );
const { tree } = fc.letrec( ( tie ) => ( {
	tree: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		textArb.map( ( t ) => t.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ) ),
		fc.tuple( fc.constantFrom( ...TAGS ), fc.array( tie( 'tree' ), { maxLength: 4 } ) )
			.map( ( [ tag, children ] ) => `<${ tag }>${ ( children as string[] ).join( '' ) }</${ tag.split( ' ' )[ 0 ] }>` ),
	),
} ) );

describe( 'markTerms (properties)', () => {
	it( 'never changes the text, marks only glossary terms, never inside excluded elements', async () => {
		const terms = new Set( [ ...EN, ...FR ].map( ( [ t ] ) => t ) );
		const trees = fc.array( tree, { maxLength: 5 } );
		await fc.assert( fc.asyncProperty( trees, fc.boolean(), async ( parts, all ) => {
			const root = page( parts.join( '' ), 'en' );
			const before = root.textContent;
			await markTerms( root, options( { markAll: all } ) );
			expect( root.textContent ).toBe( before );
			for ( const el of Array.from( root.querySelectorAll( '.ldwg-term' ) ) ) {
				// White space inside a term matches any white-space character (`task\u00a0force`).
				expect( terms.has( ( el.textContent ?? '' ).toLowerCase().replace( /\s/g, ' ' ) ) ).toBe( true );
				expect( el.parentElement?.closest( 'a, code, h3, .noglossary, .reference, .ldwg-term' ) ).toBeNull();
			}
			const snapshot = root.innerHTML;
			await markTerms( root, options( { markAll: all } ) );
			expect( root.innerHTML ).toBe( snapshot );
		} ), { numRuns: 150 } );
	} );
} );
