/**
 * Reads glossary source pages: the English source page with Translate markup and the
 * translation pages (`/xx`) as Translate renders them. Each concept is one template call
 * (`{{LDWG glossary entry|id=…|type=…|term=…|…}}`); this module finds the calls, splits their
 * parameters, strips translation markup and tells, for each field, whether Translate left it
 * untranslated or marked it outdated. It judges nothing else: that is the compiler's job.
 *
 * The pages are human-edited, so nothing here throws on odd input.
 *
 * @packageDocumentation
 */
import { setOwn } from '../validate.ts';
import { decodeCharReferences } from './entities.ts';

/** Translation state of one field's text. */
export type FieldState =
	/** Text of the page's own language (or the source page's text). */
	| 'current'
	/** Translate wrapped it in the source language: nobody translated it yet. */
	| 'untranslated'
	/** Translate marked the translation outdated (`mw-translate-fuzzy`). */
	| 'outdated';

/** One template parameter of a glossary block. */
export interface SourceField {
	/** Text with translation markup removed, trimmed (wikitext otherwise). */
	value: string;
	/** Line (1-based) where the parameter starts. */
	line: number;
	/** Translation state. */
	state: FieldState;
	/** Whether the raw value had `<translate>` markup (only meaningful on the source page). */
	marked: boolean;
	/**
	 * Whether that markup was `<translate nowrap>` (source page only): Translate then wraps
	 * neither untranslated nor outdated units on translation pages, so they cannot be told apart.
	 */
	nowrap: boolean;
}

/** One concept block (template call) of a glossary page. */
export interface SourceBlock {
	/** Line (1-based) where the template call starts. */
	line: number;
	/** Named parameters by lower-case name; the first of repeated names wins. */
	fields: Record<string, SourceField>;
	/** Unnamed or repeated parameters with their lines (the compiler reports them). */
	stray: { name: string; line: number }[];
}

/** Result of reading one page. */
export interface ParsedPage {
	/** Concept blocks in page order. */
	blocks: SourceBlock[];
	/** Lines of template calls that never close (the rest of the page is ignored). */
	unclosed: number[];
}

/** Default name of the glossary entry template. */
export const DEFAULT_TEMPLATE = 'LDWG glossary entry';

function templateNamePattern( name: string ): RegExp {
	const escaped = name.trim().replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );
	// MediaWiki: first letter case-insensitive, spaces and underscores equivalent, optional
	// namespace prefix.
	const first = escaped.charAt( 0 );
	const flexible = `[${ first.toUpperCase() }${ first.toLowerCase() }]` +
		escaped.slice( 1 ).replace( /(?:\\ | |_)+/g, '[ _]+' );
	return new RegExp( `^\\{\\{\\s*(?:[Tt]emplate\\s*:\\s*)?${ flexible }\\s*(?=\\||\\}\\})` );
}

