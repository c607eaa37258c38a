/**
 * The feedback form in real Chromium on the local wiki: a logged-in reader gives feedback on a
 * section of the English draft and of the Arabic translation and the entries land on the source
 * draft's talk page with the right fields, language and revision; a hostile comment is previewed
 * exactly as typed (no script, image or inline style in the preview), round-trips exactly and
 * executes nothing; another user editing the talk page meanwhile still leaves exactly
 * one entry; a logged-out reader is told about the IP address before saving; axe-core finds no
 * serious or critical violation in the form in Vector 2022 and Minerva, English and Arabic, and
 * screenshots of those four cases go to test-output/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGadgetReady, launchBrowser, newPage, screenshot } from '../helpers/browser.ts';
import type { Skin, WikiPage } from '../helpers/browser.ts';
import { apiClient } from '../helpers/wiki.ts';
import { parseEntries, type ParsedEntry } from '../../shared/entry/parse.ts';

const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const TALK = `Talk:${ DRAFT }`;

let browser: Browser;

/** What the hostile comment would set if any of it ran. */
type Pwned = Window & { ldwgPwned?: number };

/** Current wikitext of the talk page ('' when it does not exist). */
async function talkText(): Promise<string> {
	const admin = await apiClient( 'admin' );
	const response = await admin.query( { prop: 'revisions', rvprop: 'content', rvslots: 'main',
		titles: TALK, formatversion: '2' } ) as {
		query: { pages: { revisions?: { slots: { main: { content: string } } }[] }[] };
	};
	const page = response.query.pages[ 0 ];
	return page?.revisions?.[ 0 ]?.slots.main.content ?? '';
}

/** Entries on the talk page whose comment contains a marker unique to the test. */
async function entriesWith( marker: string ): Promise<ParsedEntry[]> {
	return parseEntries( await talkText() ).entries
		.filter( ( e ) => ( e.entry.comment ?? '' ).includes( marker ) );
}

/** Opens a page, waits for the eager module, clicks a section's button, waits for the form. */
async function openForm( wiki: WikiPage, title: string, section = 'leader' ): Promise<number> {
	await wiki.open( title );
	await expectGadgetReady( wiki );
	const button = wiki.page
		.locator( `.ldwg-feedback[data-ldwg-section="${ section }"] button.ldwg-feedback-button` );
	await button.waitFor( { state: 'attached', timeout: 30000 } );
	// Minerva may show the section collapsed; this is the reader's tap after opening it.
	await button.evaluate( ( b ) => ( b as HTMLButtonElement ).click() );
	await wiki.page.locator( '.ldwg-form[role="dialog"]' ).waitFor( { timeout: 30000 } );
	return wiki.page.evaluate( () => Number( window.mw.config.get( 'wgRevisionId' ) ) );
}

async function choose( wiki: WikiPage, value: string, nth = 0 ): Promise<void> {
	await wiki.page.locator( `.ldwg-form input[type="radio"][value="${ value }"]` ).nth( nth ).check();
}

/** Saves and waits for the success message; returns the saved entry's id from the link. */
async function saveAndWait( wiki: WikiPage ): Promise<string> {
	await wiki.page.locator( '.ldwg-form footer button[type="submit"]' ).click();
	const link = wiki.page.locator( '.ldwg-form .cdx-message--success a' );
	await link.waitFor( { timeout: 30000 } );
	const href = await link.getAttribute( 'href' ) ?? '';
	expect( href ).toContain( '#ldwg-entry-' );
	// Nothing left to publish: the buttons are gone from the screen (Codex's button styles
	// must not override their `hidden` attribute), only "Close" stays.
	expect( await wiki.page.locator( '.ldwg-form footer button:visible' ).count() ).toBe( 1 );
	return href.slice( href.indexOf( '#ldwg-entry-' ) + '#ldwg-entry-'.length );
}

beforeAll( async () => {
	browser = await launchBrowser();
}, 120000 );

afterAll( async () => {
	await browser?.close();
} );

