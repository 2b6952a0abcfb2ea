// Lint: typescript-eslint (type-checked), Lit, web components and Lit accessibility rules.
// src/core is the headless SDK and must never import Lit.
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'demo/dist/',
      '**/*.d.ts',
      '*.js',
      '*.mjs',
      'scripts/',
      '.ci/',
      'demo/frameworks/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
      // async functions that return at once keep a Promise-returning API uniform.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [litConfigs['flat/recommended'], wcConfigs['flat/recommended'], litA11y.configs.recommended],
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-element'], message: 'src/core is headless: no Lit.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // @open-wc's chai typings declare `.equal()` as returning a Promise (for DOM diffs), and
      // node:test's describe/it return promises the runner tracks: neither is a real float.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
