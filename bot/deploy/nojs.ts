/**
 * The pages behind the section marker's link for readers without JavaScript (or with gadgets
 * switched off), generated from the configuration and the message files so that they speak the
 * page's language and list the fields the form really has:
 *
 * - `Template:LDWG section/i18n`: `{{…/i18n|link}}`, `{{…/i18n|thread}}` and
 *   `{{…/i18n|preload}}` give the link's text, the new thread's title and the preload page in
 *   the language of the page being viewed (`{{PAGELANGUAGE}}`: a translation `/ar` reads Arabic
 *   whatever the reader's interface language, like the text around the link), English for
 *   languages without a message file;
 * - `Template:LDWG section/preload` and `…/preload/<code>`: the entry skeleton the link
 *   preloads, with a comment explaining each field and listing its values with their labels.
 *
 * The field list comes from the configuration (stances, rubric questions and scale, regions), so
 * adding a rubric question changes the hand-written form too. Every translated string is
 * untrusted: in the switch it is encoded like entry text ({@link encodeText}); in the comment it
 * cannot close the comment, fill a preload parameter or sign.
 *
 * @packageDocumentation
 */
import type { Config } from '../../shared/contracts/config.ts';
import { localLabel } from '../../shared/contracts/config.ts';
import { RUBRIC_PARAM_PREFIX } from '../../shared/entry/format.ts';
import { encodeText } from '../../shared/entry/escape.ts';
import { languageDir } from '../../shared/language-dir.ts';
import { readMessageFiles } from './plan.ts';
import type { PlannedPage } from './publish.ts';

/**
 * The section marker template as the repository deploys it (`wiki-content/templates/`); its
 * subpages are generated here.
 */
export const MARKER_TEMPLATE = 'Template:LDWG section';

/** Messages of one language, `null` for a key it does not have. */
type Messages = ( key: string ) => string | null;

/** A language's messages with English as the fallback. */
function messagesOf( files: Map<string, Record<string, string>>, code: string ): Messages {
	const own = files.get( code ) ?? {};
	const english = files.get( 'en' ) ?? {};
	return ( key ) => own[ key ] ?? english[ key ] ?? null;
}

/**
 * Text for an HTML comment in a preload page: it must not end the comment (`-->`), be taken for
 * a preload parameter (`$1`) or become a signature when the reader saves (`~~~`).
 */
export function commentText( text: string ): string {
	return text
		.replace( /\s+/g, ' ' )
		.replace( /--+/g, ( dashes ) => dashes.split( '' ).join( '\u200b' ) )
		.replace( /\$(?=\d)/g, '$\u200b' )
		.replace( /~~+/g, ( tildes ) => tildes.split( '' ).join( '\u200b' ) )
		.trim();
}

/**
 * The preload page of one language: an HTML comment explaining every field, then the entry
 * skeleton with `$1` (section id), `$2` (page viewed) and `$3` (its language) filled by the
 * link's `preloadparams[]`. The `<includeonly>` tags keep the preload page itself from being
 * substituted and signed when it is saved; preloading drops them (docs/entry-format.md).
 */
export function preloadText( config: Config, message: Messages ): string {
	const msg = ( key: string, fallback: string ): string => commentText(
		message( key ) ?? fallback );
	type Kind = 'stance' | 'rubric' | 'region';
	const label = ( kind: Kind, item: { id: string; label: string } ): string => commentText(
		localLabel( kind, item, message ) );
	const lines: string[] = [ msg( 'ldwg-nojs-preload-help',
		'Fill in after the = signs; leave out what you do not want to answer.' ) ];
	lines.push( `stance: ${ msg( 'ldwg-form-stance-legend', 'What do you think of this section?' ) }` );
	lines.push( `  ${ config.stances.map( ( s ) => `${ s.id } = ${ label( 'stance', s ) }` ).join( '; ' ) }` );
	const rubric = config.rubric;
	if ( rubric.questions.length ) {
		for ( const q of rubric.questions ) {
			lines.push( `${ RUBRIC_PARAM_PREFIX }${ q.id }: ${ label( 'rubric', q ) }` );
		}
		const points: string[] = [];
		for ( let n = rubric.scale.min; n <= rubric.scale.max; n++ ) {
			const english = rubric.scale.labels?.[ n - rubric.scale.min ];
			const text = message( `ldwg-rubric-scale-${ n }` ) ?? english;
			points.push( text ? `${ n } = ${ commentText( text ) }` : String( n ) );
		}
		if ( rubric.noOpinion ) {
			points.push( `na = ${ msg( 'ldwg-form-rubric-no-opinion', 'No opinion' ) }` );
		}
		lines.push( `  ${ points.join( '; ' ) }` );
	}
	lines.push( `region: ${ msg( 'ldwg-form-region-label', 'Your region' ) }` );
	lines.push( `  ${ config.regions.map( ( r ) => `${ r.id } = ${ label( 'region', r ) }` ).join( '; ' ) }` );
	lines.push( `comment: ${ msg( 'ldwg-form-comment-label', 'Comment' ) }` );
	lines.push( `wording: ${ msg( 'ldwg-form-wording-label', 'Suggested wording' ) }` );
	const fields = [
		'v=1',
		'id={{<includeonly>subst:</includeonly>#time:Ymd-His}}-nojs',
		'section=$1', 'page=$2', 'lang=$3', 'stance=',
		...rubric.questions.map( ( q ) => `${ RUBRIC_PARAM_PREFIX }${ q.id }=` ),
		'region=', 'comment=', 'wording=',
	];
	return `<!-- ${ lines.join( '\n' ) } -->\n` +
		`{{${ encodeText( config.templates.entry ) }|${ fields.join( '|' ) }}} ~~<includeonly></includeonly>~~\n`;
}

