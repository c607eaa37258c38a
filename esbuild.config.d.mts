/** Types for esbuild.config.mjs, so TypeScript tests and the deploy command can import `build`. */
export function build( options?: { watch?: boolean } ): Promise<void>;
