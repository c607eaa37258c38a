/**
 * The configuration contract: what the gadget and the bot need to know about a consultation,
 * read from two JSON pages and merged by {@link parseConfig}.
 *
 * - The *site* document (`MediaWiki:Gadget-ldwg-config.json` on Meta) holds everything that
 *   changes what readers' browsers do or read: drafts and sections, form fields, page titles
 *   (including the bot's JSON pages), templates, limits, glossary and bot options. Only interface
 *   administrators can edit it.
 * - The *sprint* document (a protected JSON page the working group maintains) holds what changes
 *   every sprint: the sprint calendar, the members, where reports are announced.
 *
 * A configuration with any problem is rejected whole (`ok: false`, no value): a half-applied
 * configuration could send feedback to the wrong page or count it wrongly.
 *
 * @packageDocumentation
 */
import {
	array, bool, num, object, optional, refine, str, validate,
	type Problem, type Result, type Schema,
} from '../validate.ts';
import {
	checkVersion, identifier, isoDate, languageCode, normalizeTitle, normalizeUsername,
	pageTitle, talkPageOf, titleProblem, username, utcDay,
} from './common.ts';

/** Version of both configuration documents understood by this code. */
export const CONFIG_VERSION = 1;

/** Who runs the tools, for the User-Agent header Wikimedia's policy requires. */
export interface OperatorConfig {
	/** A URL (e.g. the bot's talk page) or e-mail address where the operator can be reached. */
	contact: string;
}

/** One section of a draft, identified by the id its section marker carries. */
export interface SectionConfig {
	/** Id in the marker template (`data-ldwg-section`), in entries and in the summary. */
	id: string;
	/** English label; UIs use it for headings and lists. */
	label: string;
}

/** A draft page open for feedback. */
export interface DraftConfig {
	/** Short id used in the summary JSON and sprint configuration. */
	id: string;
	/** Title of the source page; translations are `<title>/<language>`. */
	title: string;
	/** Talk page receiving the entries (default: the title's talk page). */
	talkPage: string;
	/** Archives are `<archivePrefix><n>` (default: `<talkPage>/Archive `). */
	archivePrefix: string;
	/** Language of the source page (default `en`). */
	sourceLanguage: string;
	/** Sections, in page order. */
	sections: SectionConfig[];
}

/** A stance a reader can take on a section. */
export interface StanceConfig {
	/** Id stored in entries; the UI prefers message `ldwg-stance-<id>` to `label`. */
	id: string;
	/** English fallback label. */
	label: string;
	/** Whether this stance asks for changes, so the form offers the "suggested wording" field. */
	asksForChanges?: boolean;
}

/** A rubric question, answered on the rubric's scale. */
export interface RubricQuestionConfig {
	/** Id stored in entries; the UI prefers message `ldwg-rubric-<id>` to `label`. */
	id: string;
	/** English fallback label. */
	label: string;
}

/** The working group's rubric: questions answered on one numeric scale. */
export interface RubricConfig {
	/** The answer scale, whole numbers from `min` to `max`. */
	scale: {
		min: number;
		max: number;
		/**
		 * English labels of each point, from `min` to `max` (UIs prefer
		 * `ldwg-rubric-scale-<n>`).
		 */
		labels?: string[];
	};
	/** Whether "no opinion" may be answered instead of a score. */
	noOpinion: boolean;
	/** Questions, in display order (may be empty: no rubric). */
	questions: RubricQuestionConfig[];
}

/** A region readers can say they come from ("prefer not to say" is the UI's, not a region). */
export interface RegionConfig {
	/** Id stored in entries; the UI prefers message `ldwg-region-<id>` to `label`. */
	id: string;
	/** English fallback label. */
	label: string;
}

