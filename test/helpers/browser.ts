/**
 * Browser helpers: Debian's Chromium driven by playwright-core against the local test wiki.
 *
 * Every page opened with {@link newPage} carries a console guard: a console error or an uncaught
 * page error fails the test (call `wikiPage.assertClean()`, or use {@link expectGadgetReady}),
 * unless it matches the short, commented {@link CONSOLE_ALLOW_LIST}. This matters because
 * ResourceLoader does not fail a broken gadget loudly: it logs an error and the module can still
 * say `ready`.
 *
 * @example
 * ```ts
 * const browser = await launchBrowser();
 * const wiki = await newPage( browser, { account: 'alice', skin: 'minerva', uselang: 'fr' } );
 * await wiki.open( 'Leadership Development Working Group/Shared definition of leadership/ar' );
 * await expectGadgetReady( wiki );
 * await browser.close();
 * ```
 *
 * @packageDocumentation
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { account, testWiki } from './wiki.ts';
import type { AccountKey } from './wiki.ts';

/** Debian's Chromium (`npx playwright install` cannot work on this machine). */
export const CHROMIUM_PATH = process.env.LDWG_CHROMIUM || '/usr/bin/chromium';

/** Flags for headless Chromium in a container without a GPU, sandbox or network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Skins of the local wiki (`useskin=`). */
export type Skin = 'vector-2022' | 'vector' | 'monobook' | 'timeless' | 'minerva';

/**
 * Console messages that do not fail a test. Keep it short, and say why for each entry.
 */
export const CONSOLE_ALLOW_LIST: { pattern: RegExp; why: string }[] = [
	{
		// The local wiki has no favicon; Chromium logs the 404 of /favicon.ico as an error.
		pattern: /favicon\.ico/,
		why: 'no favicon on the local wiki',
	},
];

/** A console error or uncaught exception seen on a page. */
export interface PageProblem {
	kind: 'console' | 'pageerror';
	text: string;
	url: string;
}

/** A page of the test wiki with its console guard. */
export interface WikiPage {
	page: Page;
	context: BrowserContext;
	/** Problems seen so far (allow-listed ones excluded). */
	problems: PageProblem[];
	/**
	 * Opens a wiki page by title with the chosen skin and language.
	 *
	 * @param title Page title.
	 * @param params Extra URL parameters (e.g. `{ action: 'edit' }`).
	 */
	open( title: string, params?: Record<string, string> ): Promise<void>;
	/** Throws, listing them, when any console error or page error was seen. */
	assertClean(): void;
	/** Closes the page's context. */
	close(): Promise<void>;
}

/** Options of {@link newPage}. */
export interface NewPageOptions {
	/** Log in as this local account first (default: logged out, like an IP reader). */
	account?: AccountKey;
	/** Skin (default: the wiki's default, Vector 2022). */
	skin?: Skin;
	/** Interface language (`uselang=`). */
	uselang?: string;
	/** Viewport (default 1280×900; Minerva tests may want a phone size). */
	viewport?: { width: number; height: number };
	/** A touch phone instead of a desktop window: 360 × 640, isMobile, hasTouch, scale 2. */
	phone?: boolean;
}

/** Launches headless Chromium. Close it in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch( {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
	} );
}

/**
 * Logs a browser context in through the API (action=clientlogin with the account's main
 * password). The context's request object shares cookies with its pages, so the pages are
 * logged in afterwards; this is quicker and steadier than filling in Special:UserLogin.
 */
export async function login( context: BrowserContext, name: AccountKey ): Promise<void> {
	const { api, url } = testWiki();
	const local = account( name );
	const tokens = await context.request.get( `${ api }?action=query&meta=tokens&type=login&format=json&formatversion=2` );
	const tokenBody = await tokens.json() as { query: { tokens: { logintoken: string } } };
	const loginToken = tokenBody.query.tokens.logintoken;
	const response = await context.request.post( api, {
		form: {
			action: 'clientlogin',
			username: local.username,
			password: local.password,
			logintoken: loginToken,
			loginreturnurl: url,
			format: 'json',
			formatversion: '2',
		},
	} );
	const body = await response.json() as { clientlogin?: { status: string; message?: string } };
	if ( body.clientlogin?.status !== 'PASS' ) {
		throw new Error( `Browser login as ${ local.username } failed: ${ JSON.stringify( body ) }` );
	}
}

