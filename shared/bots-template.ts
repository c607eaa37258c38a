/**
 * Parses the bot-exclusion templates `{{bots}}` and `{{nobots}}` (the community convention every
 * well-behaved bot honours) and decides whether a given bot may edit a page.
 *
 * mwn's own check is a single regular expression; this one understands the allow/deny lists, the
 * `all`/`none` keywords, spacing, underscores and case, and ignores templates that only appear
 * inside `nowiki`, `<pre>`, `<source>`/`<syntaxhighlight>` or HTML comments (quoted examples on a
 * talk page must not switch the bot off, and a real template must never be missed).
 *
 * @packageDocumentation
 */

/** One exclusion template found on a page. */
export interface ExclusionTemplate {
	/** `bots` or `nobots` (normalised to lower case). */
	name: 'bots' | 'nobots';
	/** Names in `allow=` (normalised), `undefined` when the parameter is absent. */
	allow?: string[];
	/** Names in `deny=` (normalised), `undefined` when the parameter is absent. */
	deny?: string[];
}

/** Outcome of {@link checkExclusion}. */
export interface ExclusionDecision {
	/** Whether the bot may edit the page. */
	allowed: boolean;
	/** Why not (for the log), or why yes when a template was present. */
	reason: string;
	/** Every exclusion template found. */
	templates: ExclusionTemplate[];
}

/**
 * Normalises a user name the way MediaWiki does for comparisons: underscores are spaces, runs of
 * spaces collapse, surrounding space goes and the first letter is upper case.
 */
export function normaliseUserName( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).trim();
	return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
}

/** Blanks out regions whose contents MediaWiki does not parse as templates. */
function stripUnparsed( text: string ): string {
	return text
		.replace( /<!--[\s\S]*?(?:-->|$)/g, ' ' )
		.replace( /<(nowiki|pre|source|syntaxhighlight|math|code)\b[^>]*\/>/gi, ' ' )
		.replace( /<(nowiki|pre|source|syntaxhighlight|math)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ' );
}

function splitList( value: string ): string[] {
	return value.split( ',' ).map( ( s ) => normaliseUserName( s ) ).filter( ( s ) => s !== '' );
}

/**
 * Finds every `{{bots…}}` / `{{nobots…}}` call in a page's wikitext.
 * Template names match case-insensitively and with or without a `Template:` prefix.
 */
export function parseExclusionTemplates( text: string ): ExclusionTemplate[] {
	const found: ExclusionTemplate[] = [];
	const clean = stripUnparsed( text );
	// Parameters of these templates never contain nested templates, so a flat match suffices.
	const re = /\{\{\s*(?:template\s*:\s*)?(no[ _]?bots|bots)\s*(\|[^{}]*)?\}\}/gi;
	let m: RegExpExecArray | null;
	while ( ( m = re.exec( clean ) ) !== null ) {
		const name = ( m[ 1 ] || '' ).toLowerCase().replace( /[ _]/g, '' ) === 'nobots' ? 'nobots' : 'bots';
		const template: ExclusionTemplate = { name };
		const params = ( m[ 2 ] || '' ).split( '|' ).slice( 1 );
		for ( const param of params ) {
			const eq = param.indexOf( '=' );
			if ( eq < 0 ) {
				continue;
			}
			const key = param.slice( 0, eq ).trim().toLowerCase();
			const value = param.slice( eq + 1 );
			if ( key === 'allow' ) {
				template.allow = ( template.allow || [] ).concat( splitList( value ) );
			} else if ( key === 'deny' ) {
				template.deny = ( template.deny || [] ).concat( splitList( value ) );
			}
		}
		found.push( template );
	}
	return found;
}

function mentions( list: string[], bot: string ): boolean {
	return list.includes( bot );
}

function isKeyword( list: string[], keyword: string ): boolean {
	return list.some( ( n ) => n.toLowerCase() === keyword );
}

/**
 * Decides whether `botName` may edit a page with this wikitext, following the convention on
 * Template:Bots: `{{nobots}}` denies every bot; `{{bots|allow=…}}` allows only the listed bots
 * (`all` everyone, `none` no one); `{{bots|deny=…}}` denies the listed bots (`all` everyone,
 * `none` no one); a plain `{{bots}}` allows every bot. With several templates, any denial wins.
 */
export function checkExclusion( text: string, botName: string ): ExclusionDecision {
	const bot = normaliseUserName( botName );
	const templates = parseExclusionTemplates( text );
	for ( const t of templates ) {
		if ( t.name === 'nobots' ) {
			// {{nobots|allow=X}} is an accepted shorthand for "no bots except X".
			if ( t.allow && ( isKeyword( t.allow, 'all' ) || mentions( t.allow, bot ) ) ) {
				continue;
			}
			return { allowed: false, reason: 'page has {{nobots}}', templates };
		}
		if ( t.allow ) {
			if ( isKeyword( t.allow, 'all' ) || mentions( t.allow, bot ) ) {
				continue;
			}
			return { allowed: false, reason: `{{bots|allow=…}} does not list ${ bot }`, templates };
		}
		if ( t.deny ) {
			if ( isKeyword( t.deny, 'none' ) ) {
				continue;
			}
			if ( isKeyword( t.deny, 'all' ) || mentions( t.deny, bot ) ) {
				return { allowed: false, reason: `{{bots|deny=…}} denies ${ bot }`, templates };
			}
		}
	}
	return {
		allowed: true,
		reason: templates.length ? 'exclusion templates allow this bot' : 'no exclusion template',
		templates,
	};
}
