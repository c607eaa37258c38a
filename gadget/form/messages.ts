/**
 * Message helpers. Every visible string goes through here as plain text: translations and
 * configuration labels are untrusted, so messages are never parsed as HTML.
 *
 * @packageDocumentation
 */
import { localLabel, type LabelKind } from '../../shared/contracts/config.ts';

/** A message's plain text (`mw.message(…).text()`), for `textContent` only. */
export function msg( key: string, ...params: ( string | number )[] ): string {
	// Keys are fixed strings or built from configuration ids with a known prefix (see callers).

	return mw.message( key, ...params ).text();
}

/** A configured item's label: its i18n message when one exists, else the configured label. */
export function itemLabel( kind: LabelKind, item: { id: string; label: string } ): string {
	return localLabel( kind, item, ( key ) => {

		const message = mw.message( key );
		return message.exists() ? message.text() : null;
	} );
}

/** Direction of a language, from what the browser knows, defaulting to left-to-right. */
export function languageDir( code: string ): 'ltr' | 'rtl' {
	// The scripts written right to left among the languages Wikimedia wikis use; enough for the
	// `dir` of the language menu's options and of typed text (which also has dir="auto").
	const rtl = /^(ar|arc|arz|azb|bcc|bgn|bqi|ckb|dv|fa|glk|he|khw|kk-arab|kk-cn|ks|ku-arab|lki|lrc|luz|mzn|nqo|pnb|ps|sd|sdh|skr|ug|ur|ydd|yi)(-|$)/;
	return rtl.test( code ) ? 'rtl' : 'ltr';
}

/** `Intl.DisplayNames`, looked up at run time: older Safari (12) lacks it. */
type DisplayNamesConstructor = new ( locales: string[], options: { type: 'language' } ) => {
	of( code: string ): string | undefined;
};

/** The name of a language in that language (autonym), or its code when the browser cannot say. */
export function autonym( code: string ): string {
	const DisplayNames = ( Intl as unknown as { DisplayNames?: DisplayNamesConstructor } )
		.DisplayNames;
	if ( !DisplayNames ) {
		return code;
	}
	try {
		return new DisplayNames( [ code ], { type: 'language' } ).of( code ) ?? code;
	} catch {
		return code;
	}
}
