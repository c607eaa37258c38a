#!/usr/bin/env node
/**
 * Entry point of `ldwg-bot` / `npm run bot`: registers tsx so the TypeScript sources run as they
 * are (no build step for the bot), then runs the CLI and exits with its code.
 */
import { register } from 'tsx/esm/api';

register();
const { main } = await import( './cli.ts' );
process.exitCode = await main( process.argv );
