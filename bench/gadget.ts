/**
 * The gadget's weight on readers, measured in Chromium (Debian's, through playwright-core) on the
 * bench wiki, with the gadget deployed as on Meta:
 *
 * - `gadget.eager_gzip_bytes`: gzip size of OUR files an English draft page view loads — the
 *   ResourceLoader response of EVERY `ext.gadget.ldwg…` module the page view loads before any
 *   interaction (the two eager gadgets `ext.gadget.ldwg` and `ext.gadget.ldwg-glossary` and any
 *   of our modules they depend on or load by themselves, such as the hidden shared module:
 *   JS, CSS, bundled English messages and the configuration JSON package file), plus the
 *   responses of the requests our code makes (summary JSON, glossary term index, …). The
 *   modules are fetched again on their own, all in one `load.php?modules=<ours>` request as
 *   ResourceLoader batches them, because its page-view response may mix them with core
 *   modules; bodies are gzipped here (level 6, as servers do). Goal ≤ 8,000.
 *   One correction for the local wiki: MediaWiki 1.39's Gadgets ignores the `namespaces=`
 *   condition that Meta honours, so it loads every default gadget on every page. A module whose
 *   definition line (gadget/gadget-definition.txt) has a `namespaces=` list without the draft's
 *   namespace (0) — the Translate editor helper, `namespaces=-1` — is not counted, and the
 *   figure's note names it; everything the drafts' conditions load is counted.
 *   The bot's JSON pages the page view reads are written first when missing, as the bot
 *   publishes them: the contract's summary fixture and the term indexes compiled from
 *   wiki-content/glossary/ (without them the requests would be 404s that weigh nothing).
 * - `gadget.eager_core_gzip_bytes`: the feedback module's share of that (informative):
 *   `ext.gadget.ldwg` with the hidden modules it depends on, and the summary request.
 * - `gadget.eager_gzip_bytes_ar`: the same for a reader of the Arabic translation in Arabic
 *   (translated messages come in the summary request; the translation loader module
 *   `ext.gadget.ldwg-i18n` is among the modules counted).
 * - `gadget.lazy_gzip_bytes`: what opening the form adds (our modules loaded after the click,
 *   `ext.gadget.ldwg-form` and any it needs, and the requests it makes on opening).
 * - `gadget.pageview_requests`: HTTP requests our code makes on an English draft page view
 *   (API and raw page requests naming our pages; ResourceLoader's own request for the gadget
 *   modules is not counted). The summary request is checked to be cacheable (`maxage`).
 * - `gadget.nontarget_requests` and `gadget.nontarget_dom_changes`: on a page that is not a
 *   draft but carries section markers (so the category condition would load the gadget on
 *   Meta too), requests naming our pages, and mutations inside `#mw-content-text` after the
 *   HTML was parsed. Goal 0 and 0.
 *
 * Without a bench wiki, `eager_gzip_bytes` is computed from dist/ and the shipped JSON instead
 * (said in its note) and the other figures are `null` with the reason.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { compileGlossary } from '../shared/glossary/compile.ts';
import { buildTermIndex } from '../shared/glossary/term-index.ts';
import type { BenchModule, BenchWiki, Figure } from './types.ts';

const root = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..' );
const DRAFT = 'Leadership Development Working Group/Shared definition of leadership';
const NOT_A_DRAFT = 'Leadership Development Working Group/Bench marker sandbox';
const SUMMARY_JSON = 'User:LDWG-bot/summary.json';
const TERMS_PREFIX = 'User:LDWG-bot/glossary-terms/';
/** Hidden modules the feedback module depends on (its share in eager_core_gzip_bytes). */
const CORE_MODULES = [ 'ext.gadget.ldwg', 'ext.gadget.ldwg-base' ];
const FORM_MODULE = 'ext.gadget.ldwg-form';
const GOAL_EAGER = '≤ 8000';

const gz = ( body: Buffer | string ): number => gzipSync( body, { level: 6 } ).length;

/** Requests naming our pages: API queries and raw loads (the summary, messages, term indexes). */
function isOurRequest( url: string ): boolean {
	return ( /\/api\.php\?/.test( url ) || /[?&]action=raw/.test( url ) ) &&
		/ldwg/i.test( decodeURIComponent( url ) );
}

