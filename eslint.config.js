// @ts-check
/**
 * `npm run lint`: typescript-eslint's recommended rules, and the layout's boundaries as import rules:
 * lib/ is pure and imports no app; components/ is UI without a database; the admin console imports
 * only components/ and lib/; the extension (entrypoints/ + extension/) never imports the server or
 * the admin app; the server imports no UI; nothing imports a WXT entrypoint; and no import cycle.
 */
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Folders of the layout, each a zone of no-restricted-paths. */
const APPS = ['./entrypoints', './extension', './components', './admin', './server'];
const others = (...allowed) => APPS.filter((app) => !allowed.includes(app));

/** Packages a folder must not import, with the reason shown in the error. */
const banned = (names, message) => ({ group: names, message });
const BROWSER_RUNTIME = banned(['dexie', 'wxt', 'wxt/*', '#imports'], 'The extension runtime (Dexie, WXT) belongs in extension/ or entrypoints/.');
const UI = banned(['preact', 'preact/*'], 'UI belongs in components/, extension/ or admin/.');
const NODE = banned(['node:*', 'ws', 'better-sqlite3', 'jose'], 'Node-only modules belong in server/.');

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '**/node_modules/**', 'bench/node_modules/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Without these no-cycle never reads a .ts file, and finds no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './lib', from: [...APPS, './test', './bench'], message: 'lib/ is the pure core: it imports no app.' },
            { target: './components', from: others('./components'), message: 'components/ is shared UI: it imports only lib/.' },
            { target: './admin', from: others('./admin', './components'), message: 'The admin console imports only components/ and lib/.' },
            { target: './extension', from: others('./extension', './components'), message: 'The extension imports components/ and lib/, never the server or the admin app.' },
            { target: './entrypoints', from: ['./server', './admin'], message: 'The extension imports components/ and lib/, never the server or the admin app.' },
            { target: './server', from: others('./server'), message: 'The server imports only lib/: no UI, no extension runtime.' },
            { target: ['./extension', './components', './admin', './server', './lib', './test', './bench'], from: './entrypoints', message: 'WXT entrypoints are thin: shared code lives outside entrypoints/, and nothing imports them.' },
          ],
        },
      ],
    },
  },
  // Preact's hooks follow React's rules.
  {
    files: ['components/**', 'extension/**', 'admin/**', 'entrypoints/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Tests reach into browser globals and axe results, and fake servers keep `this` for their sockets.
  { files: ['test/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-this-alias': 'off' } },
  { files: ['lib/**'], rules: { 'no-restricted-imports': ['error', { patterns: [BROWSER_RUNTIME, UI, NODE] }] } },
  { files: ['components/**', 'admin/**'], ignores: ['admin/vite.config.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [BROWSER_RUNTIME, NODE] }] } },
  { files: ['server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [BROWSER_RUNTIME, UI] }] } },
);
