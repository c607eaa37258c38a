/** Types for esbuild.config.mjs, so TypeScript tests and the deploy command can import `build`. */
export function build( options?: { watch?: boolean } ): Promise<void>;
/** Message keys of en.json that minified module code names (see esbuild.config.mjs). */
export function usedMessageKeys( code: string, keys: string[] ): string[];
