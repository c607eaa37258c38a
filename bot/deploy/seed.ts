/**
 * Seeds a local wiki through the Action API, as real users would: deploys the gadget (the same
 * {@link deploy} as `ldwg-bot deploy`), writes the demo content of `wiki-content/` (drafts,
 * translations with their page language, talk pages, glossary pages, shutoff page), then posts
 * the feedback entries of `wiki-content/entries.json`, each as a new thread signed by the account
 * that writes it (or by an IP).
 *
 * Until the bot's `glossary` command exists (the bot-reports issue), the seed also publishes the
 * compiled glossary and its term indexes from the seeded glossary pages, with the same shared
 * functions that command will use, so that the demo wiki highlights terms.
 *
 * For local wikis only (`scripts/wiki.mjs`, `npm start`, the test setup): it logs in with the
 * generated local test accounts it is given.
 *
 * @packageDocumentation
 */
import { Mwn } from 'mwn';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatEntry } from '../../shared/entry/format.ts';
import { encodeText } from '../../shared/entry/escape.ts';
import { newEntryId } from '../../shared/entry/ids.ts';
import type { FeedbackEntry } from '../../shared/contracts/entry.ts';
import { compileGlossary } from '../../shared/glossary/compile.ts';
import { buildTermIndex } from '../../shared/glossary/term-index.ts';
import { createClient, userAgent } from '../client.ts';
import { deploy } from '../commands/deploy.ts';
import { repoRoot, siteSetting } from './plan.ts';
import { publishPages, readPages } from './publish.ts';
import type { PlannedPage } from './publish.ts';
// The account record is defined once, by the script that writes accounts.json.
import type { LocalAccount } from '../../scripts/lib/wiki.mjs';

/** Options of {@link seedWiki}. */
export interface SeedOptions {
	/** api.php URL of the local wiki. */
	api: string;
	/** Local accounts keyed admin, bot, alice, bob, chandra, dana. */
	accounts: Record<string, LocalAccount>;
	/** Progress lines. */
	log?: ( line: string ) => void;
	/** Skip the gadget build (the caller just built it). */
	skipBuild?: boolean;
}

/** What the seed did. */
export interface SeedSummary {
	deployed: number;
	pages: number;
	entries: number;
	/** Compiled glossary and term index pages written (see {@link publishGlossaryStandIn}). */
	glossary: number;
}

/** One page of `wiki-content/content.json`. */
interface ContentPage {
	title: string;
	file: string;
	lang?: string;
	as?: string;
	/** Write only when the page is missing (talk pages, the shutoff page). */
	createOnly?: boolean;
}

/** One entry of `wiki-content/entries.json`. */
interface SeedEntry extends Omit<FeedbackEntry, 'id' | 'version' | 'rev'> {
	as: string;
	source: string;
	page: string;
}

const CONTACT = 'local ldwg-tools wiki';
const contentDir = path.join( repoRoot, 'wiki-content' );
/** Where the glossary source pages live on the wiki (site configuration default). */
const GLOSSARY_TITLE = 'Leadership Development Working Group/Glossary';

/** Prefix of the files in `wiki-content/glossary/` that are templates, not glossary pages. */
const TEMPLATE_FILE = 'Template-';

/**
 * Glossary pages from `wiki-content/glossary/` (mapping in its README.md): a `content.json` there
 * in the same format as ours wins; otherwise `Template-<Name>.wikitext` is `Template:<Name>`,
 * `<name>.en.wikitext` (or `<name>.wikitext`) is the English source page, the glossary page
 * itself as on Meta, and `<name>.<lang>.wikitext` its translation `/<lang>`.
 */
function glossaryPages(): ContentPage[] {
	const dir = path.join( contentDir, 'glossary' );
	if ( !existsSync( dir ) ) {
		return [];
	}
	const manifest = path.join( dir, 'content.json' );
	if ( existsSync( manifest ) ) {
		const pages = ( JSON.parse( readFileSync( manifest, 'utf8' ) ) as { pages: ContentPage[] } ).pages;
		return pages.map( ( p ) => ( { ...p, file: path.join( 'glossary', p.file ) } ) );
	}
	// Templates first, so that the glossary pages are rendered with their template existing.
	const names = readdirSync( dir ).filter( ( name ) => name.endsWith( '.wikitext' ) ).sort()
		.sort( ( a, b ) => Number( !a.startsWith( TEMPLATE_FILE ) ) -
			Number( !b.startsWith( TEMPLATE_FILE ) ) );
	return names.map( ( name ) => {
		const base = name.slice( 0, -'.wikitext'.length );
		const file = path.join( 'glossary', name );
		if ( base.startsWith( TEMPLATE_FILE ) ) {
			return { title: `Template:${ base.slice( TEMPLATE_FILE.length ) }`, file };
		}
		// `Glossary.fr.wikitext`: the part between the last two dots, when it looks like a code.
		const parts = base.split( '.' );
		const last = parts.length > 1 ? parts[ parts.length - 1 ] : undefined;
		const lang = last && /^[a-z]{2,3}$/.test( last ) && last !== 'en' ? last : undefined;
		return {
			title: lang ? `${ GLOSSARY_TITLE }/${ lang }` : GLOSSARY_TITLE,
			file,
			...( lang ? { lang } : {} ),
		};
	} );
}