/** Our gadget modules named in a load.php URL. */
function ourModules( url: string ): string[] {
	if ( !/\/load\.php\?/.test( url ) ) {
		return [];
	}
	const modules = new URL( url ).searchParams.get( 'modules' ) || '';
	// ResourceLoader packs names: `ext.gadget.ldwg,ldwg-glossary|jquery,…`.
	const names: string[] = [];
	for ( const group of modules.split( '|' ) ) {
		const parts = group.split( ',' );
		const first = parts[ 0 ] || '';
		const prefix = first.slice( 0, first.lastIndexOf( '.' ) + 1 );
		names.push( first, ...parts.slice( 1 ).map( ( p ) => prefix + p ) );
	}
	return names.filter( ( n ) => /^ext\.gadget\.ldwg(?:-|$)/.test( n ) );
}

interface Capture {
	/** Our requests (see isOurRequest) with their gzip sizes. */
	ours: { url: string; gzip: number }[];
	/** Our modules ResourceLoader loaded. */
	modules: Set<string>;
	/** Requests of any kind started and not yet finished, and when the last one started. */
	inFlight: number;
	lastStart: number;
}

function capture( page: Page ): Capture {
	const result: Capture = { ours: [], modules: new Set(), inFlight: 0, lastStart: Date.now() };
	page.on( 'request', ( request ) => {
		result.inFlight++;
		result.lastStart = Date.now();
		ourModules( request.url() ).forEach( ( m ) => result.modules.add( m ) );
	} );
	const done = (): void => {
		result.inFlight = Math.max( 0, result.inFlight - 1 );
	};
	page.on( 'requestfinished', done );
	page.on( 'requestfailed', done );
	page.on( 'response', async ( response ) => {
		if ( isOurRequest( response.url() ) ) {
			const entry = { url: response.url(), gzip: 0 };
			result.ours.push( entry );
			try {
				entry.gzip = gz( await response.body() );
			} catch {
				// Body not available (redirect); counted as a request with no bytes.
			}
		}
	} );
	return result;
}

/** gzip size of our modules as ResourceLoader serves them, fetched on their own. */
async function moduleBytes(
	context: BrowserContext,
	base: string,
	modules: string[],
	lang: string,
): Promise<number> {
	if ( !modules.length ) {
		return 0;
	}
	const query = new URLSearchParams( { modules: modules.join( '|' ), lang, skin: 'vector-2022' } );
	const response = await context.request.get( `${ base }/load.php?${ query.toString() }` );
	return gz( await response.body() );
}

async function login( context: BrowserContext, wiki: BenchWiki, key: string ): Promise<void> {
	const local = wiki.accounts[ key ];
	if ( !local ) {
		throw new Error( `no ${ key } account on the bench wiki` );
	}
	const tokens = await context.request.get(
		`${ wiki.api }?action=query&meta=tokens&type=login&format=json&formatversion=2`,
	);
	type Tokens = { query: { tokens: { logintoken: string } } };
	const loginToken = ( await tokens.json() as Tokens ).query.tokens.logintoken;
	const response = await context.request.post( wiki.api, { form: {
		action: 'clientlogin', username: local.username, password: local.password,
		logintoken: loginToken, loginreturnurl: wiki.api, format: 'json', formatversion: '2',
	} } );
	const body = await response.json() as { clientlogin?: { status: string } };
	if ( body.clientlogin?.status !== 'PASS' ) {
		throw new Error( `login as ${ key } failed` );
	}
}

/**
 * Writes a page as the administrator (an unchanged text is a null edit). Always, not only when
 * the page is missing: the figures must not depend on what ran before on the bench wiki (the bot
 * bench writes a real, smaller summary, which took about 290 bytes off the eager figures when it
 * ran first).
 */
