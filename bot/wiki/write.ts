/**
 * Safe writes. Before every edit the {@link Writer}:
 * 1. waits for its pace (config `editsPerMinute`, default 6; tests can switch pacing off);
 * 2. reads, in one request, the shutoff page and the target page: the shutoff page must exist and
 *    its trimmed text must be exactly `run` and unchanged since the run started, otherwise the run
 *    stops ({@link StopRequested}, exit 3); the target's `{{bots}}`/`{{nobots}}` must allow this
 *    bot, otherwise the page is skipped and the run ends with exit 3;
 * 3. compares the new text with the current one after MediaWiki's save normalisation and does
 *    not edit when they are equal;
 * 4. calls `action=edit` itself (not mwn's `edit()`, which sends `basetimestamp` and retries
 *    conflicts silently) with `baserevid`, `bot`, `assert=bot`, `maxlag` and `nocreate`/
 *    `createonly`, so a concurrent human edit yields `editconflict` instead of being overwritten
 *    blindly.
 *
 * @packageDocumentation
 */
import { checkExclusion } from '../../shared/bots-template.ts';
import { StopRequested, ApiError, type WikiApi } from './api.ts';
import { readCurrent, type PageText } from './read.ts';

/** What MediaWiki does to wikitext on save: CRLF/CR → LF, NFC, trailing white space trimmed. */
export function normaliseForSave( text: string ): string {
	return text.replace( /\r\n?/g, '\n' ).normalize( 'NFC' ).replace( /\s+$/, '' );
}

/** Canonical JSON (sorted keys) of a JSON text, or null when it does not parse. */
function canonicalJson( text: string ): string | null {
	try {
		return canonical( JSON.parse( text ) );
	} catch {
		return null;
	}
}

function canonical( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return `[${ value.map( canonical ).join( ',' ) }]`;
	}
	if ( value && typeof value === 'object' ) {
		const obj = value as Record<string, unknown>;
		return `{${ Object.keys( obj ).sort().map( ( k ) => `${ JSON.stringify( k ) }:${ canonical( obj[ k ] ) }` ).join( ',' ) }}`;
	}
	return JSON.stringify( value );
}

/**
 * Whether saving `next` over `current` would change the page. JSON pages are compared by value,
 * because MediaWiki may re-serialise JSON content on save.
 */
export function wouldChange( current: string, next: string, contentModel: string ): boolean {
	if ( contentModel === 'json' ) {
		const a = canonicalJson( current );
		const b = canonicalJson( next );
		if ( a !== null && b !== null ) {
			return a !== b;
		}
	}
	return normaliseForSave( current ) !== normaliseForSave( next );
}

/** Whether the shutoff text allows running. */
export function shutoffAllows( text: string ): boolean {
	return text.trim() === 'run';
}

/** Options for {@link Writer}. */
export interface WriterOptions {
	/** Bot user name (for `{{bots}}`). */
	botName: string;
	/** Shutoff page title. */
	shutoffTitle: string;
	/** Edits per minute; 0 or less turns pacing off. */
	editsPerMinute: number;
	/** Whether the account has `apihighlimits`. */
	highLimits: boolean;
	/** Dry run: never edit; report the diff instead. */
	dryRun: boolean;
	/** Called with each page that would change in a dry run. */
	onDryRun?: ( title: string, before: string, after: string ) => void;
	log?: ( line: string ) => void;
	/** Clock and sleep (tests). */
	now?: () => number;
	sleep?: ( ms: number ) => Promise<void>;
}

/** An edit request. */
export interface EditRequest {
	title: string;
	text: string;
	summary: string;
	/** `wikitext` (default) or `json`. */
	contentModel?: 'wikitext' | 'json';
}

/** What happened to one page. */
export type EditOutcome = 'edited' | 'created' | 'unchanged' | 'excluded' | 'would-edit';

/** See the module description. */
export class Writer {
	/** Edits made. */
	public edits = 0;

	/** Pages skipped because of `{{bots}}`/`{{nobots}}`. */
	public excluded: string[] = [];

	private readonly api: WikiApi;

	private readonly options: WriterOptions;

	private lastEditAt = 0;

	private shutoffRevid: number | null = null;

	/**
	 * @param api The API door
	 * @param options See {@link WriterOptions}
	 */
	public constructor( api: WikiApi, options: WriterOptions ) {
		this.api = api;
		this.options = options;
	}

