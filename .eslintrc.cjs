'use strict';

/* eslint-disable quote-props */
module.exports = {
	'root': true,
	'extends': [ 'wikimedia/server' ],
	// package.json and package-lock.json are written by npm in its own format (two-space indent),
	// so the JSON style rules would fight every `npm install`.
	'ignorePatterns': [
		'node_modules/',
		'dist/',
		'.wiki/',
		'test-output/',
		'coverage/',
		'package.json',
		'package-lock.json'
	],
	'overrides': [
		{
			'files': [ '**/*.ts', '**/*.mts' ],
			'extends': [ 'wikimedia/typescript' ],
			'rules': {
				// TypeScript's own checker resolves imports and globals; these JS rules
				// misfire on types.
				'no-undef': 'off',
				'n/no-missing-import': 'off',
				'es-x/no-modules': 'off',
				// Types document parameters and returns; repeating them in JSDoc invites
				// drift (TSDoc prose stays).
				'jsdoc/require-param-type': 'off',
				'jsdoc/require-returns-type': 'off',
				'jsdoc/require-param': 'off',
				'jsdoc/require-returns': 'off',
				'jsdoc/require-throws-type': 'off',
				'jsdoc/no-undefined-types': 'off',
				// TSDoc tags such as @remarks, @example and @packageDocumentation are not
				// JSDoc tags.
				'jsdoc/check-tag-names': [
					'error',
					{ 'definedTags': [ 'remarks',
						'packageDocumentation',
						'typeParam',
						'defaultValue' ] }
				],
				// A shadowing check that understands type-only declarations (the base rule
				// reports enums and types).
				'no-shadow': 'off',
				'@typescript-eslint/no-shadow': 'error',
				// Forbid `any` outright: the developers' guide bans it as a way to silence
				// the compiler.
				'@typescript-eslint/no-explicit-any': 'error'
			}
		},
		{
			'files': [ 'shared/**/*.ts', 'gadget/**/*.ts' ],
			'extends': [ 'wikimedia/client/es2017', 'wikimedia/typescript' ],
			'env': { 'browser': true },
			'rules': {
				'no-undef': 'off',
				'es-x/no-modules': 'off',
				'jsdoc/require-param-type': 'off',
				'jsdoc/require-returns-type': 'off',
				'jsdoc/require-param': 'off',
				'jsdoc/require-returns': 'off',
				'jsdoc/require-throws-type': 'off',
				'jsdoc/no-undefined-types': 'off',
				'jsdoc/check-tag-names': [
					'error',
					{ 'definedTags': [ 'remarks',
						'packageDocumentation',
						'typeParam',
						'defaultValue' ] }
				],
				'no-shadow': 'off',
				'@typescript-eslint/no-shadow': 'error',
				'@typescript-eslint/no-explicit-any': 'error',
				// esbuild lowers newer syntax to ES2017 and the acorn test checks the built
				// files, so the
				// source may use it; these rules would only forbid what the build already handles.
				'es-x/no-optional-chaining': 'off',
				'es-x/no-nullish-coalescing-operators': 'off',
				'es-x/no-object-rest-spread': 'off',
				'es-x/no-rest-spread-properties': 'off',
				'es-x/no-async-iteration': 'off',
				'es-x/no-class-fields': 'off',
				'es-x/no-logical-assignment-operators': 'off',
				'es-x/no-numeric-separators': 'off',
				'es-x/no-optional-catch-binding': 'off',
				'es-x/no-regexp-lookbehind-assertions': 'off',
				'es-x/no-regexp-named-capture-groups': 'off',
				'es-x/no-regexp-s-flag': 'off',
				'es-x/no-regexp-unicode-property-escapes': 'off'
			}
		},
		{
			'files': [ 'gadget/**/*.ts' ],
			'extends': [ 'wikimedia/mediawiki' ],
			// Gadget sources are ES modules bundled by esbuild into an IIFE: top-level
			// declarations are module-scoped, never globals (no-implicit-globals misfires on
			// the mediawiki profile's script default).
			'parserOptions': { 'sourceType': 'module' }
		},
		{
			'files': [ 'shared/**/*.ts' ],
			'rules': {
				// shared/ must run in browsers and Node alike: no DOM, no Node, no mw
				// (design brief).
				'no-restricted-globals': [
					'error',
					'window',
					'document',
					'mw',
					'$',
					'process',
					'require',
					'Buffer'
				]
			}
		},
		{
			'files': [ 'bot/**/*.ts' ],
			'rules': {
				// File paths in the bot come from the project's layout and the operator's options,
				// never from wiki or web input, so this heuristic only adds noise.
				'security/detect-non-literal-fs-filename': 'off'
			}
		},
		{
			'files': [
				'test/**/*.ts',
				'bench/**/*.ts',
				'bench/**/*.mjs',
				'test/**/*.mjs',
				'scripts/**/*.mjs',
				'*.mjs',
				'bot/**/*.mjs'
			],
			'rules': {
				// Paths here come from the project's own layout (see the bot/ override).
				'security/detect-non-literal-fs-filename': 'off',
				// Tests and scripts are Node ESM run by vitest/tsx/node; they import dev
				// dependencies on purpose.
				'n/no-unpublished-import': 'off',
				'n/no-extraneous-import': 'off',
				'n/no-missing-import': 'off',
				'n/no-process-exit': 'off',
				'es-x/no-modules': 'off'
			},
			'parserOptions': { 'sourceType': 'module' }
		}
	]
};