async function putPage(
	browser: Browser,
	wiki: BenchWiki,
	title: string,
	text: string,
): Promise<void> {
	const context = await browser.newContext();
	try {
		await login( context, wiki, 'admin' );
		const query = await context.request.get( `${ wiki.api }?${ new URLSearchParams( {
			action: 'query', meta: 'tokens', format: 'json', formatversion: '2',
		} ).toString() }` );
		type Answer = { query: { tokens: { csrftoken: string } } };
		const answer = await query.json() as Answer;
		const edit = await context.request.post( wiki.api, { form: {
			action: 'edit', title, text, summary: 'bench fixture', token: answer.query.tokens.csrftoken,
			format: 'json', formatversion: '2',
		} } );
		type EditAnswer = { edit?: { result?: string }; error?: { info?: string } };
		const result = await edit.json() as EditAnswer;
		if ( result.edit?.result !== 'Success' ) {
			const why = result.error?.info ?? 'no answer';
			throw new Error( `could not write ${ title } on the bench wiki: ${ why }` );
		}
	} finally {
		await context.close();
	}
}

function indexUrl( wiki: BenchWiki ): string {
	return wiki.url.replace( /\/index\.php$/, '' );
}

/** Opens a page and waits until our code is done (network idle after the gadget ran). */
async function view(
	page: Page,
	base: string,
	title: string,
	params: Record<string, string> = {},
): Promise<void> {
	await page.goto( `${ base }/index.php?${ new URLSearchParams( { title, ...params } ).toString() }` );
	await page.waitForFunction(
		() => window.mw && window.mw.loader.getState( 'ext.gadget.ldwg' ) === 'ready',
		undefined,
		{ timeout: 60000 },
	);
	await page.waitForLoadState( 'networkidle' );
}

/**
 * Waits until the page has been quiet for `ms` (no request in flight, none started): the
 * glossary module may fetch its term index well after the load event, when the browser is idle.
 */
async function quiet( page: Page, seen: Capture, ms = 2000 ): Promise<void> {
	const deadline = Date.now() + 60000;
	while ( Date.now() < deadline && ( seen.inFlight > 0 || Date.now() - seen.lastStart < ms ) ) {
		await page.waitForTimeout( 250 );
	}
}

/**
 * Whether Meta would load a gadget module on a page of `namespace`: false only when its
 * definition line has a `namespaces=` condition without that namespace (the local 1.39 wiki
 * ignores the condition; see the header).
 */
function loadsInNamespace( module: string, namespace: number ): boolean {
	const name = module.replace( /^ext\.gadget\./, '' );
	const text = readFileSync( path.join( root, 'gadget', 'gadget-definition.txt' ), 'utf8' );
	for ( const line of text.split( '\n' ) ) {
		const match = /^\*\s*([\w-]+)\s*\[([^\]]*)\]/.exec( line );
		if ( match && match[ 1 ] === name ) {
			const condition = ( match[ 2 ] || '' ).split( '|' ).find( ( o ) => o.startsWith( 'namespaces=' ) );
			return !condition ||
				condition.slice( 'namespaces='.length ).split( /[,|]/ ).map( Number ).includes( namespace );
		}
	}
	return true;
}

/** Term index JSON per language, compiled from wiki-content/glossary/ as the bot does. */
function termIndexes(): Map<string, string> {
	const dir = path.join( root, 'wiki-content', 'glossary' );
	const languages = readdirSync( dir )
		.map( ( f ) => /^Glossary\.([a-z-]+)\.wikitext$/.exec( f )?.[ 1 ] )
		.filter( ( l ): l is string => !!l );
	const { glossary } = compileGlossary( languages.map( ( language ) => ( {
		title: language === 'en' ? 'Glossary' : `Glossary/${ language }`,
		language,
		text: readFileSync( path.join( dir, `Glossary.${ language }.wikitext` ), 'utf8' ),
	} ) ) );
	return new Map( languages.map( ( l ) => [
		l, JSON.stringify( buildTermIndex( glossary, l ) ),
	] ) );
}

/** Eager bytes computed from the build output when no wiki is available. */
function fromDist(): Figure {
	const dist = path.join( root, 'dist', 'gadget' );
	const files = [ 'ldwg-base.js', 'ldwg-core.js', 'ldwg-core.css', 'ldwg-glossary.js', 'ldwg-glossary.css' ]
		.map( ( f ) => path.join( dist, f ) );
	const config = path.join( root, 'wiki-content', 'config', 'site.json' );
	const summary = path.join( root, 'test', 'fixtures', 'contracts', 'summary.valid.json' );
	if ( !files.every( existsSync ) ) {
		return { value: null, reason: 'no bench wiki and no build output in dist/gadget (run npm run build)' };
	}
	// The configuration is a package file of the shared base module only.
	const parts = [ ...files, config, summary ].map( ( f ) => readFileSync( f ) );
	const english = termIndexes().get( 'en' ) || '';
	return {
		value: parts.reduce( ( total, part ) => total + gz( part ), gz( english ) ),
		unit: 'bytes',
		goal: GOAL_EAGER,
		note: 'computed from dist/ + site.json + the summary fixture + the English term index ' +
			'(no bench wiki; each file gzipped on its own)',
	};
}