/** Titles of the pages the tools read and write. */
export interface PagesConfig {
	/** The summary page (wikitext for people), written by the bot. */
	summary: string;
	/** Sprint report pages are `<reportPrefix><sprint name>`. */
	reportPrefix: string;
	/** Glossary source page; translations at `<glossary>/<language>`. */
	glossary: string;
	/** Summary JSON written by the bot, read by the gadget; must be `User:<bot>/….json`. */
	summaryJson: string;
	/** Compiled glossary JSON; must be `User:<bot>/….json`. */
	glossaryJson: string;
	/** Per-language term indexes are `<glossaryTermsPrefix><language>.json`, in the bot's space. */
	glossaryTermsPrefix: string;
	/** The bot runs only while this page's trimmed text is exactly `run`. */
	shutoff: string;
	/** This site configuration page (`MediaWiki:….json`). */
	siteConfig: string;
	/** The sprint configuration page (`….json`). */
	sprintConfig: string;
}

/** Template names, without the `Template:` prefix. */
export interface TemplatesConfig {
	/** One call of it per feedback entry. */
	entry: string;
	/** Section marker placed at the top of every section of a draft. */
	marker: string;
}

/** Length limits the form enforces (in characters, after NFC normalisation). */
export interface LimitsConfig {
	/** Longest comment. */
	commentMaxLength: number;
	/** Longest suggested wording. */
	wordingMaxLength: number;
}

/** Where and how glossary terms are marked. */
export interface GlossaryOptions {
	/**
	 * Besides the drafts and their translations, pages in these categories (names without
	 * `Category:`).
	 */
	categories: string[];
	/** Mark every occurrence of a term, not only the first in each section. */
	markAll: boolean;
}

/** How the bot behaves. */
export interface BotOptions {
	/** The bot account; its user space holds the JSON pages. */
	username: string;
	/** Highest edit rate (edits per minute; default 6). */
	editsPerMinute: number;
	/** `maxlag` sent with every request, in seconds (default 5). */
	maxLag: number;
	/** How long a run may wait out lag, read-only mode and rate limits in total, in seconds. */
	waitBudgetSeconds: number;
}

/** One sprint of the working group's calendar; dates are inclusive, in UTC. */
export interface SprintConfig {
	/** Short id, e.g. `sprint-3`. */
	id: string;
	/** Name shown to people and used in the report title, e.g. `Sprint 3`. */
	name: string;
	/** First day, `YYYY-MM-DD`. */
	start: string;
	/** Last day, `YYYY-MM-DD`. */
	end: string;
	/** Ids of the drafts under consultation in this sprint (default: all drafts). */
	drafts?: string[];
	/** Title of this sprint's report page (default `<pages.reportPrefix><name>`). */
	report?: string;
}

/** Where sprint reports are announced. */
export interface ReportsConfig {
	/** Pages (e.g. the working group's talk page) that get a short note linking each new report. */
	announce: string[];
}

/** The part the working group changes every sprint. */
export interface SprintDocument {
	/** Document version, {@link CONFIG_VERSION}. */
	version: 1;
	/** The sprint calendar, in order, not overlapping. */
	sprints: SprintConfig[];
	/** User names of working-group members (normalised); only they can set an entry's status. */
	members: string[];
	/** Report targets. */
	reports: ReportsConfig;
}

/** The part only interface administrators can change (it is read by readers' browsers). */
export interface SiteDocument {
	/** Document version, {@link CONFIG_VERSION}. */
	version: 1;
	/** Operator contact for the User-Agent. */
	operator: OperatorConfig;
	/** Drafts open for feedback. */
	drafts: DraftConfig[];
	/** Stances offered. */
	stances: StanceConfig[];
	/** The rubric. */
	rubric: RubricConfig;
	/** Regions offered. */
	regions: RegionConfig[];
	/** Languages of the consultation (translations, form language choices, glossary). */
	languages: string[];
	/** Page titles. */
	pages: PagesConfig;
	/** Template names. */
	templates: TemplatesConfig;
	/** Form limits. */
	limits: LimitsConfig;
	/** Glossary marking options. */
	glossary: GlossaryOptions;
	/** Bot options. */
	bot: BotOptions;
}

