/**
 * Constants the build (esbuild.config.mjs) replaces; unit tests run the sources without the
 * build, so the code reads them through `typeof` guards (see `messageLanguages()` in
 * translations.ts).
 */

/** Languages that have a translated message file `ldwg-messages-<lang>.json`, sorted. */
declare const LDWG_MESSAGE_LANGUAGES: string[];
