// Lint: typescript-eslint's recommended rules, plus the house boundary: dialogs/ never imports the edge.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench-variants/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'bot/web/static/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', 'botframework-*', 'express', 'express/*', 'better-sqlite3', 'ioredis', '@slack/*', 'ws', 'pino*', 'node:http', 'node:https', 'http', 'https', 'node:net', 'net'], message: 'dialogs/ is the pure engine: the edge (bot/) owns I/O.' },
          { group: ['**/bot/**', '../bot/*', '../../bot/*'], message: 'Dependencies point inward: dialogs/ never imports bot/.' },
        ],
      }],
    },
  },
  {
    files: ['bot/main.ts', 'bot/cli/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/dialogs/*/**', '!**/dialogs/index'], message: 'bot/ imports dialogs/ through its index only.' }] }],
    },
  },
);