/** The merged configuration both sides use. */
export interface Config extends SiteDocument {
	/** The sprint part (empty lists when it was not given). */
	sprint: SprintDocument;
	/**
	 * Whether the sprint part was given to {@link parseConfig} (the gadget may load only the
	 * site part).
	 */
	sprintLoaded: boolean;
}

/** Default stances: the working group's. */
export const DEFAULT_STANCES: readonly StanceConfig[] = Object.freeze( [
	{ id: 'support', label: 'Support' },
	{ id: 'support-with-changes', label: 'Support with changes', asksForChanges: true },
	{ id: 'oppose', label: 'Oppose' },
	{ id: 'neutral', label: 'Neutral or unsure' },
] );

/** Default rubric: the working group's own three questions on a 1–5 scale. */
export const DEFAULT_RUBRIC: Readonly<RubricConfig> = Object.freeze( {
	scale: { min: 1, max: 5, labels: [ 'Not at all', 'A little', 'Somewhat', 'Mostly', 'Fully' ] },
	noOpinion: true,
	questions: [
		{ id: 'useful', label: 'Is this section useful?' },
		{ id: 'written', label: 'Is it appropriately written?' },
		{ id: 'representative', label: 'Is it representative of the movement?' },
	],
} );

/** Default regions: the seven regions named in the working group's purpose and structure. */
export const DEFAULT_REGIONS: readonly RegionConfig[] = Object.freeze( [
	{ id: 'middle-east-africa', label: 'Middle East and Africa' },
	{ id: 'south-asia', label: 'South Asia' },
	{ id: 'eseap', label: 'East, Southeast Asia and Pacific (ESEAP)' },
	{ id: 'latam-caribbean', label: 'Latin America (LATAM) and the Caribbean' },
	{ id: 'us-canada', label: 'United States and Canada' },
	{ id: 'northern-western-europe', label: 'Northern and Western Europe' },
	{ id: 'cee-central-asia', label: 'Central and Eastern Europe (CEE) and Central Asia' },
] );

/** Default template names. */
export const DEFAULT_TEMPLATES: Readonly<TemplatesConfig> = Object.freeze( {
	entry: 'LDWG feedback entry',
	marker: 'LDWG section',
} );

/** Default form limits. */
export const DEFAULT_LIMITS: Readonly<LimitsConfig> = Object.freeze( {
	commentMaxLength: 5000,
	wordingMaxLength: 5000,
} );

/** Default glossary options: drafts only, first occurrence per section. */
export const DEFAULT_GLOSSARY_OPTIONS: Readonly<GlossaryOptions> = Object.freeze( {
	categories: [],
	markAll: false,
} );

// ---------------------------------------------------------------------------------------------
// Schemas

const label = (): Schema<string> => str( { minLength: 1, maxLength: 200 } );
const byId = ( item: { id: string } ): string => item.id;

/**
 * A page name in `namespace` (`Template`, `Category`): the namespace prefix is accepted, in any
 * spelling {@link normalizeTitle} reads, and removed.
 */
function nameIn( namespace: string ): Schema<string> {
	const title = pageTitle();
	const prefix = `${ namespace }:`;
	return {
		expected: `${ namespace.toLowerCase() } name`,
		check( value, path, problems ) {
			const checked = title.check( value, path, problems );
			return checked !== undefined && checked.startsWith( prefix ) ?
				checked.slice( prefix.length ) :
				checked;
		},
	};
}

/** A template name; a `Template:` prefix is accepted and removed. */
const templateName = (): Schema<string> => nameIn( 'Template' );

/** A category name; a `Category:` prefix is accepted and removed. */
const categoryName = (): Schema<string> => nameIn( 'Category' );

