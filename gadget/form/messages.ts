/**
 * Message helpers. Every visible string goes through here as plain text: translations and
 * configuration labels are untrusted, so messages are never parsed as HTML.
 *
 * @packageDocumentation
 */
import { localLabel, type LabelKind } from '../../shared/contracts/config.ts';

/**
 * A message's plain text (`mw.message(…).text()`), for `textContent` only. Number parameters
 * are written in the interface language's digits and separators (`mw.language.convertNumber`,
 * e.g. ٥٬٠٠٠ in Arabic, as MediaWiki writes its own messages); `{{PLURAL}}` reads them back.
 */
export function msg( key: string, ...params: ( string | number )[] ): string {
	// Keys are fixed strings or built from configuration ids with a known prefix (see callers).

	return mw.message( key, ...params.map( ( p ) => typeof p === 'number' ?
		mw.language.convertNumber( p ) : p ) ).text();
}

/** A configured item's label: its i18n message when one exists, else the configured label. */
export function itemLabel( kind: LabelKind, item: { id: string; label: string } ): string {
	return localLabel( kind, item, ( key ) => {

		const message = mw.message( key );
		return message.exists() ? message.text() : null;
	} );
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
