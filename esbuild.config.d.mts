/** Types for esbuild.config.mjs, so TypeScript tests and the deploy command can import `build`. */
export function build( options?: { watch?: boolean } ): Promise<void>;
/** Message keys of en.json that minified module code names (see esbuild.config.mjs). */
export function usedMessageKeys( code: string, keys: string[] ): string[];
/** The keys whose English text a module carries: used keys minus configured labels' prefixes. */
export function bundledEnglishKeys( code: string, keys: string[] ): string[];
