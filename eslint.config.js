// One lint config for the workspace. `npm run check` runs it with --max-warnings 0.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/build/',
      '**/.svelte-kit/',
      'data/',
      'test-results/',
      'playwright-report/',
      'edge/server/drizzle/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,js,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    // Capabilities own their data: only a capability's repository touches its tables. Besides
    // repositories, the database itself, the event log (and its cursors), the audit log and the
    // tests (which check what was stored) may import the drizzle schema.
    files: ['edge/server/src/**/*.ts'],
    ignores: [
      'edge/server/src/**/*-repository.ts',
      'edge/server/src/db/**',
      'edge/server/src/events/**',
      'edge/server/src/audit/**',
      'edge/server/src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)db/schema[^/]*$',
              message: 'Only repositories touch the tables: go through the capability’s *-repository.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // The core is pure: no Node, DOM or I/O. It runs in the edge, the browser and the cloud.
    files: ['edge/core/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: '@tillbox/core must not import Node modules' },
            {
              regex:
                '^(fs|path|os|crypto|http|https|net|child_process|stream|events|url|util|worker_threads|buffer|zlib|tls|dgram|dns)(/.*)?$',
              message: '@tillbox/core must not import Node modules',
            },
            {
              regex: '^(better-sqlite3|drizzle-orm|ws|mqtt|usb|fastify|pino|svelte|@sveltejs/.*)(/.*)?$',
              message: '@tillbox/core is pure: no database, network, device or UI imports',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: '@tillbox/core must not use Node globals' },
        { name: 'Buffer', message: '@tillbox/core must not use Node globals' },
        { name: 'window', message: '@tillbox/core must not use the DOM' },
        { name: 'document', message: '@tillbox/core must not use the DOM' },
        { name: 'localStorage', message: '@tillbox/core must not use the DOM' },
        { name: 'fetch', message: '@tillbox/core does no I/O' },
      ],
    },
  },
);