function contact(): Schema<string> {
	return str( {
		maxLength: 300,
		pattern: /^(?:https?:\/\/[^\s()]+|[^\s@()]+@[^\s@()]+\.[^\s@()]+)$/,
		patternDescription: 'a URL (https://…) or an e-mail address, without spaces or parentheses',
	} );
}

const sectionSchema: Schema<SectionConfig> = object( { id: identifier(), label: label() } );

/** A draft as written in the document: talk page, archive prefix and language may be omitted. */
interface DraftInput {
	id: string;
	title: string;
	talkPage?: string;
	archivePrefix?: string;
	sourceLanguage: string;
	sections: SectionConfig[];
}

const draftSchema: Schema<DraftInput> = object( {
	id: identifier(),
	title: pageTitle(),
	talkPage: optional( pageTitle() ),
	archivePrefix: optional( pageTitle( { prefix: true } ) ),
	sourceLanguage: optional( languageCode(), 'en' ),
	sections: array( sectionSchema, { minItems: 1, uniqueBy: byId, uniqueName: 'section id' } ),
} );

const stanceSchema: Schema<StanceConfig> = object( {
	id: identifier(),
	label: label(),
	asksForChanges: optional( bool() ),
} );

const rubricSchema: Schema<RubricConfig> = refine( object( {
	scale: object( {
		min: num( { integer: true, min: 0, max: 100 } ),
		max: num( { integer: true, min: 1, max: 100 } ),
		labels: optional( array( label() ) ),
	} ),
	noOpinion: optional( bool(), true ),
	questions: array(
		object( { id: identifier(), label: label() } ),
		{ uniqueBy: byId, uniqueName: 'question id' },
	),
} ), ( rubric, path, problems ) => {
	const { min, max, labels } = rubric.scale;
	if ( max <= min ) {
		problems.push( { path: `${ path }.scale.max`, message: `must be greater than min (${ min })` } );
	} else if ( max - min > 10 ) {
		problems.push( { path: `${ path }.scale`, message: 'may have at most 11 points' } );
	} else if ( labels && labels.length !== max - min + 1 ) {
		problems.push( { path: `${ path }.scale.labels`, message: `must have one label per point: ${ max - min + 1 }, got ${ labels.length }` } );
	}
} );

const regionSchema: Schema<RegionConfig> = object( { id: identifier(), label: label() } );

const pagesSchema: Schema<PagesConfig> = object( {
	summary: pageTitle(),
	reportPrefix: pageTitle( { prefix: true } ),
	glossary: pageTitle(),
	summaryJson: pageTitle(),
	glossaryJson: pageTitle(),
	glossaryTermsPrefix: pageTitle( { prefix: true } ),
	shutoff: pageTitle(),
	siteConfig: pageTitle(),
	sprintConfig: pageTitle(),
} );

const lengthLimit = (): Schema<number> => num( { integer: true, min: 1, max: 50000 } );

const limitsSchema: Schema<LimitsConfig> = object( {
	commentMaxLength: optional( lengthLimit(), DEFAULT_LIMITS.commentMaxLength ),
	wordingMaxLength: optional( lengthLimit(), DEFAULT_LIMITS.wordingMaxLength ),
} );

const botSchema: Schema<BotOptions> = object( {
	username: username(),
	editsPerMinute: optional( num( { min: 0.1, max: 60 } ), 6 ),
	maxLag: optional( num( { integer: true, min: 1, max: 60 } ), 5 ),
	waitBudgetSeconds: optional( num( { integer: true, min: 0, max: 86400 } ), 900 ),
} );

/** The site document as written (drafts before their defaults are filled in). */
interface SiteInput extends Omit<SiteDocument, 'drafts'> {
	drafts: DraftInput[];
}

