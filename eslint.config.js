// @ts-check
import js from '@eslint/js';
import { config as defineConfig, configs as tsConfigs } from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const featureNames = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// A feature may use lib/ and identity-cloud/, never another feature's internals.
const featureBoundaries = featureNames.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message:
    'Features must not import each other: move the shared piece down to src/lib or src/identity-cloud.',
}));

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
              target: ['./src/app', './src/features', './src/lib'],
              from: ['./src/proxy', './src/sandbox', './src/server'],
              message: 'Browser code must not import server code.',
            },
            {
              target: './src/identity-cloud',
              from: ['./src/proxy', './src/sandbox', './src/server', './src/lib'],
              message: 'The domain module depends on nothing but zod.',
            },
          ],
        },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Production code only: the proxy's integration tests start the whole server on purpose.
    files: ['src/proxy/**', 'src/store/**'],
    ignores: ['**/*.test.ts', '**/*test-helpers.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/proxy',
              from: ['./src/server', './src/store', './src/sandbox', './src/auth'],
              message:
                'The proxy declares the interfaces it needs; src/server hands it their implementations.',
            },
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
    files: ['src/app/**', 'src/features/**', 'src/lib/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['eslint.config.js'],
    ...tsConfigs.disableTypeChecked,
  },
);
