/**
 * Smoke test of the test base: the bot logs in through the API with its BotPassword, has the bot
 * flag and high API limits, edits a page and reads back exactly what it wrote; the seed left the
 * content the other suites rely on.
 */
import { describe, expect, it } from 'vitest';
import { apiClient, testWiki } from '../helpers/wiki.ts';

describe( 'local test wiki', () => {
	it( 'lets the bot log in, edit and read back', async () => {
		const bot = await apiClient( 'bot' );
		const info = await bot.userinfo( { uiprop: [ 'groups', 'rights' ] } ) as {
			name: string; groups: string[]; rights: string[];
		};
		expect( info.name ).toBe( 'LDWG-bot' );
		expect( info.groups ).toContain( 'bot' );
		expect( info.rights ).toContain( 'apihighlimits' );

		const title = `User:LDWG-bot/smoke test ${ Date.now() }`;
		const text = 'Smoke test: {{tl|x}} ~~~~ [[Category:Nothing]] — ünïcödé, العربية';
		const result = await bot.request( {
			action: 'edit', title, text, summary: 'smoke test', bot: true, assert: 'bot',
			token: bot.csrfToken, formatversion: '2', contentformat: 'text/x-wiki',
		} ) as { edit: { result: string; newrevid: number } };
		expect( result.edit.result ).toBe( 'Success' );

		const page = await bot.read( title, { rvprop: 'content|ids' } );
		const revision = page.revisions?.[ 0 ];
		expect( revision?.revid ).toBe( result.edit.newrevid );
		// Signatures expand on save: what comes back is the text with ~~~~ replaced.
		expect( revision?.content ).toMatch( /^Smoke test: \{\{tl\|x\}\} \[\[User:LDWG-bot\|LDWG-bot\]\]/ );
		expect( revision?.content ).toContain( '[[Category:Nothing]] — ünïcödé, العربية' );
		const history = await bot.request( {
			action: 'query', prop: 'revisions', titles: title, rvprop: 'user|flags', formatversion: '2',
		} ) as { query: { pages: { revisions: { user: string }[] }[] } };
		expect( history.query.pages[ 0 ]?.revisions[ 0 ]?.user ).toBe( 'LDWG-bot' );
	} );

	it( 'is seeded: translations carry their page language, the gadget is defined', async () => {
		const { api } = testWiki();
		const admin = await apiClient( 'admin' );
		const draft = 'Leadership Development Working Group/Shared definition of leadership';
		const response = await admin.request( {
			action: 'query', prop: 'info', titles: [ draft, `${ draft }/ar`, `${ draft }/fr` ], formatversion: '2',
		} ) as { query: { pages: { title: string; pagelanguage: string; missing?: boolean }[] } };
		const languages = Object.fromEntries(
			response.query.pages.map( ( p ) => [ p.title, p.pagelanguage ] ),
		);
		expect( languages ).toEqual( { [ draft ]: 'en', [ `${ draft }/ar` ]: 'ar', [ `${ draft }/fr` ]: 'fr' } );

		const definition = await admin.read( 'MediaWiki:Gadgets-definition' );
		expect( definition.revisions?.[ 0 ]?.content ).toMatch( /^\* ldwg\[ResourceLoader/m );
		expect( api ).toMatch( /^http:\/\/127\.0\.0\.1:\d+\/api\.php$/ );
	} );

	it( 'shows the gadgets\' names and section in the reader\'s language in the preferences', async () => {
		// Special:Preferences reads the messages gadget-<name> and gadget-section-<section>;
		// MediaWiki finds the deployed MediaWiki:Gadget-ldwg/fr for a French reader.
		const admin = await apiClient( 'admin' );
		const names = async ( lang: string ): Promise<Record<string, string>> => {
			const response = await admin.request( {
				action: 'query', meta: 'allmessages', amlang: lang, formatversion: '2',
				ammessages: [ 'gadget-ldwg', 'gadget-ldwg-glossary', 'gadget-section-ldwg' ],
			} ) as { query: { allmessages: { name: string; content?: string }[] } };
			return Object.fromEntries( response.query.allmessages.map( ( m ) => [ m.name, m.content ?? '' ] ) );
		};
		expect( await names( 'en' ) ).toEqual( {
			'gadget-ldwg': 'Consultation feedback and glossary',
			'gadget-ldwg-glossary': 'Highlight glossary terms in the leadership consultation pages',
			'gadget-section-ldwg': 'Leadership Development Working Group consultation',
		} );
		const french = await names( 'fr' );
		expect( french[ 'gadget-section-ldwg' ] ).toBe( 'Consultation du groupe de travail sur le développement du leadership' );
		expect( french[ 'gadget-ldwg-glossary' ] ).toMatch( /^Surligner les termes du glossaire/ );
	} );

	it( 'refuses a wrong BotPassword with a login error', async () => {
		const { api, accounts } = testWiki();
		const { createClient } = await import( '../../bot/client.ts' );
		await expect( createClient( {
			apiUrl: api, contact: 'tests', maxlag: false,
			credentials: { kind: 'botpassword', username: accounts.bot.botUsername, password: '0'.repeat( 32 ) },
		} ) ).rejects.toThrow();
	} );
} );