const siteSchema: Schema<SiteInput> = refine( object( {
	version: num( { integer: true, min: CONFIG_VERSION, max: CONFIG_VERSION } ) as Schema<1>,
	operator: object( { contact: contact() } ),
	drafts: array( draftSchema, { minItems: 1, uniqueBy: byId, uniqueName: 'draft id' } ),
	stances: optional(
		array( stanceSchema, { minItems: 2, uniqueBy: byId, uniqueName: 'stance id' } ),
		DEFAULT_STANCES.map( ( s ) => ( { ...s } ) ),
	),
	rubric: optional( rubricSchema, DEFAULT_RUBRIC ),
	regions: optional(
		array( regionSchema, { minItems: 1, uniqueBy: byId, uniqueName: 'region id' } ),
		DEFAULT_REGIONS.map( ( r ) => ( { ...r } ) ),
	),
	languages: array( languageCode(), { minItems: 1, uniqueBy: ( l ) => l, uniqueName: 'language' } ),
	pages: pagesSchema,
	templates: optional(
		object( { entry: templateName(), marker: templateName() } ),
		DEFAULT_TEMPLATES,
	),
	limits: optional( limitsSchema, DEFAULT_LIMITS ),
	glossary: optional( object( {
		categories: optional( array( categoryName(), { uniqueBy: ( c ) => c, uniqueName: 'category' } ), [] ),
		markAll: optional( bool(), false ),
	} ), DEFAULT_GLOSSARY_OPTIONS ),
	bot: botSchema,
} ), checkSite );

/** Cross-field rules of the site document (paths relative to the document). */
function checkSite( site: SiteInput, path: string, problems: Problem[] ): void {
	const botSpace = `User:${ site.bot.username }/`;
	const inBotSpace = ( key: 'summaryJson' | 'glossaryJson' | 'glossaryTermsPrefix', suffix: string ): void => {
		const title = site.pages[ key ];
		const ok = title.startsWith( botSpace ) && title.length > botSpace.length &&
			title.endsWith( suffix );
		if ( !ok ) {
			problems.push( { path: `${ path }.pages.${ key }`, message: `must be a page in the bot's user space ending in "${ suffix }" (${ botSpace }…${ suffix }), so that only the bot can edit it; got ${ JSON.stringify( title ) }` } );
		}
	};
	inBotSpace( 'summaryJson', '.json' );
	inBotSpace( 'glossaryJson', '.json' );
	inBotSpace( 'glossaryTermsPrefix', '/' );
	if ( !/^MediaWiki:.+\.json$/.test( site.pages.siteConfig ) ) {
		problems.push( { path: `${ path }.pages.siteConfig`, message: 'must be a MediaWiki:….json page (only interface administrators can edit those)' } );
	}
	if ( !/.\.json$/.test( site.pages.sprintConfig ) ) {
		problems.push( { path: `${ path }.pages.sprintConfig`, message: 'must end in ".json" (a JSON content model page)' } );
	}
	const languages = new Set( site.languages );
	const titles = new Map<string, number>();
	site.drafts.forEach( ( draft, i ) => {
		const at = `${ path }.drafts[${ i }]`;
		if ( !languages.has( draft.sourceLanguage ) ) {
			problems.push( { path: `${ at }.sourceLanguage`, message: `must be one of the configured languages (${ site.languages.join( ', ' ) })` } );
		}
		const slash = draft.title.lastIndexOf( '/' );
		if ( slash >= 0 && languages.has( draft.title.slice( slash + 1 ) ) ) {
			problems.push( { path: `${ at }.title`, message: 'must be the source page, not a translation subpage (/language)' } );
		}
		const talk = draft.talkPage ?? talkPageOf( draft.title );
		for ( const [ title, field ] of [ [ draft.title, 'title' ], [ talk, 'talkPage' ] ] as const ) {
			const first = titles.get( title );
			if ( first !== undefined ) {
				problems.push( { path: `${ at }.${ field }`, message: `${ JSON.stringify( title ) } is already used by draft ${ first }` } );
			} else {
				titles.set( title, i );
			}
		}
	} );
}