/**
 * Percent-encodes text for a URL query the way `{{urlencode:…|QUERY}}` does (`+` for spaces),
 * also encoding what wikitext would read (`'`, `~`, `!`, `*`, `(`, `)`), so the result is inert
 * in the template.
 */
function queryEncode( text: string ): string {
	return encodeURIComponent( text )
		.replace( /[!'()*~]/g, ( ch ) => `%${ ( ch.codePointAt( 0 ) ?? 0 ).toString( 16 ).toUpperCase() }` )
		.replace( /%20/g, '+' );
}

/**
 * The switch template `Template:LDWG section/i18n`: its first parameter says what to give
 * (`link`, `thread`, `preload`), in the language of the page being rendered.
 *
 * @param languages Translated languages, each with its messages (English is the default).
 */
export function switchTemplateText( languages: Map<string, Messages>, english: Messages ): string {
	const marker = MARKER_TEMPLATE.replace( /^Template:/, '' ).replace( / /g, '_' );
	const link = ( code: string, message: Messages ): string => {
		const text = message( 'ldwg-nojs-link' ) ?? 'give feedback';
		return `<span lang="${ code }" dir="${ languageDir( code ) }">${ encodeText( text ) }</span>`;
	};
	// The thread title goes through {{urlencode:…|QUERY}} in the marker: the text around the
	// section id is encoded here, once, and the id there.
	const thread = ( message: Messages ): string => {
		const text = message( 'ldwg-form-thread-title' ) ?? 'Feedback on “$1”';
		return text.split( '$1' ).map( queryEncode ).join( '{{urlencode:{{{2|}}}|QUERY}}' );
	};
	const cases = ( pick: ( code: string, message: Messages ) => string, fallback: string ): string => `{{#switch:{{PAGELANGUAGE}}\n${ Array.from( languages ).map( ( [ code, message ] ) => `|${ code }=${ pick( code, message ) }\n` ).join( '' ) }|#default=${ fallback }\n}}`;
	return '<includeonly>{{#switch:{{{1|}}}\n' +
		`|link=${ cases( link, link( 'en', english ) ) }\n` +
		`|thread=${ cases( ( _code, m ) => thread( m ), thread( english ) ) }\n` +
		`|preload=${ cases( ( code ) => `Template:${ marker }/preload/${ code }`, `Template:${ marker }/preload` ) }\n` +
		'}}</includeonly><noinclude>\n' +
		'Texts of [[' + MARKER_TEMPLATE + ']]\'s link for readers without JavaScript, in the ' +
		'language of the page: <code>link</code> (the link text), <code>thread</code> (the new ' +
		'thread\'s title, URL-encoded, section id as the second parameter), <code>preload</code> ' +
		'(the preload page). Generated by ldwg-tools\' deploy from the configuration and ' +
		'<code>i18n/</code>; edits here are overwritten by the next deploy.\n</noinclude>';
}

/**
 * Every page of the no-JavaScript link: the switch template and the preload pages (English and
 * one per translated language).
 *
 * @param config The site configuration (its fields make the preload's skeleton).
 * @param i18nDir The message files.
 */
export function noJsPages( config: Config, i18nDir: string ): PlannedPage[] {
	const files = readMessageFiles( i18nDir );
	const english = messagesOf( files, 'en' );
	const translated = new Map<string, Messages>();
	for ( const code of files.keys() ) {
		if ( code !== 'en' ) {
			translated.set( code, messagesOf( files, code ) );
		}
	}
	const source = 'bot/deploy/nojs.ts (configuration and i18n/)';
	return [
		{ title: `${ MARKER_TEMPLATE }/i18n`, text: switchTemplateText( translated, english ), source },
		{ title: `${ MARKER_TEMPLATE }/preload`, text: preloadText( config, english ), source },
		...Array.from( translated ).map( ( [ code, message ] ) => ( {
			title: `${ MARKER_TEMPLATE }/preload/${ code }`,
			text: preloadText( config, message ),
			source,
		} ) ),
	];
}
