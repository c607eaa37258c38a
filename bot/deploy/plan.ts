/**
 * What `deploy` publishes, read from the repository: the built gadget files, the gadget's
 * description pages, its lines in `MediaWiki:Gadgets-definition`, the configuration pages and the
 * templates. Reading only: nothing here talks to a wiki.
 *
 * @packageDocumentation
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlannedPage } from './publish.ts';
import { parseConfig, type Config } from '../../shared/contracts/config.ts';
import { formatProblems } from '../../shared/validate.ts';

/** Repository root. */
export const repoRoot = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..', '..' );

/** Title of the site configuration page (interface administrators only). */
export const SITE_CONFIG_TITLE = 'MediaWiki:Gadget-ldwg-config.json';
/** Default title of the sprint configuration page (JSON content model, protected). */
export const SPRINT_CONFIG_TITLE = 'Leadership Development Working Group/Feedback configuration.json';
/** The page holding every gadget's definition line. */
export const DEFINITION_TITLE = 'MediaWiki:Gadgets-definition';

/**
 * The built gadget files: every file of `dist/gadget/` except source maps and build.json,
 * each as `MediaWiki:Gadget-<file name>`.
 *
 * @throws Error when the build output is missing.
 */
export function gadgetFilePages( distDir = path.join( repoRoot, 'dist', 'gadget' ) ): PlannedPage[] {
	if ( !existsSync( distDir ) ) {
		throw new Error( `No build output in ${ distDir }: build the gadget first` );
	}
	return readdirSync( distDir )
		.filter( ( name ) => /\.(js|css|json)$/.test( name ) && name !== 'build.json' )
		.sort()
		.map( ( name ) => ( {
			title: `MediaWiki:Gadget-${ name }`,
			text: readFileSync( path.join( distDir, name ), 'utf8' ),
			source: `dist/gadget/${ name }`,
		} ) );
}