const sprintSchema: Schema<SprintConfig> = refine( object( {
	id: identifier(),
	name: str( { minLength: 1, maxLength: 100 } ),
	start: isoDate(),
	end: isoDate(),
	drafts: optional( array( identifier(), { minItems: 1, uniqueBy: ( d ) => d, uniqueName: 'draft id' } ) ),
	report: optional( pageTitle() ),
} ), ( sprint, path, problems ) => {
	if ( sprint.end < sprint.start ) {
		problems.push( { path: `${ path }.end`, message: `must not be before start (${ sprint.start })` } );
	}
} );

const sprintDocumentSchema: Schema<SprintDocument> = refine( object( {
	version: num( { integer: true, min: CONFIG_VERSION, max: CONFIG_VERSION } ) as Schema<1>,
	sprints: array( sprintSchema, { uniqueBy: byId, uniqueName: 'sprint id' } ),
	members: array( username(), { uniqueBy: ( m ) => m, uniqueName: 'member' } ),
	reports: optional( object( {
		announce: optional( array( pageTitle(), { uniqueBy: ( t ) => t, uniqueName: 'page' } ), [] ),
	} ), { announce: [] } ),
} ), ( doc, path, problems ) => {
	doc.sprints.forEach( ( sprint, i ) => {
		const previous = doc.sprints[ i - 1 ];
		if ( previous && sprint.start <= previous.end ) {
			problems.push( { path: `${ path }.sprints[${ i }].start`, message: `must be after the end of the previous sprint ${ JSON.stringify( previous.id ) } (${ previous.end }): sprints are listed in order and do not overlap` } );
		}
	} );
} );

// ---------------------------------------------------------------------------------------------
// Parsing

/** Validates one document and rewrites problem paths from `$` to `prefix`. */
function readDocument<T>(
	input: unknown,
	schema: Schema<T>,
	prefix: string,
	name: string,
	problems: Problem[],
): T | undefined {
	let value = input;
	if ( typeof input === 'string' ) {
		try {
			value = JSON.parse( input );
		} catch ( e ) {
			problems.push( { path: prefix, message: `${ name } is not valid JSON: ${ e instanceof Error ? e.message : String( e ) }` } );
			return undefined;
		}
	}
	if ( !checkVersion( value, CONFIG_VERSION, name, prefix, problems ) ) {
		return undefined;
	}
	const result = validate( schema, value );
	if ( !result.ok ) {
		for ( const p of result.problems ) {
			problems.push( { path: prefix + p.path.slice( 1 ), message: p.message } );
		}
		return undefined;
	}
	return result.value;
}

/** Rules that span both documents (paths in the sprint document). */
function checkAcross( site: SiteDocument, sprint: SprintDocument, problems: Problem[] ): void {
	const draftIds = new Set( site.drafts.map( byId ) );
	sprint.sprints.forEach( ( s, i ) => {
		( s.drafts ?? [] ).forEach( ( id, j ) => {
			if ( !draftIds.has( id ) ) {
				problems.push( { path: `$sprint.sprints[${ i }].drafts[${ j }]`, message: `unknown draft id ${ JSON.stringify( id ) } (known: ${ [ ...draftIds ].join( ', ' ) })` } );
			}
		} );
		if ( s.report === undefined ) {
			const problem = titleProblem( site.pages.reportPrefix + s.name );
			if ( problem !== null ) {
				problems.push( { path: `$sprint.sprints[${ i }].name`, message: `cannot be used in the report title ${ JSON.stringify( site.pages.reportPrefix + s.name ) }: it ${ problem }` } );
			}
		}
	} );
	sprint.members.forEach( ( member, i ) => {
		if ( member === site.bot.username ) {
			problems.push( { path: `$sprint.members[${ i }]`, message: 'the bot account cannot be a member (its own edits would then set statuses)' } );
		}
	} );
}