describe( 'saving feedback', () => {
	it( 'saves an entry from the English draft with every field, the page viewed and its revision', async () => {
		const wiki = await newPage( browser, { account: 'alice' } );
		try {
			const revision = await openForm( wiki, DRAFT );
			// Keyboard: focus is inside the form, on the first stance.
			expect( await wiki.page.evaluate( () => document.activeElement?.closest( '.ldwg-form' ) !== null ) ).toBe( true );
			const marker = `en-${ Date.now() }`;
			await choose( wiki, 'support-with-changes' );
			await choose( wiki, '4', 0 );
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( `Clearer please ${ marker }` );
			await wiki.page.locator( '.ldwg-form textarea[name="wording"]' ).fill( 'A leader is someone who…' );
			const region = await wiki.page.locator( '.ldwg-form select[name="region"] option' ).nth( 1 ).getAttribute( 'value' ) ?? '';
			await wiki.page.locator( '.ldwg-form select[name="region"]' ).selectOption( region );
			// Preview first: rendered by the wiki.
			await wiki.page.locator( '.ldwg-form footer button' ).nth( 1 ).click();
			await wiki.page.locator( '.ldwg-form-preview-content .mw-parser-output' ).waitFor( { timeout: 30000 } );
			const id = await saveAndWait( wiki );
			const entries = await entriesWith( marker );
			expect( entries ).toHaveLength( 1 );
			expect( entries[ 0 ]?.entry ).toMatchObject( {
				id, page: DRAFT, source: DRAFT, section: 'leader', rev: revision, stance: 'support-with-changes',
				lang: 'en', region, wording: 'A leader is someone who…', comment: `Clearer please ${ marker }`,
			} );
			expect( Object.values( entries[ 0 ]?.entry.rubric ?? {} ) ).toContain( 4 );
			// The signature is on the entry's line, after the call.
			const line = ( await talkText() ).split( '\n' ).find( ( l ) => l.includes( id ) ) ?? '';
			expect( line ).toMatch( /\}\} \[\[User:Alice/ );
			// The section's own status says so too, with a link to the new thread (the notice the
			// form module hands to the eager module).
			const status = wiki.page.locator( '.ldwg-feedback[data-ldwg-section="leader"] [role="status"]' );
			await expect.poll( () => status.textContent(), { timeout: 10000 } )
				.toBe( 'Thank you, your feedback was saved. See it on the talk page' );
			expect( await status.locator( 'a' ).getAttribute( 'href' ) )
				.toContain( 'Talk:Leadership_Development_Working_Group/Shared_definition_of_leadership#' );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'saves feedback given on the Arabic translation to the source talk page, in Arabic', async () => {
		const wiki = await newPage( browser, { account: 'alice', uselang: 'ar' } );
		try {
			const revision = await openForm( wiki, `${ DRAFT }/ar` );
			expect( await wiki.page.locator( '.ldwg-form select[name="language"]' ).inputValue() ).toBe( 'ar' );
			// The form's texts come from the dialog translations, fetched on the first click.
			expect( await wiki.page.locator( '.ldwg-form h2.cdx-dialog__header__title' ).textContent() )
				.toMatch( /^رأيك في «.+»$/ );
			// Numbers in Arabic digits, and the plural form MediaWiki's rules pick for 5,000
			// ("other": the singular after thousands), both from the real mediawiki.language.
			expect( await wiki.page.locator( '.ldwg-form [id$="-comment-help"]' ).textContent() )
				.toContain( 'حتى ٥٬٠٠٠ حرف.' );
			const marker = `ar-${ Date.now() }`;
			await choose( wiki, 'oppose' );
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( `التعريف غير واضح ${ marker }` );
			const id = await saveAndWait( wiki );
			const entries = await entriesWith( marker );
			expect( entries ).toHaveLength( 1 );
			expect( entries[ 0 ]?.entry ).toMatchObject( {
				id, page: `${ DRAFT }/ar`, source: DRAFT, rev: revision, stance: 'oppose', lang: 'ar',
			} );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'round-trips a hostile comment exactly and runs none of it', async () => {
		const wiki = await newPage( browser, { account: 'alice' } );
		try {
			await openForm( wiki, DRAFT, 'good-leadership' );
			const marker = `hostile-${ Date.now() }`;
			const hostile = `${ marker } {{subst:CURRENTYEAR}} [[Category:Pwned]] ~~~~ <script>window.ldwgPwned = 1</script>` +
				' <img src=x onerror="window.ldwgPwned = 2"> |}} == heading ==\n* list\n{| table';
			await choose( wiki, 'neutral' );
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( hostile );
			await wiki.page.locator( '.ldwg-form footer button' ).nth( 1 ).click();
			await wiki.page.locator( '.ldwg-form-preview-content .mw-parser-output' ).waitFor( { timeout: 30000 } );
			// The preview shows the comment exactly as typed, as text, line breaks kept (the
			// template's inline styles are dropped by the preview; form.css keeps pre-wrap).
			const previewed = wiki.page.locator( '.ldwg-form-preview-content .ldwg-entry-comment' );
			expect( await previewed.evaluate( ( node ) => node.textContent ) ).toBe( hostile );
			expect( await previewed.evaluate( ( node ) => getComputedStyle( node ).whiteSpace ) ).toBe( 'pre-wrap' );
			expect( await wiki.page.locator( '.ldwg-form-preview-content' )
				.locator( 'script, img, [style], [onerror]' ).count() ).toBe( 0 );
			expect( await wiki.page.locator( '.ldwg-form-preview-content a[href*="User"]' ).count() )
				.toBeGreaterThan( 0 );
			await saveAndWait( wiki );
			const entries = await entriesWith( marker );
			expect( entries ).toHaveLength( 1 );
			expect( entries[ 0 ]?.entry.comment ).toBe( hostile );
			expect( await wiki.page.evaluate( () => ( window as Pwned ).ldwgPwned ) )
				.toBeUndefined();
			// On the talk page itself: shown as text, nothing executed, no category added.
			await wiki.open( TALK );
			expect( await wiki.page.evaluate( () => ( window as Pwned ).ldwgPwned ) )
				.toBeUndefined();
			expect( await wiki.page.locator( '#catlinks a[title="Category:Pwned"]' ).count() ).toBe( 0 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'saves exactly one entry when another user edits the talk page between opening and saving', async () => {
		const wiki = await newPage( browser, { account: 'alice' } );
		try {
			await openForm( wiki, DRAFT, 'leadership-skills' );
			const marker = `concurrent-${ Date.now() }`;
			await choose( wiki, 'support' );
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( marker );
			const bob = await apiClient( 'bob' );
			await bob.edit( TALK, ( rev ) => ( { text: `${ rev.content }\n\n== Bob's thread ==\nMeanwhile. ~~~~`,
				summary: 'Concurrent edit from the form test' } ) );
			await saveAndWait( wiki );
			expect( await entriesWith( marker ) ).toHaveLength( 1 );
			expect( await talkText() ).toContain( "== Bob's thread ==" );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );

	it( 'tells a logged-out reader that their IP address will be published, then saves', async () => {
		const wiki = await newPage( browser );
		try {
			await openForm( wiki, DRAFT );
			const notice = wiki.page.locator( '.ldwg-form .ldwg-form-anon' );
			await expect.poll( async () => notice.textContent(), { timeout: 30000 } ).toMatch( /IP address/ );
			// MediaWiki's own words (anoneditwarning, rendered by the wiki) with its login link.
			await expect.poll( async () => notice.locator( 'a[href*="UserLogin"]' ).count(),
				{ timeout: 30000 } ).toBeGreaterThan( 0 );
			const marker = `anon-${ Date.now() }`;
			await choose( wiki, 'support' );
			await wiki.page.locator( '.ldwg-form textarea[name="comment"]' ).fill( marker );
			await saveAndWait( wiki );
			expect( await entriesWith( marker ) ).toHaveLength( 1 );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe.each( [ 'vector-2022', 'minerva' ] as Skin[] )( 'accessibility in %s', ( skin ) => {
	it.each( [ 'en', 'ar' ] )( 'has no serious or critical axe violation in the form (%s)', async ( lang ) => {
		const viewport = skin === 'minerva' ? { width: 390, height: 844 } : undefined;
		const wiki = await newPage( browser, { skin, account: 'chandra', uselang: lang, viewport } );
		try {
			await openForm( wiki, lang === 'ar' ? `${ DRAFT }/ar` : DRAFT );
			// Show a validation error too, so its markup is scanned.
			await wiki.page.locator( '.ldwg-form footer button[type="submit"]' ).click();
			await wiki.page.locator( '.ldwg-form-summary:not([hidden])' ).waitFor();
			expect( await wiki.page.locator( '.ldwg-form' ).getAttribute( 'dir' ) ?? await wiki.page.locator( '.ldwg-form-backdrop' ).getAttribute( 'dir' ) )
				.toBe( lang === 'ar' ? 'rtl' : 'ltr' );
			const results = await new AxeBuilder( { page: wiki.page } ).include( '.ldwg-form' ).analyze();
			const bad = results.violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
			expect( bad.map( ( v ) => `${ v.id }: ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }` ) ).toEqual( [] );
			await screenshot( wiki, `form-${ skin }-${ lang }` );
			// Escape closes and focus goes back to the button.
			await wiki.page.keyboard.press( 'Escape' );
			expect( await wiki.page.locator( '.ldwg-form' ).count() ).toBe( 0 );
			expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-feedback-button' ) ) ).toBe( true );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );

describe( 'the page behind the open form', () => {
	it( 'is out of the accessibility tree while the form is open, and back after it closes', async () => {
		const wiki = await newPage( browser, { skin: 'minerva', account: 'chandra', viewport: { width: 390, height: 844 } } );
		try {
			await openForm( wiki, DRAFT );
			const cdp = await wiki.context.newCDPSession( wiki.page );
			const ignored = async ( selector: string ): Promise<boolean> => {
				const { root } = await cdp.send( 'DOM.getDocument', { depth: 0 } );
				const { nodeId } = await cdp.send( 'DOM.querySelector', { nodeId: root.nodeId, selector } );
				const { nodes } = await cdp.send( 'Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false } );
				return nodes[ 0 ]?.ignored === true;
			};
			// aria-modal alone leaves the page in Chromium's tree, where a screen reader goes.
			expect( await ignored( '#firstHeading' ) ).toBe( true );
			expect( await ignored( '.ldwg-feedback-button' ) ).toBe( true );
			expect( await ignored( '.ldwg-form h2' ) ).toBe( false );
			await wiki.page.keyboard.press( 'Escape' );
			expect( await wiki.page.evaluate( () => document.activeElement?.classList.contains( 'ldwg-feedback-button' ) ) ).toBe( true );
			expect( await ignored( '#firstHeading' ) ).toBe( false );
			expect( await ignored( '.ldwg-feedback-button' ) ).toBe( false );
			wiki.assertClean();
		} finally {
			await wiki.close();
		}
	} );
} );