/** The glossary pages the compiler reads (not the entry template). */
function glossarySources(): ContentPage[] {
	return glossaryPages().filter( ( p ) => !p.title.startsWith( 'Template:' ) );
}

/** Logs in as a local account with its BotPassword. */
function login( api: string, account: LocalAccount ): Promise<Mwn> {
	return createClient( {
		apiUrl: api,
		contact: CONTACT,
		credentials: { kind: 'botpassword', username: account.botUsername, password: account.botPassword },
		maxlag: false,
	} );
}

/** Sets the page language of pages that do not have it yet (admin: `pagelang` right). */
async function setPageLanguages(
	client: Mwn, pages: ContentPage[], log: ( line: string ) => void,
): Promise<void> {
	const wanted = pages.filter( ( p ) => p.lang );
	for ( let i = 0; i < wanted.length; i += 50 ) {
		const batch = wanted.slice( i, i + 50 );
		const response = await client.request( {
			action: 'query', prop: 'info', titles: batch.map( ( p ) => p.title ), formatversion: '2',
		} ) as { query?: { pages?: { title: string; pagelanguage?: string }[] } };
		const current = new Map(
			( response.query?.pages ?? [] ).map( ( p ) => [ p.title, p.pagelanguage ] ),
		);
		for ( const page of batch ) {
			if ( !page.lang || current.get( page.title ) === page.lang ) {
				continue;
			}
			await client.request( {
				action: 'setpagelanguage', title: page.title, lang: page.lang,
				reason: 'Translation page (as the Translate extension sets it)', token: client.csrfToken,
			} );
			log( `page language ${ page.lang }: ${ page.title }` );
		}
	}
}

/** Latest revision id of a page (the revision a reader of that page saw). */
async function latestRevision( client: Mwn, title: string ): Promise<number | undefined> {
	const response = await client.request( {
		action: 'query', prop: 'revisions', rvprop: 'ids', titles: title, formatversion: '2',
	} ) as { query?: { pages?: { revisions?: { revid: number }[] }[] } };
	return response.query?.pages?.[ 0 ]?.revisions?.[ 0 ]?.revid;
}

/**
 * Posts the seed entries that are not on their talk page yet (a re-run adds nothing twice: an
 * entry counts as there when its encoded comment is).
 */
async function postEntries(
	api: string, accounts: Record<string, LocalAccount>, admin: Mwn, log: ( line: string ) => void,
): Promise<number> {
	const file = path.join( contentDir, 'entries.json' );
	if ( !existsSync( file ) ) {
		return 0;
	}
	const entries = ( JSON.parse( readFileSync( file, 'utf8' ) ) as { entries: SeedEntry[] } ).entries;
	const clients = new Map<string, Mwn>();
	let posted = 0;
	for ( const seed of entries ) {
		const talk = `Talk:${ seed.source }`;
		const existing = ( await readPages( admin, [ talk ] ) ).get( talk );
		if ( seed.comment && existing?.text.includes( `comment=${ encodeText( seed.comment ) }` ) ) {
			continue;
		}
		let client = clients.get( seed.as );
		if ( !client ) {
			const account = accounts[ seed.as ];
			if ( seed.as === 'ip' ) {
				client = new Mwn( { apiUrl: api, userAgent: userAgent( CONTACT ), silent: true } );
				await client.getTokensAndSiteInfo();
			} else if ( account ) {
				client = await login( api, account );
			} else {
				throw new Error( `wiki-content/entries.json: unknown account "${ seed.as }"` );
			}
			clients.set( seed.as, client );
		}
		const { as, ...fields } = seed;
		const rev = await latestRevision( admin, seed.page );
		const entry: FeedbackEntry = {
			...fields,
			version: 1,
			id: newEntryId( new Date(), Math.random ),
			...( rev === undefined ? {} : { rev } ),
		};
		const response = await client.request( {
			action: 'edit',
			title: talk,
			section: 'new',
			sectiontitle: `Feedback on ${ seed.section ?? 'the draft' } (${ seed.lang ?? 'en' })`,
			text: `${ formatEntry( entry ) } ~~~~`,
			summary: 'Feedback (local demo seed)',
			...( as === 'ip' ? {} : { assert: 'user' } ),
			token: client.csrfToken,
			formatversion: '2',
		} ) as { edit?: { result?: string } };
		if ( response.edit?.result !== 'Success' ) {
			throw new Error( `Posting a seed entry to ${ talk } failed: ${ JSON.stringify( response ) }` );
		}
		posted++;
	}
	log( `entries posted: ${ posted }` );
	return posted;
}

/**
 * Deploys the gadget and writes the demo content and feedback entries to a local wiki.
 * Idempotent: pages already up to date are not edited and entries are not posted twice.
 */