/**
 * Opens a new context and page, logged in if asked, with the console guard attached.
 */
export async function newPage( browser: Browser, options: NewPageOptions = {} ): Promise<WikiPage> {
	const { url } = testWiki();
	const locale = options.uselang ?? 'en';
	const context = await browser.newContext( options.phone ?
		{ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true,
			deviceScaleFactor: 2, locale } :
		{ viewport: options.viewport ?? { width: 1280, height: 900 }, locale } );
	if ( options.account ) {
		await login( context, options.account );
	}
	const page = await context.newPage();
	const problems: PageProblem[] = [];
	const record = ( problem: PageProblem ): void => {
		if ( !CONSOLE_ALLOW_LIST.some( ( allowed ) => allowed.pattern.test( `${ problem.text } ${ problem.url }` ) ) ) {
			problems.push( problem );
		}
	};
	page.on( 'console', ( message ) => {
		if ( message.type() === 'error' ) {
			record( { kind: 'console', text: message.text(), url: message.location().url } );
		}
	} );
	page.on( 'pageerror', ( error ) => {
		record( { kind: 'pageerror', text: `${ error.name }: ${ error.message }\n${ error.stack ?? '' }`, url: page.url() } );
	} );
	return {
		page,
		context,
		problems,
		async open( title, params = {} ) {
			const query = new URLSearchParams( { title, ...params } );
			if ( options.skin ) {
				query.set( 'useskin', options.skin );
			}
			if ( options.uselang ) {
				query.set( 'uselang', options.uselang );
			}
			const response = await page.goto( `${ url }/index.php?${ query.toString() }`, { waitUntil: 'load' } );
			if ( !response || response.status() >= 400 ) {
				throw new Error( `Opening ${ title } gave HTTP ${ response?.status() ?? 'no response' }` );
			}
		},
		assertClean() {
			if ( problems.length ) {
				throw new Error( `Console errors or page errors on ${ page.url() }:\n` +
					problems.map( ( p ) => `- [${ p.kind }] ${ p.text } (${ p.url })` ).join( '\n' ) );
			}
		},
		close: () => context.close(),
	};
}

/**
 * Waits until a ResourceLoader module has loaded and checks that it really is `ready` and that
 * the page logged no error on the way. A module ResourceLoader replaced with its error stub, a
 * module in state `error` or `missing`, and a gadget whose code threw all fail here.
 *
 * @param wikiPage Page opened with {@link newPage}.
 * @param module Module name (default the eager gadget, `ext.gadget.ldwg`).
 */
export async function expectGadgetReady( wikiPage: WikiPage, module = 'ext.gadget.ldwg' ): Promise<void> {
	const state = await wikiPage.page.evaluate( async ( name ) => {
		const loader = window.mw.loader;
		const before = loader.getState( name );
		if ( before === null ) {
			return 'unregistered';
		}
		try {
			await loader.using( name );
		} catch {
			// The state below says what went wrong.
		}
		return loader.getState( name );
	}, module );
	if ( state !== 'ready' ) {
		throw new Error( `Module ${ module } is ${ String( state ) }, not ready` );
	}
	wikiPage.assertClean();
}

/**
 * Saves a full-page screenshot to `test-output/<name>.png` (git-ignored) and returns its path.
 */
export async function screenshot( wikiPage: WikiPage, name: string ): Promise<string> {
	const dir = path.resolve( 'test-output' );
	mkdirSync( dir, { recursive: true } );
	const file = path.join( dir, `${ name.replace( /[^\w.-]+/g, '_' ) }.png` );
	await wikiPage.page.screenshot( { path: file, fullPage: true } );
	return file;
}