/** Gadget name of a definition line (`* name[options]|files`), or null. */
function lineGadget( line: string ): string | null {
	const match = /^\*\s*([\w-]+)\s*\[/.exec( line );
	return match ? match[ 1 ] as string : null;
}

/** Our gadget definition lines: gadgets `ldwg` and `ldwg-<part>`. */
const OUR_LINE = {
	test( line: string ): boolean {
		const name = lineGadget( line );
		return name === 'ldwg' || ( name !== null && name.startsWith( 'ldwg-' ) );
	},
};

/**
 * Reads `gadget/gadget-definition.txt`: the definition lines (and any `== section ==` heading)
 * kept in the repository.
 *
 * @return Lines, or null when the file does not exist yet.
 */
export function readDefinition( file = path.join( repoRoot, 'gadget', 'gadget-definition.txt' ) ): string[] | null {
	if ( !existsSync( file ) ) {
		return null;
	}
	return readFileSync( file, 'utf8' ).split( '\n' )
		.map( ( line ) => line.trimEnd() )
		.filter( ( line ) => line !== '' && !line.startsWith( '#' ) );
}

/**
 * Merges our definition lines into the wiki's `MediaWiki:Gadgets-definition`: our old lines are
 * replaced, everybody else's lines are kept where they are. Our lines go where the first of our
 * old lines was, or at the end (under our section heading when the repository has one and the
 * page does not).
 */
export function mergeDefinition( current: string, ours: string[] ): string {
	const ourLines = ours.filter( ( line ) => OUR_LINE.test( line ) );
	const ourHeadings = ours.filter( ( line ) => /^==.*==$/.test( line ) );
	const lines = current === '' ? [] : current.replace( /\s+$/, '' ).split( '\n' );
	const firstOurs = lines.findIndex( ( line ) => OUR_LINE.test( line ) );
	const kept = lines.filter( ( line ) => !OUR_LINE.test( line ) );
	if ( firstOurs >= 0 ) {
		// Lines before the first old one of ours that survive the filter keep their position.
		const before = lines.slice( 0, firstOurs )
			.filter( ( line ) => !OUR_LINE.test( line ) ).length;
		kept.splice( before, 0, ...ourLines );
		return kept.join( '\n' ) + '\n';
	}
	const missingHeadings = ourHeadings.filter( ( h ) => !kept.includes( h ) );
	return [ ...kept, ...missingHeadings, ...ourLines ].join( '\n' ) + '\n';
}

/**
 * Names of the gadgets our definition lines define, e.g. `ldwg`.
 */
export function gadgetNames( ours: string[] ): string[] {
	return ours.flatMap( ( line ) => {
		const name = lineGadget( line );
		return name !== null && OUR_LINE.test( line ) ? [ name ] : [];
	} );
}

/**
 * Reads the message files: English and every translated language (not `qqq`), English first.
 *
 * @throws Error when a message file is not JSON.
 */
export function readMessageFiles( i18nDir: string ): Map<string, Record<string, string>> {
	const files = new Map<string, Record<string, string>>();
	if ( !existsSync( i18nDir ) ) {
		return files;
	}
	const codes = readdirSync( i18nDir )
		.flatMap( ( file ) => {
			const code = /^([a-z][a-z0-9-]*)\.json$/.exec( file )?.[ 1 ];
			return code && code !== 'qqq' ? [ code ] : [];
		} )
		.sort( ( a, b ) => Number( b === 'en' ) - Number( a === 'en' ) || a.localeCompare( b ) );
	for ( const code of codes ) {
		const file = path.join( i18nDir, `${ code }.json` );
		let data: unknown;
		try {
			data = JSON.parse( readFileSync( file, 'utf8' ) );
		} catch ( error ) {
			throw new Error( `i18n/${ code }.json is not valid JSON: ${ String( error ) }` );
		}
		const strings: Record<string, string> = {};
		for ( const [ key, value ] of Object.entries( data as Record<string, unknown> ) ) {
			if ( key !== '@metadata' && typeof value === 'string' && value.trim() !== '' ) {
				strings[ key ] = value;
			}
		}
		files.set( code, strings );
	}
	return files;
}

/**
 * The gadget messages Special:Preferences and Special:Gadgets show: each gadget's description
 * `MediaWiki:Gadget-<name>` from the message `<name>-gadget-name`, and each section heading of
 * the definition (`== ldwg ==`) as `MediaWiki:Gadget-section-<section>` from
 * `<section>-gadget-section`, which would otherwise show as the bare section id. Each in English
 * (i18n/en.json) and, as `…/<code>` subpages (MediaWiki's lookup for customised messages in
 * another language), in every language of `i18n/` that translates it (not `qqq`).
 *
 * @param names Gadget names ({@link gadgetNames}).
 * @param definition Definition lines ({@link readDefinition}), for the section headings.
 * @param i18nDir Directory of the message files.
 */
export function gadgetMessagePages(
	names: string[], definition: string[], i18nDir = path.join( repoRoot, 'i18n' ),
): PlannedPage[] {
	const sections = definition.flatMap( ( line ) => {
		const heading = /^==\s*([\w-]+)\s*==$/.exec( line );
		return heading ? [ heading[ 1 ] as string ] : [];
	} );
	const wanted = [
		...names.map( ( name ) => ( { key: `${ name }-gadget-name`, title: `MediaWiki:Gadget-${ name }` } ) ),
		...sections.map( ( section ) => ( {
			key: `${ section }-gadget-section`, title: `MediaWiki:Gadget-section-${ section }`,
		} ) ),
	];
	const files = Array.from( readMessageFiles( i18nDir ) );
	return files.flatMap( ( [ code, messages ] ) => wanted.flatMap( ( { key, title } ) => {
		const text = messages[ key ];
		return text !== undefined ? [ {
			title: code === 'en' ? title : `${ title }/${ code }`,
			text,
			source: `i18n/${ code }.json (${ key })`,
		} ] : [];
	} ) );
}

/**
 * A string at a path of the site configuration (`wiki-content/config/site.json`), e.g.
 * `[ 'pages', 'sprintConfig' ]`; undefined when the file, the path or a string there is missing.
 */
export function siteSetting(
	keys: string[], file = path.join( repoRoot, 'wiki-content', 'config', 'site.json' ),
): string | undefined {
	if ( !existsSync( file ) ) {
		return undefined;
	}
	let value: unknown;
	try {
		value = JSON.parse( readFileSync( file, 'utf8' ) );
	} catch {
		// configPages() reports the broken file with its name.
		return undefined;
	}
	for ( const key of keys ) {
		value = typeof value === 'object' && value !== null ?
			( value as Record<string, unknown> )[ key ] :
			undefined;
	}
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The two configuration pages from `wiki-content/config/` (site and sprint), each checked to be
 * valid JSON so a typo never reaches the wiki. The sprint page's title comes from the site
 * configuration (`pages.sprintConfig`), defaulting to {@link SPRINT_CONFIG_TITLE}.
 *
 * @throws Error on a file that is not JSON.
 */
export function configPages(
	dir = path.join( repoRoot, 'wiki-content', 'config' ),
	sprintTitle = siteSetting( [ 'pages', 'sprintConfig' ], path.join( dir, 'site.json' ) ) ??
		SPRINT_CONFIG_TITLE,
): PlannedPage[] {
	const pages: PlannedPage[] = [];
	for ( const [ file, title, contentModel ] of [
		[ 'site.json', SITE_CONFIG_TITLE, undefined ],
		[ 'sprint.json', sprintTitle, 'json' ],
	] as const ) {
		const full = path.join( dir, file );
		if ( !existsSync( full ) ) {
			continue;
		}
		const text = readFileSync( full, 'utf8' );
		try {
			JSON.parse( text );
		} catch ( error ) {
			throw new Error( `wiki-content/config/${ file } is not valid JSON: ${ String( error ) }` );
		}
		pages.push( {
			title,
			text,
			source: `wiki-content/config/${ file }`,
			...( contentModel ? { contentModel } : {} ),
		} );
	}
	return pages;
}

/**
 * The configuration the planned configuration pages ({@link configPages}) make together,
 * validated as the gadget and the bot will read it: a deploy never publishes a configuration
 * they would refuse.
 *
 * @throws Error listing every problem, with the file it comes from.
 */
export function checkedConfig( pages: PlannedPage[] ): Config {
	const json = ( source: string ): unknown => {
		const page = pages.find( ( p ) => p.source === `wiki-content/config/${ source }` );
		return page ? JSON.parse( page.text ) as unknown : undefined;
	};
	const site = json( 'site.json' );
	if ( site === undefined ) {
		throw new Error( 'wiki-content/config/site.json is missing: nothing to configure the gadget with' );
	}
	const parsed = parseConfig( site, json( 'sprint.json' ) );
	if ( !parsed.ok ) {
		throw new Error( `wiki-content/config/site.json and sprint.json are not a valid configuration:\n${ formatProblems( parsed.problems ) }` );
	}
	return parsed.value;
}

/**
 * Templates: every `wiki-content/templates/<Name>.wikitext` as `Template:<Name>`.
 */
export function templatePages( dir = path.join( repoRoot, 'wiki-content', 'templates' ) ): PlannedPage[] {
	if ( !existsSync( dir ) ) {
		return [];
	}
	return readdirSync( dir )
		.filter( ( name ) => name.endsWith( '.wikitext' ) )
		.sort()
		.map( ( name ) => ( {
			title: `Template:${ name.slice( 0, -'.wikitext'.length ) }`,
			text: readFileSync( path.join( dir, name ), 'utf8' ),
			source: `wiki-content/templates/${ name }`,
		} ) );
}