function lineAt( lineStarts: number[], offset: number ): number {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while ( lo < hi ) {
		const mid = Math.floor( ( lo + hi + 1 ) / 2 );
		if ( ( lineStarts[ mid ] as number ) <= offset ) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	return lo + 1;
}

/**
 * Finds the end of the template call starting at `start` (just after its closing braces) and
 * the offsets of its top-level pipes, or `-1` when it never closes. Comments and tags are
 * skipped; nested templates and links keep their pipes.
 */
function scanTemplate( text: string, start: number ): { end: number; pipes: number[] } {
	const pipes: number[] = [];
	let braces = 0;
	let links = 0;
	let i = start;
	while ( i < text.length ) {
		if ( text.startsWith( '<!--', i ) ) {
			const close = text.indexOf( '-->', i + 4 );
			i = close < 0 ? text.length : close + 3;
			continue;
		}
		// Tags may hold pipes (`<tvar|name>`, the old tvar syntax): skip them whole.
		if ( text[ i ] === '<' && /^<\/?[A-Za-z]/.test( text.slice( i, i + 3 ) ) ) {
			const close = text.indexOf( '>', i );
			if ( close > 0 && close - i < 300 && !text.slice( i, close ).includes( '\n' ) ) {
				i = close + 1;
				continue;
			}
		}
		const pair = text.slice( i, i + 2 );
		if ( pair === '{{' ) {
			braces++;
			i += 2;
		} else if ( pair === '}}' ) {
			braces--;
			i += 2;
			if ( braces === 0 ) {
				return { end: i, pipes };
			}
		} else if ( pair === '[[' ) {
			links++;
			i += 2;
		} else if ( pair === ']]' && links > 0 ) {
			links--;
			i += 2;
		} else {
			if ( text[ i ] === '|' && braces === 1 && links === 0 ) {
				pipes.push( i );
			}
			i++;
		}
	}
	return { end: -1, pipes };
}

const FUZZY_CLASS = /\bclass\s*=\s*["'][^"']*\bmw-translate-fuzzy\b/;
const LANG_ATTR = /\blang\s*=\s*["']?([A-Za-z0-9-]+)/;
/**
 * The class Translate gives the element around an untranslated unit (`mw-content-ltr` or
 * `-rtl`, from the source language's direction). Without it a `lang` attribute is the
 * translator's own markup (`Le <span lang="en">leadership</span>`), which is translated text.
 */
const UNTRANSLATED_CLASS = /\bclass\s*=\s*["'][^"']*\bmw-content-(?:ltr|rtl)\b/;
const WRAPPER = /<(span|div)\b([^>]*)>([\s\S]*?)<\/\1\s*>/g;
const OUTER_WRAPPER = /^<(span|div)\b([^>]*)>([\s\S]*)<\/\1\s*>$/;

/**
 * Whether the element opened at the start of a field closes at its very end, i.e. `inner` (what
 * lies between them) never closes more `tag` elements than it opened. Equal counts alone are not
 * enough: a field of two units, `<div class="mw-translate-fuzzy">…</div>` then
 * `<div lang="en" …>…</div>` (a definition of two paragraphs), has them too, and reading it as
 * one wrapper took the untranslated second unit for outdated French text.
 */
function enclosesAll( inner: string, tag: string ): boolean {
	let depth = 0;
	const tags = new RegExp( `<(/?)${ tag }\\b[^>]*>`, 'gi' );
	for ( let m = tags.exec( inner ); m; m = tags.exec( inner ) ) {
		depth += m[ 1 ] ? -1 : 1;
		if ( depth < 0 ) {
			return false;
		}
	}
	return depth === 0;
}

/**
 * Removes Translate's wrappers from a translation page's field and tells what they meant:
 * text wrapped in Translate's element for untranslated units (class `mw-content-ltr`/`-rtl`
 * and a `lang` of another language) is untranslated; text in `mw-translate-fuzzy` is outdated.
 * Untranslated wins when both occur in one field.
 */
function unwrapTranslation( raw: string, language: string ): { text: string; state: FieldState } {
	// Widened on purpose: `unwrap` below changes it, which the compiler cannot see.
	let state = 'current' as FieldState;
	const unwrap = ( whole: string, _tag: string, attributes: string, inner: string ): string => {
		if ( FUZZY_CLASS.test( attributes ) ) {
			if ( state === 'current' ) {
				state = 'outdated';
			}
			return inner;
		}
		const lang = LANG_ATTR.exec( attributes );
		if ( lang && ( lang[ 1 ] as string ).toLowerCase() !== language &&
			UNTRANSLATED_CLASS.test( attributes ) ) {
			state = 'untranslated';
			return inner;
		}
		return whole;
	};
	// The usual case, one wrapper around the whole unit, is unwrapped first so that markup
	// inside the translation (a nested span) cannot end it early.
	const outer = OUTER_WRAPPER.exec( raw.trim() );
	if ( outer && enclosesAll( outer[ 3 ] as string, outer[ 1 ] as string ) ) {
		const [ whole, tag, attributes, inner ] = outer as unknown as string[] as [
			string, string, string, string ];
		if ( unwrap( whole, tag, attributes, inner ) !== whole ) {
			const rest = unwrapTranslation( inner, language );
			const worst = state === 'untranslated' || rest.state === 'untranslated' ?
				'untranslated' : 'outdated';
			return { text: rest.text, state: worst };
		}
	}
	const text = raw.replace( WRAPPER, unwrap );
	return { text, state };
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TRANSLATE_TAG = /<\/?translate\b[^>]*>/g;
// `<tvar name="x">…</tvar>` (current syntax) and `<tvar|x>…</>` (the old one).
const TVAR =
	/<tvar\s+name\s*=\s*["']?[^"'>]*["']?\s*>([\s\S]*?)<\/tvar\s*>|<tvar\|[^>]*>([\s\S]*?)<\/>/g;

/** Strips translation markup from one raw parameter value. */
function cleanValue(
	raw: string,
	language: string,
	isSource: boolean,
): { value: string; state: FieldState; marked: boolean; nowrap: boolean } {
	const marked = /<translate\b/.test( raw );
	const nowrap = /<translate\s+nowrap\b/.test( raw );
	let text = raw.replace( COMMENT, '' );
	let state: FieldState = 'current';
	if ( isSource ) {
		text = text.replace( TRANSLATE_TAG, '' );
	} else {
		const unwrapped = unwrapTranslation( text, language );
		text = unwrapped.text;
		state = unwrapped.state;
		// A page copied from the source by hand may still carry the markup.
		text = text.replace( TRANSLATE_TAG, '' );
	}
	text = text.replace( TVAR, ( _whole, a: string | undefined, b: string | undefined ) => a ?? b ?? '' );
	return { value: text.trim(), state, marked, nowrap };
}

/**
 * Reads the glossary blocks of one page. `language` is the page's language, `isSource` whether
 * it is the source page (with `<translate>` markup) rather than a rendered translation.
 */
export function parseGlossaryPage(
	text: string,
	language: string,
	isSource: boolean,
	templateName: string = DEFAULT_TEMPLATE,
): ParsedPage {
	const blocks: SourceBlock[] = [];
	const unclosed: number[] = [];
	if ( typeof text !== 'string' ) {
		return { blocks, unclosed };
	}
	const lineStarts = [ 0 ];
	for ( let i = text.indexOf( '\n' ); i >= 0; i = text.indexOf( '\n', i + 1 ) ) {
		lineStarts.push( i + 1 );
	}
	const name = templateNamePattern( templateName );
	const lang = language.toLowerCase();
	let from = 0;
	let comment = text.indexOf( '<!--' );
	while ( from < text.length ) {
		const open = text.indexOf( '{{', from );
		if ( open < 0 ) {
			break;
		}
		if ( comment >= 0 && comment < from ) {
			comment = text.indexOf( '<!--', from );
		}
		// Calls inside comments are not calls.
		if ( comment >= 0 && comment < open ) {
			const close = text.indexOf( '-->', comment + 4 );
			from = close < 0 ? text.length : close + 3;
			continue;
		}
		if ( !name.test( text.slice( open, open + templateName.length + 40 ) ) ) {
			from = open + 2;
			continue;
		}
		const { end, pipes } = scanTemplate( text, open );
		if ( end < 0 ) {
			unclosed.push( lineAt( lineStarts, open ) );
			break;
		}
		const block: SourceBlock = { line: lineAt( lineStarts, open ), fields: {}, stray: [] };
		pipes.forEach( ( pipe, i ) => {
			const stop = i + 1 < pipes.length ? pipes[ i + 1 ] as number : end - 2;
			const part = text.slice( pipe + 1, stop );
			// The line of the parameter's name, not of the pipe before it.
			const lead = ( /^\s*/.exec( part ) as RegExpExecArray )[ 0 ].length;
			const line = lineAt( lineStarts, pipe + 1 + lead );
			const eq = part.indexOf( '=' );
			const key = eq < 0 ? '' : part.slice( 0, eq ).replace( COMMENT, '' ).trim().toLowerCase();
			if ( key === '' || /[<>{}[\]]/.test( key ) ) {
				if ( part.trim() !== '' ) {
					block.stray.push( { name: '', line } );
				}
				return;
			}
			if ( Object.prototype.hasOwnProperty.call( block.fields, key ) ) {
				block.stray.push( { name: key, line } );
				return;
			}
			// Not plain assignment: `__proto__=` would replace the prototype instead of being
			// kept and reported as an unknown parameter.
			const value = cleanValue( part.slice( eq + 1 ), lang, isSource );
			setOwn( block.fields, key, { ...value, line } );
		} );
		blocks.push( block );
		from = end;
	}
	return { blocks, unclosed };
}

/**
 * Reduces a term, definition or note from wikitext to the plain text readers see: links become
 * their labels, bold and italic quotes and HTML-like tags go, character references (`&nbsp;`,
 * `&amp;`, `&#8239;`) become the characters they stand for, runs of white space collapse to one
 * space and the ends are trimmed. Popups render the result as text, so this is for legibility
 * and matching, not safety.
 */
export function wikitextToPlain( text: string ): string {
	const plain = text
		.replace( /\[\[(?:[^|\]]*\|)?([^\]]*)\]\]/g, '$1' )
		.replace( /\[(?:https?:)?\/\/[^\s\]]+\s+([^\]]*)\]/g, '$1' )
		.replace( /'{2,}/g, '' )
		.replace( /<[^>]*>/g, '' );
	// Decoded after the tags are gone, so that `&lt;b&gt;` stays the text "<b>" as on the wiki.
	// Only the white space HTML collapses is collapsed: a no-break space, typed or written
	// `&nbsp;`, is kept (French «&nbsp;chef&nbsp;»); trim() still removes it at the ends, so a
	// term that is only `&nbsp;` is empty.
	return decodeCharReferences( plain )
		.replace( /[ \t\n\f\r]+/g, ' ' )
		.trim();
}

/**
 * A list item's characters: anything but a semicolon, or a whole character reference, whose
 * closing semicolon (`R&amp;D`) does not end the item. The semicolons of other scripts separate
 * too: translators type their keyboard's own, the Arabic `؛` (U+061B), the full-width `；` of
 * Chinese and Japanese (U+FF1B, and the small U+FE54) or the Greek question mark (U+037E, which
 * looks and is meant the same); read as part of a form, `قائدة؛ قادة` was one alias that never
 * matched, and nothing said so.
 */
const LIST_ITEM = /(?:&(?:[A-Za-z0-9]+|#[0-9]+|#[xX][0-9A-Fa-f]+);|[^;\u037e\u061b\ufe54\uff1b])+/g;

/**
 * Splits a list parameter (`aliases`) on semicolons (in any script's spelling, see `LIST_ITEM`;
 * not on those ending a character reference: `&#59;` is how to write a semicolon inside an
 * item); empty items are dropped, and so is a lone hyphen or dash (also written `&ndash;`),
 * which the source page uses for "no aliases in this language" (Translate cannot translate an
 * empty unit, and translators still need a unit to add their own aliases).
 */
export function splitList( value: string ): string[] {
	return ( value.match( LIST_ITEM ) || [] ).map( ( v ) => v.trim() )
		.filter( ( v ) => v !== '' &&
			!/^[-\u2013\u2014]$/.test( decodeCharReferences( v ) ) );
}