export async function seedWiki( options: SeedOptions ): Promise<SeedSummary> {
	const log = options.log ?? ( () => undefined );
	const adminAccount = options.accounts.admin;
	if ( !adminAccount ) {
		throw new Error( 'No admin account in the local accounts' );
	}
	const admin = await login( options.api, adminAccount );
	const deployed = await deploy( admin, { log, build: !options.skipBuild } );
	const manifest = JSON.parse( readFileSync( path.join( contentDir, 'content.json' ), 'utf8' ) ) as { pages: ContentPage[] };
	const all = [ ...manifest.pages, ...glossaryPages() ];
	const createOnly = all.filter( ( p ) => p.createOnly ).map( ( p ) => p.title );
	const current = await readPages( admin, createOnly );
	const pages = all.filter( ( p ) => !p.createOnly || current.get( p.title ) === null );
	const summary = 'Local demo content (ldwg-tools wiki-content/)';
	let written = 0;
	// Pages are written by the account named in the manifest, so history looks like a real wiki.
	for ( const as of [ ...new Set( pages.map( ( p ) => p.as ?? 'admin' ) ) ] ) {
		const account = options.accounts[ as ];
		if ( !account ) {
			throw new Error( `wiki-content/content.json: unknown account "${ as }"` );
		}
		const client = as === 'admin' ? admin : await login( options.api, account );
		const planned: PlannedPage[] = pages.filter( ( p ) => ( p.as ?? 'admin' ) === as ).map( ( p ) => ( {
			title: p.title,
			text: readFileSync( path.join( contentDir, p.file ), 'utf8' ),
			source: `wiki-content/${ p.file }`,
		} ) );
		const results = await publishPages( client, planned, { summary, log } );
		written += results.filter( ( r ) => r.action !== 'unchanged' ).length;
	}
	await setPageLanguages( admin, all, log );
	const entries = await postEntries( options.api, options.accounts, admin, log );
	const glossary = await publishGlossaryStandIn( options, log );
	return {
		deployed: deployed.filter( ( r ) => r.action !== 'unchanged' ).length,
		pages: written,
		entries,
		glossary,
	};
}

/** Fixed generation time of the stand-in glossary (see {@link publishGlossaryStandIn}). */
const STAND_IN_TIME = '2026-01-01T00:00:00Z';

/**
 * Publishes the compiled glossary JSON and one term index per language in the bot's user space
 * (titles from the site configuration), compiled from the glossary pages of `wiki-content/` with
 * `compileGlossary` and `buildTermIndex` — a stand-in for `ldwg-bot glossary`, which is not
 * available yet. Written by the bot account, as the real command will. Problems the compiler
 * reports are logged, never hidden; the pages are written only when they differ.
 *
 * @return Number of pages changed.
 */
async function publishGlossaryStandIn(
	options: SeedOptions, log: ( line: string ) => void,
): Promise<number> {
	const botAccount = options.accounts.bot;
	const compiledTitle = siteSetting( [ 'pages', 'glossaryJson' ] );
	const termsPrefix = siteSetting( [ 'pages', 'glossaryTermsPrefix' ] );
	const sources = glossarySources();
	if ( !botAccount || !compiledTitle || !termsPrefix || !sources.length ) {
		log( 'glossary: not published (no bot account, no glossary pages or no titles in the site configuration)' );
		return 0;
	}
	const { glossary, problems } = compileGlossary( sources.map( ( p ) => ( {
		title: p.title,
		language: p.lang ?? 'en',
		text: readFileSync( path.join( contentDir, p.file ), 'utf8' ),
	} ) ) );
	for ( const problem of problems ) {
		log( `glossary ${ problem.severity }: ${ problem.page }:${ problem.line } ${ problem.message }` );
	}
	const source = 'wiki-content/glossary (stand-in for ldwg-bot glossary)';
	// The generation time changes every run; keep it out of the JSON so an unchanged glossary
	// is not edited again.
	const stable = { ...glossary, generated: STAND_IN_TIME };
	const planned: PlannedPage[] = [
		{ title: compiledTitle, text: JSON.stringify( stable ), source },
		...glossary.languages.map( ( language ) => ( {
			title: `${ termsPrefix }${ language }.json`,
			text: JSON.stringify( buildTermIndex( stable, language ) ),
			source,
		} ) ),
	];
	const bot = await login( options.api, botAccount );
	const results = await publishPages( bot, planned, {
		summary: 'Compiled glossary from the seeded glossary pages (local stand-in for ldwg-bot glossary)',
		log,
	} );
	return results.filter( ( r ) => r.action !== 'unchanged' ).length;
}

/**
 * Deploys only the gadget, configuration and templates to a local wiki as its administrator
 * (what a second `npm start` does: the content is already there and may have been edited).
 *
 * @return Number of pages changed.
 */
export async function deployLocal( options: SeedOptions ): Promise<number> {
	const adminAccount = options.accounts.admin;
	if ( !adminAccount ) {
		throw new Error( 'No admin account in the local accounts' );
	}
	const admin = await login( options.api, adminAccount );
	const results = await deploy( admin, { log: options.log, build: !options.skipBuild } );
	return results.filter( ( r ) => r.action !== 'unchanged' ).length;
}
