/** Package version, replaced at build time by esbuild.config.mjs. */
declare const LDWG_VERSION: string;
/** Git commit the bundle was built from, replaced at build time by esbuild.config.mjs. */
declare const LDWG_COMMIT: string;
