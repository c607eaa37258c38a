/**
 * What makes the dialog modal for assistive technology, as Codex's own Dialog does: while it is
 * open, every element outside it (the siblings of the dialog and of each of its ancestors, up
 * to the body) gets `aria-hidden` and `inert`. `aria-modal` alone is not enough: Chromium keeps
 * the rest of the page in its accessibility tree, so a screen reader's reading cursor (TalkBack
 * with Chrome on Android, where Minerva readers are; NVDA in Chrome) left the dialog for the page
 * behind it, and a tap could activate links there.
 *
 * @packageDocumentation
 */

const ATTRIBUTES: [ string, string ][] = [ [ 'aria-hidden', 'true' ], [ 'inert', '' ] ];

/**
 * Hides everything outside `root` (already in the document). Returns the function that undoes
 * it, which must run before focus goes back to the page: an inert element cannot take focus.
 * Only what was set here is undone: an element already hidden or inert stays so.
 */
export function isolate( root: Element ): () => void {
	const set: [ Element, string ][] = [];
	let node = root;
	for ( ; node.parentElement && node !== document.body; node = node.parentElement ) {
		for ( const sibling of Array.from( node.parentElement.children ) ) {
			if ( sibling === node || sibling.tagName === 'SCRIPT' ) {
				continue;
			}
			for ( const [ name, value ] of ATTRIBUTES ) {
				if ( !sibling.hasAttribute( name ) ) {
					sibling.setAttribute( name, value );
					set.push( [ sibling, name ] );
				}
			}
		}
	}
	return () => {
		for ( const [ element, name ] of set ) {
			element.removeAttribute( name );
		}
		set.length = 0;
	};
}
