// Lint rules, including the import boundaries between runtimes (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare built-in names go in `paths` (exact module names), so a folder such as shared/utils is not mistaken for `util`.
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'worker_threads', 'buffer', 'process', 'module', 'zlib'];
const nodeBuiltinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'dist-web-*/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core runs everywhere: no platform imports at all.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('shared/ is platform-neutral: no Node built-ins.'),
        patterns: [
          { group: ['node:*'], message: 'shared/ is platform-neutral: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'dexie', 'i18next', 'react-i18next'], message: 'shared/ must not import UI or storage libraries.' },
          { group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/tests/**'], message: 'shared/ imports only shared/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'localStorage', 'indexedDB'],
    },
  },
  {
    // The renderer is web code: no Node, no Electron (it talks to the main process only through window.antal).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: nodeBuiltinPaths('renderer/ is web code: no Node built-ins.'),
        patterns: [
          { group: ['node:*'], message: 'renderer/ is web code: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'renderer/ reaches the main process only through the preload bridge.' },
          { group: ['**/electron/**', '**/cli/**'], message: 'renderer/ imports shared/ and itself only.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'electron/ must not import renderer code.' }],
      }],
    },
  },
  {
    // The user's command line ships without the tests folder (benchmarks and test helpers live there).
    files: ['cli/**/*.ts', 'bin/**/*.mjs'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/tests/**', '**/renderer/**', '**/electron/**'], message: 'cli/ imports shared/ and itself only.' }],
      }],
    },
  },
  {
    files: ['cli/**/*.ts', 'bin/**/*.mjs', 'build/**/*.mjs', 'build/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tests/**/*.{ts,tsx,mjs}', '*.config.{ts,mts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.commonjs },
  },
);