	/**
	 * Checks the shutoff page and reads the target, in one request.
	 *
	 * @throws StopRequested when the shutoff page is missing, unreadable, not `run`, or changed
	 *   since the first check of this run
	 */
	public async checkAndRead( title: string ): Promise<PageText> {
		const shutoff = this.options.shutoffTitle;
		let pages: Map<string, PageText>;
		try {
			pages = await readCurrent( this.api, [ shutoff, title ], this.options.highLimits );
		} catch ( e ) {
			throw new StopRequested( `Shutoff page ${ shutoff } could not be read (${ e instanceof Error ? e.message : String( e ) }): stopping` );
		}
		const s = pages.get( shutoff );
		if ( !s || s.missing ) {
			throw new StopRequested( `Shutoff page ${ shutoff } does not exist: stopping (create it with the text "run")` );
		}
		if ( !shutoffAllows( s.text ) ) {
			throw new StopRequested( `Shutoff page ${ shutoff } says ${ JSON.stringify( s.text.trim().slice( 0, 80 ) ) }, not "run": stopping` );
		}
		if ( this.shutoffRevid === null ) {
			this.shutoffRevid = s.lastRevid;
		} else if ( this.shutoffRevid !== s.lastRevid ) {
			throw new StopRequested( `Shutoff page ${ shutoff } changed during the run: stopping` );
		}
		const target = pages.get( title );
		if ( !target ) {
			throw new Error( `No answer for ${ title }` );
		}
		return target;
	}

	/** Writes a page if its content changed (see the module description). */
	public async write( request: EditRequest ): Promise<EditOutcome> {
		const model = request.contentModel ?? 'wikitext';
		let current = await this.checkAndRead( request.title );
		for ( let attempt = 0; ; attempt++ ) {
			if ( !current.missing && !wouldChange( current.text, request.text, model ) ) {
				return 'unchanged';
			}
			if ( model === 'wikitext' && !current.missing ) {
				const decision = checkExclusion( current.text, this.options.botName );
				if ( !decision.allowed ) {
					this.options.log?.( `Skipping ${ request.title }: ${ decision.reason }` );
					this.excluded.push( request.title );
					return 'excluded';
				}
			}
			if ( this.options.dryRun ) {
				this.options.onDryRun?.( request.title, current.missing ? '' : current.text, request.text );
				return 'would-edit';
			}
			await this.pace();
			try {
				await this.edit( request, current, model );
				return current.missing ? 'created' : 'edited';
			} catch ( e ) {
				if ( e instanceof ApiError && ( e.code === 'editconflict' || e.code === 'articleexists' ) && attempt === 0 ) {
					// Someone edited the bot's page meanwhile: read again (shutoff and exclusion
					// included) and try once more; a second conflict is reported.
					this.options.log?.( `Edit conflict on ${ request.title }: reading it again` );
					current = await this.checkAndRead( request.title );
					continue;
				}
				throw e;
			}
		}
	}

	private async pace(): Promise<void> {
		const perMinute = this.options.editsPerMinute;
		const now = this.options.now ?? Date.now;
		if ( perMinute > 0 && this.lastEditAt > 0 ) {
			const wait = this.lastEditAt + 60000 / perMinute - now();
			if ( wait > 0 ) {
				this.options.log?.( `… pacing: waiting ${ Math.ceil( wait / 1000 ) } s` );
				await ( this.options.sleep ?? sleep )( wait );
			}
		}
		this.lastEditAt = now();
	}

	private async edit( request: EditRequest, current: PageText, model: string ): Promise<void> {
		const token = await this.api.bot.getCsrfToken();
		const params: Record<string, string | number | boolean> = {
			action: 'edit',
			title: request.title,
			text: request.text,
			summary: request.summary,
			bot: true,
			assert: 'bot',
			contentmodel: model,
			token,
		};
		if ( current.missing ) {
			params.createonly = true;
		} else {
			params.nocreate = true;
			params.baserevid = current.lastRevid;
		}
		const response = await this.api.post( params );
		const edit = response.edit as { result?: string; nochange?: boolean } | undefined;
		if ( !edit || edit.result !== 'Success' ) {
			throw new ApiError( 'editfailed', `Edit of ${ request.title } did not succeed: ${ JSON.stringify( response ).slice( 0, 300 ) }` );
		}
		if ( !edit.nochange ) {
			this.edits++;
		}
	}
}

function sleep( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}
