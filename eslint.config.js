import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import regexp from 'eslint-plugin-regexp'

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Re-export by name: no export *.' },
      ],
    },
  },
  {
    // Every string from outside (a token, an error body, a redirect, a tenants file) may be hostile to a regular
    // expression: no pattern in core or the page may backtrack super-linearly (issue 24: 2–5 s per 64 KB input).
    files: ['packages/core/src/**/*.ts', 'packages/web/src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // core is runtime-neutral: Web APIs only, except in the CLI and the one node:crypto signature backend (chosen
    // by the package's `imports` map under the `node` condition; browsers and Workers get the WebCrypto one).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/cli/**', 'packages/core/src/token/verify/rs256/node.ts'],
    rules: {
      // Bare module names as exact paths: a gitignore-style pattern 'http' would also match core's own src/http folder.
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'http', 'https', 'crypto', 'os', 'url', 'buffer', 'process'].map((name) => ({
            name,
            message: 'core must stay runtime-neutral: node APIs belong in src/cli.',
          })),
          patterns: [
            {
              group: ['node:*', 'fs/*'],
              message: 'core must stay runtime-neutral: node APIs belong in src/cli.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'Buffer',
        'process',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        '__dirname',
        'require',
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Re-export by name: no export *.' },
        { selector: 'ExportDefaultDeclaration', message: 'No default exports in core.' },
      ],
    },
  },
)
