import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import bansho from './eslint/writes-through-journal.js';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify hooks and handlers are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Data changes only inside recordAct (eslint/writes-through-journal.js). Left out: the journal's append, which
    // opens that transaction; the database's setup and migrations; the server's wiring; the web UI (no database);
    // tests, benchmarks and scripts, which set up their own state.
    files: ['src/**/*.ts'],
    ignores: ['src/journal/append.ts', 'src/db/**', 'src/server/**', 'src/web/**', 'src/**/*.test.ts', 'src/**/authorization-cases.ts'],
    plugins: { bansho },
    rules: { 'bansho/writes-through-journal': 'error' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
