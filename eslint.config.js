import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.output/**', '.wxt/**', '.cache/**', 'test-results/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure core must not reach for host APIs: a slip is a lint error as well as a type error.
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'vscode', 'wxt/*', '**/extension/**', '**/supervision-plugin/**'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'indexedDB', 'chrome', 'browser', 'process'],
    },
  },
);
