/**
 * Writes a feedback entry as one template call on one line, the form the gadget appends to a
 * talk page (followed by ` ~~~~`, which the gadget adds):
 *
 * `{{LDWG feedback entry|v=1|id=…|page=…|source=…|section=…|rev=…|stance=…|r-<question>=…|`
 * `region=…|lang=…|comment=…|wording=…|status=…|status-note=…}}`
 *
 * Every value goes through {@link encodeText}, so nothing a reader typed can act as wikitext.
 *
 * @packageDocumentation
 */
import { ENTRY_VERSION, validateEntry, type FeedbackEntry } from '../contracts/entry.ts';
import { formatProblems } from '../validate.ts';
import { encodeText } from './escape.ts';

/** Default name of the entry template (`Template:LDWG feedback entry`). */
export const ENTRY_TEMPLATE = 'LDWG feedback entry';

/** Prefix of rubric parameters: question `useful` is written `r-useful=4`. */
export const RUBRIC_PARAM_PREFIX = 'r-';

/**
 * Template parameter of each entry property, in the order they are written. The rubric is
 * written where `rubric` stands, one `r-<question>` parameter per answer.
 */
export const ENTRY_PARAMS = [
	[ 'version', 'v' ],
	[ 'id', 'id' ],
	[ 'page', 'page' ],
	[ 'source', 'source' ],
	[ 'section', 'section' ],
	[ 'rev', 'rev' ],
	[ 'stance', 'stance' ],
	[ 'rubric', '' ],
	[ 'region', 'region' ],
	[ 'lang', 'lang' ],
	[ 'comment', 'comment' ],
	[ 'wording', 'wording' ],
	[ 'status', 'status' ],
	[ 'statusNote', 'status-note' ],
] as const;

/** Options of {@link formatEntry}. */
export interface FormatOptions {
	/** Template name to call (default {@link ENTRY_TEMPLATE}). */
	template?: string;
}

/**
 * Writes an entry as one template call on a single line. Pure; properties the contract does not
 * know are ignored, and empty strings are left out (they read back as absent).
 *
 * @throws TypeError when the entry breaks the contract (e.g. a malformed id or rubric question
 *   id): the message lists every problem. Validate form input with `validateEntry` first.
 */
export function formatEntry( entry: FeedbackEntry, options: FormatOptions = {} ): string {
	const checked = validateEntry( entry );
	if ( !checked.ok ) {
		throw new TypeError( `Cannot write this feedback entry:\n${ formatProblems( checked.problems ) }` );
	}
	const e = checked.value;
	// The template name is configuration, not user text, but it still must not break the call.
	const name = encodeText( options.template ?? ENTRY_TEMPLATE );
	const params: string[] = [];
	for ( const [ key, param ] of ENTRY_PARAMS ) {
		if ( key === 'version' ) {
			params.push( `v=${ ENTRY_VERSION }` );
		} else if ( key === 'rubric' ) {
			for ( const question of Object.keys( e.rubric ?? {} ) ) {
				params.push( `${ RUBRIC_PARAM_PREFIX }${ question }=${ String( e.rubric?.[ question ] ) }` );
			}
		} else if ( key === 'rev' ) {
			if ( e.rev !== undefined ) {
				params.push( `rev=${ e.rev }` );
			}
		} else {
			const value = e[ key ];
			if ( value !== undefined && value !== '' ) {
				params.push( `${ param }=${ encodeText( value ) }` );
			}
		}
	}
	return `{{${ name }|${ params.join( '|' ) }}}`;
}
