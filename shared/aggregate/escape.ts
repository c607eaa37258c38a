/**
 * Escaping of untrusted text (comments, user names, labels from configuration or translations)
 * for the bot's wikitext pages, as inline text inside a table cell or list item.
 *
 * Every character with a meaning anywhere in wikitext is written as a numeric character
 * reference, so it renders as itself and starts nothing: no template, parser function, link,
 * signature, tag, table cell, heading, list, magic word (`__TOC__`), free URL or magic link
 * (`RFC 1`, `ISBN`, because `:` and digits after a space stay inert once the scheme is broken),
 * and line breaks become spaces so a comment cannot leave its cell.
 *
 * @packageDocumentation
 */

const SPECIAL = /[&<>[\]{}|~'=*#:;!_"\-/\\]/g;

/** Escapes text to show verbatim inline in wikitext; newlines become spaces. */
export function escapeInline( text: string ): string {
	return text
		.normalize( 'NFC' )
		.replace( /\r\n?|\n/g, ' ' )
		.replace( SPECIAL, ( c ) => `&#${ c.charCodeAt( 0 ) };` )
		// Magic links ("ISBN 123", "RFC 123", "PMID 1") need a word then digits: break the word.
		.replace( /\b(ISBN|RFC|PMID)\b/g, ( w ) => `&#${ w.charCodeAt( 0 ) };${ w.slice( 1 ) }` );
}

/** Shortens text to at most `max` code points, adding an ellipsis when cut. */
export function excerpt( text: string, max: number ): string {
	const points = Array.from( text.replace( /\s+/g, ' ' ).trim() );
	return points.length <= max ? points.join( '' ) : points.slice( 0, max - 1 ).join( '' ) + '…';
}
