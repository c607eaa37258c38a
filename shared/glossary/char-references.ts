/**
 * Reading character references (`&nbsp;`, `&#8239;`, `&#x1F600;`) as MediaWiki's Sanitizer does,
 * with the caller's table of names: the glossary compiler knows about 150 names
 * (shared/glossary/entities.ts), the popup's translator help only the few that occur between or
 * inside terms in prose, since every reader who opens a popup loads its code. The numeric rules
 * are the same for both. No table is built here, so importing this costs a few lines.
 *
 * @packageDocumentation
 */

/** A reference as MediaWiki's Sanitizer reads one: named, decimal or hexadecimal, with `;`. */
const REFERENCE = /&(?:([A-Za-z0-9]+)|#([0-9]+)|#[xX]([0-9A-Fa-f]+));/g;

/**
 * Whether MediaWiki's Sanitizer accepts `code` in a numeric reference (its `validateCodepoint`):
 * tab, line feed, carriage return and the other characters XML allows. It shows others as typed.
 */
function isValidCodePoint( code: number ): boolean {
	return code === 0x09 || code === 0x0a || code === 0x0d ||
		( code >= 0x20 && code <= 0xd7ff ) || ( code >= 0xe000 && code <= 0xfffd ) ||
		( code >= 0x10000 && code <= 0x10ffff );
}

/**
 * Decodes the character references in `text` in one pass (`&amp;lt;` becomes `&lt;`, not `<`):
 * numeric ones when MediaWiki would, named ones found in `names` (name without `&` and `;`,
 * case-sensitive as in HTML). Anything else stays as typed, as MediaWiki shows it.
 */
export function decodeReferences( text: string, names: ReadonlyMap<string, string> ): string {
	return text.replace( REFERENCE, ( whole, name?: string, dec?: string, hex?: string ) => {
		if ( name !== undefined ) {
			return names.get( name ) ?? whole;
		}
		const code = dec !== undefined ? parseInt( dec, 10 ) : parseInt( hex as string, 16 );
		return isValidCodePoint( code ) ? String.fromCodePoint( code ) : whole;
	} );
}
