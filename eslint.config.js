// ESLint 9 flat config for the whole monorepo: typescript-eslint's recommended rules on every
// TypeScript source (tests included) and ESLint's recommended rules on the plain .js/.mjs scripts.
// Each package's `npm run lint` runs `eslint .` in its folder; this one file configures them all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    // Build output, embedded/generated code and fixtures are not hand-written sources.
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.turbo/**',
      'generated/**',
      'docs/**',
      'bench/.work/**',
      'bench/.work-compare/**',
      'tmp/**',
      '**/src/generated/**',
      '**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_`-prefixed names mark a parameter or binding kept on purpose (a callback's position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
