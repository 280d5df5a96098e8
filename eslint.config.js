// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node built-ins, written both bare and with the node: prefix. */
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'url',
  'stream',
  'util',
  'zlib',
  'events',
  'buffer',
  'process',
  'readline',
  'timers',
];
const nodePatterns = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'renderer/dist/**',
      'electron/dist/**',
      'coverage/**',
      'bench/out/**',
      'tests/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // core/ is the runtime-neutral domain: no Node, no DOM, no Electron, nothing of ours.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodePatterns, 'electron', 'react', 'react-dom', 'better-sqlite3', 'ws'].map(
            (name) => ({
              name,
              message: 'core/ must stay free of Node, DOM and Electron modules.',
            }),
          ),
          patterns: [
            { group: ['node:*'], message: 'core/ must stay free of Node modules.' },
            {
              group: [
                '../collab-server/*',
                '../exports/*',
                '../renderer/*',
                '../electron/*',
                '../../*/',
              ],
              message: 'core/ imports nothing of ours.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
      ],
    },
  },
  {
    // Only electron/ may import electron; the renderer never imports Node.
    files: [
      'core/**/*.ts',
      'collab-server/**/*.ts',
      'exports/**/*.ts',
      'renderer/**/*.{ts,tsx}',
      'tests/**/*.ts',
      'bench/**/*.ts',
    ],
    ignores: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/ imports electron.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'ws', ...nodePatterns].map((name) => ({
            name,
            message: 'The renderer runs in a browser: no Node or Electron modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            {
              group: ['**/collab-server/**', '**/exports/**', '**/electron/**'],
              message: 'The renderer imports only core/.',
            },
          ],
        },
      ],
    },
  },
);