/** Mutations inside the content after the HTML was parsed, recorded from the page's start. */
const OBSERVE_CONTENT = `
	window.ldwgMutations = 0;
	document.addEventListener( 'DOMContentLoaded', () => {
		const content = document.getElementById( 'mw-content-text' );
		if ( content ) {
			new MutationObserver( ( records ) => {
				window.ldwgMutations += records.length;
			} ).observe( content, { subtree: true, childList: true, attributes: true, characterData: true } );
		}
	} );
`;

export const bench: BenchModule = {
	name: 'gadget',
	figures: [ 'gadget.eager_gzip_bytes', 'gadget.eager_core_gzip_bytes', 'gadget.eager_gzip_bytes_ar', 'gadget.lazy_gzip_bytes',
		'gadget.pageview_requests', 'gadget.nontarget_requests', 'gadget.nontarget_dom_changes' ],
	async run( context ) {
		let wiki: BenchWiki;
		try {
			wiki = await context.wiki();
		} catch ( e ) {
			const reason = `no bench wiki: ${ e instanceof Error ? e.message : String( e ) }`;
			return {
				'gadget.eager_gzip_bytes': fromDist(),
				'gadget.eager_core_gzip_bytes': { value: null, reason },
				'gadget.eager_gzip_bytes_ar': { value: null, reason },
				'gadget.lazy_gzip_bytes': { value: null, reason },
				'gadget.pageview_requests': { value: null, reason },
				'gadget.nontarget_requests': { value: null, reason },
				'gadget.nontarget_dom_changes': { value: null, reason },
			};
		}
		const base = indexUrl( wiki );
		const browser = await chromium.launch( {
			executablePath: process.env.LDWG_CHROMIUM || '/usr/bin/chromium',
			args: [ '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
				'--disable-background-networking', '--disable-component-update', '--disable-sync' ],
		} );
		try {
			const summaryFixture = readFileSync(
				path.join( root, 'test', 'fixtures', 'contracts', 'summary.valid.json' ), 'utf8',
			);
			// The same summary in every run: the contract's fixture, also when the bot bench has
			// written a real one on this wiki.
			await putPage( browser, wiki, SUMMARY_JSON, summaryFixture );
			// The term indexes the glossary module loads with the page, as the bot publishes them.
			for ( const [ language, index ] of termIndexes() ) {
				await putPage( browser, wiki, `${ TERMS_PREFIX }${ language }.json`, index );
			}
			await putPage( browser, wiki, NOT_A_DRAFT, '== Leader ==\n{{LDWG section|id=leader}}\nText.\n' );

			// English draft page view, logged out (most readers).
			const en = await browser.newContext();
			const enPage = await en.newPage();
			const enCapture = capture( enPage );
			context.log( 'gadget: English draft page view' );
			await view( enPage, base, DRAFT );
			await quiet( enPage, enCapture );
			// Every module of ours loaded so far, however it was loaded (dependency or lazy load),
			// except those Meta would not load in the drafts' namespace (see the header).
			const notOnMeta = [ ...enCapture.modules ].filter( ( m ) => !loadsInNamespace( m, 0 ) );
			const eagerModules = [ ...enCapture.modules ]
				.filter( ( m ) => !notOnMeta.includes( m ) ).sort();
			const eagerBytes = await moduleBytes( en, base, eagerModules, 'en' ) +
				enCapture.ours.reduce( ( total, r ) => total + r.gzip, 0 );
			// The feedback module's own share (without the glossary module and its requests).
			const coreBytes = await moduleBytes( en, base,
				eagerModules.filter( ( m ) => CORE_MODULES.includes( m ) ), 'en' ) +
				enCapture.ours
					.filter( ( r ) => /summary\.json|ldwg-messages/.test( decodeURIComponent( r.url ) ) )
					.reduce( ( total, r ) => total + r.gzip, 0 );
			const summaryRequest = enCapture.ours
				.find( ( r ) => decodeURIComponent( r.url ).includes( SUMMARY_JSON ) );
			const cacheable = !!summaryRequest &&
				Number( new URL( summaryRequest.url ).searchParams.get( 'maxage' ) ) > 0;
			const pageviewRequests = enCapture.ours.length;

			// Opening the form: what the click adds.
			const before = enCapture.ours.length;
			context.log( 'gadget: opening the form' );
			await enPage.locator( 'button.ldwg-feedback-button' ).first().click();
			await enPage.waitForFunction(
				( name ) => window.mw.loader.getState( name ) === 'ready',
				FORM_MODULE,
				{ timeout: 60000 },
			);
			await quiet( enPage, enCapture );
			const lazyModules = [ ...enCapture.modules ]
				.filter( ( m ) => !eagerModules.includes( m ) && !notOnMeta.includes( m ) );
			const lazyBytes = await moduleBytes( en, base, lazyModules, 'en' ) +
				enCapture.ours.slice( before ).reduce( ( total, r ) => total + r.gzip, 0 );
			await en.close();

			// Arabic reader on the Arabic translation.
			const ar = await browser.newContext();
			const arPage = await ar.newPage();
			const arCapture = capture( arPage );
			context.log( 'gadget: Arabic translation page view' );
			await view( arPage, base, `${ DRAFT }/ar`, { uselang: 'ar' } );
			await quiet( arPage, arCapture );
			const arModules = [ ...arCapture.modules ]
				.filter( ( m ) => loadsInNamespace( m, 0 ) ).sort();
			const arBytes = await moduleBytes( ar, base, arModules, 'ar' ) +
				arCapture.ours.reduce( ( total, r ) => total + r.gzip, 0 );
			await ar.close();

			// A page that is not a draft but has a section marker.
			const other = await browser.newContext();
			const otherPage = await other.newPage();
			await otherPage.addInitScript( OBSERVE_CONTENT );
			const otherCapture = capture( otherPage );
			context.log( 'gadget: non-draft page view' );
			await view( otherPage, base, NOT_A_DRAFT );
			await quiet( otherPage, otherCapture );
			const mutations = await otherPage.evaluate(
				() => ( window as unknown as { ldwgMutations: number } ).ldwgMutations,
			);
			await other.close();

			const bytes = ( value: number, note: string, goal?: string ): Figure => ( {
				value, unit: 'bytes', note, ...( goal ? { goal } : {} ),
			} );
			return {
				'gadget.eager_gzip_bytes': bytes( eagerBytes, `${ eagerModules.join( ' + ' ) } via ` +
					`load.php plus ${ pageviewRequests } request(s) of our code (English draft, logged out)` +
					( notOnMeta.length ? '; not counted, as Meta does not load them in namespace 0: ' +
						notOnMeta.join( ', ' ) : '' ),
				GOAL_EAGER ),
				'gadget.eager_core_gzip_bytes': bytes( coreBytes, 'the feedback module alone ' +
					'(ext.gadget.ldwg with ext.gadget.ldwg-base, which carries the configuration, ' +
					'plus the summary request)' ),
				'gadget.eager_gzip_bytes_ar': bytes( arBytes, `${ arModules.join( ' + ' ) } for the ` +
					'Arabic translation read in Arabic (translations come in the summary request)' ),
				'gadget.lazy_gzip_bytes': bytes( lazyBytes, `${ lazyModules.join( ' + ' ) || 'nothing' } ` +
					'plus the requests made on opening' ),
				'gadget.pageview_requests': {
					value: pageviewRequests,
					unit: 'requests',
					note: `requests naming our pages on an English draft view; summary JSON ${ cacheable ? 'cacheable (maxage/smaxage)' : 'NOT cacheable' }`,
				},
				'gadget.nontarget_requests': {
					value: otherCapture.ours.length, unit: 'requests', goal: '0',
					note: 'page with a section marker that is not a draft',
				},
				'gadget.nontarget_dom_changes': {
					value: mutations, unit: 'mutations', goal: '0',
					note: 'mutations in #mw-content-text after parsing, same page',
				},
			};
		} finally {
			await browser.close();
		}
	},
};
