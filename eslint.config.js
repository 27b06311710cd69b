// ESLint: JS + TypeScript + Svelte recommended; no {@html} with user text; src/lib/domain stays free of Svelte, Dexie and the DOM.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const DOM_GLOBALS = [
	'window',
	'document',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'navigator',
	'location',
	'HTMLElement',
	'Blob',
	'File'
];

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'svelte/no-at-html-tags': 'error',
			// CSV, file names and formula escaping match control characters on purpose.
			'no-control-regex': 'off',
			'svelte/require-each-key': 'error',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*'], message: 'domain/ is pure TypeScript: no Svelte.' },
						{ group: ['dexie', 'dexie/*'], message: 'domain/ is pure TypeScript: no Dexie.' },
						{
							group: ['$app/*', '$lib/db/*', '$lib/state/*', '$lib/components/*', '$lib/workers/*', '$lib/charts/*'],
							message: 'domain/ imports only domain/ (and i18n message data).'
						}
					]
				}
			],
			'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'domain/ must run in Node and workers: no DOM.' }))]
		}
	},
	{
		files: ['src/lib/domain/**/*.test.ts'],
		rules: { 'no-restricted-globals': 'off' }
	}
);
