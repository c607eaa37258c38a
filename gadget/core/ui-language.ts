/**
 * The language the gadget's own texts are in, for their `lang` and `dir` attributes.
 *
 * Not simply the reader's interface language (`wgUserLanguage`): a reader whose language has no
 * translated file, or whose translations could not be loaded, reads the bundled English texts,
 * and English marked as Hebrew is read by a screen reader with a Hebrew voice and laid out right
 * to left. Each message file says its language (`ldwg-language`, "en" in the bundled texts), and
 * the reader's own language is applied last (gadget/i18n/load.ts), so the message says whose
 * texts won.
 *
 * @packageDocumentation
 */

/** Language code and direction of the gadget's texts as this reader gets them. */
export function uiLanguage(): { lang: string; dir: 'ltr' | 'rtl' } {
	// A missing message reads "⧼ldwg-language⧽", which is no language code.
	const lang = mw.message( 'ldwg-language' ).text();
	// Translated texts are in the reader's language or one of its fallbacks, which MediaWiki
	// writes in the same direction as the interface (`<html dir>`).
	return lang !== 'en' && /^[a-z]{2,3}(?:-[a-z0-9]+)*$/.test( lang ) ?
		{ lang, dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr' } :
		{ lang: 'en', dir: 'ltr' };
}