const EMPTY_SPRINT: SprintDocument = {
	version: 1, sprints: [], members: [], reports: { announce: [] },
};

/**
 * Reads and merges the configuration. Each document may be given parsed or as JSON text. Every
 * problem is reported with its JSON path, prefixed `$site` or `$sprint` so the editor knows which
 * page to fix. Any problem means `ok: false` and no configuration at all. Never throws.
 *
 * @param site The site document (interface administrators' page).
 * @param sprint The sprint document (working group's page); omitted, the configuration has no
 *   sprints and no members (`sprintLoaded: false`).
 */
export function parseConfig( site: unknown, sprint?: unknown ): Result<Config> {
	const problems: Problem[] = [];
	try {
		const siteInput = readDocument( site, siteSchema, '$site', 'site configuration', problems );
		const sprintDoc = sprint === undefined ?
			EMPTY_SPRINT :
			readDocument( sprint, sprintDocumentSchema, '$sprint', 'sprint configuration', problems );
		if ( siteInput === undefined || sprintDoc === undefined ) {
			return { ok: false, problems };
		}
		// Defaults are shared objects (schema fallbacks): give every configuration its own copy
		// so that a caller sorting or editing its lists cannot change the next configuration.
		const own = JSON.parse( JSON.stringify( siteInput ) ) as SiteInput;
		const siteDoc: SiteDocument = {
			...own,
			drafts: own.drafts.map( ( d ) => {
				const talkPage = d.talkPage ?? talkPageOf( d.title );
				return {
					id: d.id,
					title: d.title,
					talkPage,
					archivePrefix: d.archivePrefix ?? `${ talkPage }/Archive `,
					sourceLanguage: d.sourceLanguage,
					sections: d.sections,
				};
			} ),
		};
		checkAcross( siteDoc, sprintDoc, problems );
		if ( problems.length ) {
			return { ok: false, problems };
		}
		return {
			ok: true,
			value: {
				...siteDoc,
				sprint: JSON.parse( JSON.stringify( sprintDoc ) ) as SprintDocument,
				sprintLoaded: sprint !== undefined,
			},
			problems,
		};
	} catch ( e ) {
		// Defensive: a bug in a rule must not become a crash in the reader's browser.
		problems.push( { path: '$', message: `configuration could not be read: ${ String( e ) }` } );
		return { ok: false, problems };
	}
}

// ---------------------------------------------------------------------------------------------
// Helpers both sides need

/** Where a page title sits among the configured drafts. */
export interface DraftMatch {
	/** The draft. */
	draft: DraftConfig;
	/** Language of the page: the draft's source language or the translation's code. */
	language: string;
	/** Whether the title is a `/xx` translation subpage. */
	isTranslation: boolean;
}

/**
 * Finds the draft a page belongs to: the source page itself or a `<title>/<language>`
 * translation subpage for a configured language (other subpages are not drafts). Titles are
 * compared after MediaWiki normalisation (underscores, first letter).
 */
export function findDraftByTitle( config: Config, title: string ): DraftMatch | null {
	const normal = normalizeTitle( title );
	for ( const draft of config.drafts ) {
		if ( normal === draft.title ) {
			return { draft, language: draft.sourceLanguage, isTranslation: false };
		}
		if ( normal.startsWith( `${ draft.title }/` ) ) {
			const code = normal.slice( draft.title.length + 1 );
			if ( config.languages.includes( code ) ) {
				return { draft, language: code, isTranslation: code !== draft.sourceLanguage };
			}
		}
	}
	return null;
}

/**
 * Finds the draft whose talk page, or one of whose archives (`<archivePrefix><n>`), `title` is.
 *
 * @return The draft and the archive number (`null` for the talk page itself), or `null`.
 */
