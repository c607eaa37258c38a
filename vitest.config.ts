import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - unit: pure logic and jsdom; no wiki, no browser (`npm run test:quick`);
 * - integration: a real local MediaWiki over HTTP (started by test/setup/wiki.ts);
 * - browser: real Chromium (playwright-core) against that wiki.
 */
export default defineConfig( {
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [ 'test/unit/**/*.test.ts' ],
					environment: 'node',
					sequence: { groupOrder: 0 },
				},
			},
			{
				test: {
					name: 'integration',
					include: [ 'test/integration/**/*.test.ts' ],
					globalSetup: [ 'test/setup/wiki.ts' ],
					testTimeout: 120000,
					hookTimeout: 300000,
					// One wiki, shared accounts: run files one after another.
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'browser',
					include: [ 'test/browser/**/*.test.ts' ],
					globalSetup: [ 'test/setup/wiki.ts' ],
					testTimeout: 180000,
					hookTimeout: 300000,
					fileParallelism: false,
				},
			},
		],
	},
} );
