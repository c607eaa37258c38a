/**
 * Who is reading, as far as saving is concerned: temporary accounts (MediaWiki 1.40+
 * `mw.user.isTemp()`) must be told apart from logged-out readers on current wikis, while the
 * local 1.39 wiki has no such function at all.
 *
 * @packageDocumentation
 */

/** The part of `mw.user` read here; `isTemp` is missing before MediaWiki 1.40. */
export interface TempAwareUser {
	/** `mw.user.isTemp()`, when the wiki's MediaWiki has it. */
	isTemp?: () => boolean;
}

/**
 * Whether the reader uses a temporary account: `mw.user.isTemp()` where it exists, else
 * `false` (MediaWiki 1.39 has neither the function nor temporary accounts).
 */
export function isTempUser( user: TempAwareUser ): boolean {
	return typeof user.isTemp === 'function' && user.isTemp() === true;
}