export function findDraftByTalkTitle(
	config: Config,
	title: string,
): { draft: DraftConfig; archive: number | null } | null {
	const normal = normalizeTitle( title );
	for ( const draft of config.drafts ) {
		if ( normal === draft.talkPage ) {
			return { draft, archive: null };
		}
		const prefix = draft.archivePrefix.trim();
		if ( normal.startsWith( prefix ) ) {
			const rest = normal.slice( prefix.length ).trim();
			if ( /^[1-9]\d{0,5}$/.test( rest ) ) {
				return { draft, archive: Number( rest ) };
			}
		}
	}
	return null;
}

/** Title of archive number `n` of a draft's talk page. */
export function archiveTitle( draft: DraftConfig, n: number ): string {
	return `${ draft.archivePrefix }${ n }`;
}

/** Whether `user` is a working-group member (user names compared after normalisation). */
export function isMember( config: Config, user: string ): boolean {
	return config.sprint.members.includes( normalizeUsername( user ) );
}

/**
 * The sprint running on a day (inclusive dates, UTC), or `null` between sprints, for an invalid
 * date, or when the sprint part was not loaded.
 */
export function currentSprint( config: Config, date: Date | string ): SprintConfig | null {
	const day = utcDay( date );
	if ( day === null ) {
		return null;
	}
	return config.sprint.sprints.find( ( s ) => s.start <= day && day <= s.end ) ?? null;
}

/** Title of a sprint's report page. */
export function reportTitle( config: Config, sprint: SprintConfig ): string {
	return sprint.report ?? normalizeTitle( config.pages.reportPrefix + sprint.name );
}

/** Drafts under consultation in a sprint (all drafts unless the sprint lists some). */
export function sprintDrafts( config: Config, sprint: SprintConfig ): DraftConfig[] {
	return sprint.drafts ?
		config.drafts.filter( ( d ) => sprint.drafts?.includes( d.id ) ) :
		config.drafts.slice();
}

/** Title of the per-language glossary term index JSON page. */
export function glossaryTermsTitle( config: Config, language: string ): string {
	return `${ config.pages.glossaryTermsPrefix }${ language }.json`;
}

/** Title of a translation (or the source page, for the source language). */
export function translationTitle( draft: DraftConfig, language: string ): string {
	return language === draft.sourceLanguage ? draft.title : `${ draft.title }/${ language }`;
}

/** Finds a section of a draft by id. */
export function findSection( draft: DraftConfig, sectionId: string ): SectionConfig | null {
	return draft.sections.find( ( s ) => s.id === sectionId ) ?? null;
}

/** Kinds of configured items whose labels have i18n messages. */
export type LabelKind = 'stance' | 'rubric' | 'region';

/** Message key of a configured item's label, e.g. `ldwg-stance-support`. */
export function labelMessageKey( kind: LabelKind, id: string ): string {
	return `ldwg-${ kind }-${ id }`;
}

/**
 * The label to show for a configured item: the i18n message `ldwg-<kind>-<id>` when it exists in
 * the user's language (or its fallbacks), otherwise the configuration's English label. Works
 * with `mw.message` in the gadget and banana-i18n in the bot.
 *
 * @param kind Which list the item comes from.
 * @param item The configured item.
 * @param item.id Its id.
 * @param item.label Its English label.
 * @param message Returns a message's plain text, or `null` when the message does not exist.
 */
export function localLabel(
	kind: LabelKind,
	item: { id: string; label: string },
	message: ( key: string ) => string | null,
): string {
	return message( labelMessageKey( kind, item.id ) ) ?? item.label;
}

/**
 * User-Agent for requests, in the format of Wikimedia's User-Agent policy:
 * `ldwg-tools/<version> (<contact>)`, plus e.g. the library's own token.
 */
export function userAgent( config: Config, toolVersion: string, suffix?: string ): string {
	return `ldwg-tools/${ toolVersion } (${ config.operator.contact })${ suffix ? ` ${ suffix }` : '' }`;
}
