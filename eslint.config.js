// @ts-check
import js from '@eslint/js';
import { config as defineConfig, configs as tsConfigs } from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const featureNames = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// A feature may use lib/ and identity-cloud/, never another feature's internals; only another feature's
// `routes.ts` (its route patterns and link builders, no page code), so that links are built, never typed.
const featureBoundaries = featureNames.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [
    `./${feature}`,
    ...featureNames.filter((other) => other !== feature).map((other) => `./${other}/routes.ts`),
  ],
  message:
    'Features must not import each other: move the shared piece down to src/lib or src/identity-cloud.',
}));

// Node programs and their test support; browser code imports none of them. Folders that do not exist yet
// (store, auth, cli) are listed so that the rules hold the day they land.
const nodeFolders = [
  './src/proxy',
  './src/sandbox',
  './src/server',
  './src/export',
  './src/store',
  './src/auth',
  './src/cli',
  './src/test-support/node',
];

export default defineConfig(
  {
    ignores: [
      'dist',
      'dist-server',
      'coverage',
      'playwright-report',
      'test-results',
      'node_modules',
      'bench/results',
      'reports',
      'scripts',
    ],
  },
  js.configs.recommended,
  ...tsConfigs.strictTypeChecked,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureBoundaries,
            {
              target: ['./src/lib', './src/identity-cloud'],
              from: ['./src/features', './src/app'],
              message: 'Dependencies point one way: app → features → lib / identity-cloud.',
            },
            {
              target: './src/features',
              from: './src/app',
              message: 'Features must not depend on the app shell.',
            },
            {
              target: ['./src/app', './src/features', './src/lib', './src/test-support/browser'],
              from: nodeFolders,
              message: 'Browser code must not import server code.',
            },
            {
              target: './src/identity-cloud',
              from: [...nodeFolders, './src/lib', './src/test-support/browser'],
              message: 'The domain module depends on nothing but zod.',
            },
            {
              target: './src/proxy',
              from: [
                './src/server',
                './src/sandbox',
                './src/store',
                './src/auth',
                './src/cli',
                './src/export',
              ],
              message:
                'The proxy declares the interfaces it needs and src/server composes; its tests start servers through src/test-support/node.',
            },
            {
              target: './src/sandbox',
              from: ['./src/proxy', './src/server', './src/store', './src/auth', './src/cli', './src/export'],
              message: 'The sandbox stands for Identity Cloud: it knows nothing of the dashboard.',
            },
            {
              target: nodeFolders.filter((folder) => folder !== './src/test-support/node'),
              from: './src/test-support/browser',
              message: 'Node code and its tests use src/test-support/node, not the browser test support.',
            },
          ],
        },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The store knows nothing of the proxy, the server or the app.
    files: ['src/store/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/store',
              from: [
                './src/proxy',
                './src/server',
                './src/sandbox',
                './src/app',
                './src/features',
                './src/lib',
              ],
              message: 'The store knows nothing of the proxy, the server or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // kebab-case file and folder names (dots separate roles: `*.test.ts`, `*.reliability.test.ts`).
    files: ['src/**', 'e2e/**', 'bench/**'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['src/app/**', 'src/features/**', 'src/lib/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['eslint.config.js'],
    ...tsConfigs.disableTypeChecked,
  },
);
