// ESLint for every package (each runs `eslint .` from its folder and finds this file): typescript-eslint's
// type-aware rules, Next's rules in the two apps, the rules of hooks in React files. Formatting is Prettier's
// business (prettier.config.mjs), so eslint-config-prettier comes last and turns off every rule it would fight.
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated, built or recorded: not ours to lint.
  globalIgnores(['**/.next/', '**/dist/', '**/.turbo/', '**/next-env.d.ts', 'prisma/generated/', 'test/artifacts/', 'bench/reports/', '.data/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One TypeScript service per tsconfig.json, found from each file: what the editor uses, and
        // much faster than listing every tsconfig in `project`.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A new state breaks the lint where a switch does not handle it (STYLE rule 11). A switch with a
      // \`default\` chose to lump the rest together (an open string, a 50-member Temporal enum): accepted.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // A promise nobody awaits loses its error; `void` marks the few fired on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      // Type-only imports are erased: the workflow bundle and the client bundles do not pull a module in for its types.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: Auth.js adapters, payload codecs, Temporal handlers and test doubles are async by contract,
      // whether or not they await; the promise mistakes that matter are no-floating-promises' and no-misused-promises'.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read untyped JSON and build expectations with `expect.any()` (typed `any`): the assertions
    // check those values, so the `any` rules would only ask for casts.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (the bin entry, these configs): no tsconfig covers them.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.tsx', 'web/**/*.ts', 'admin/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}', 'admin/**/*.{ts,tsx}'],
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs['core-web-vitals'].rules,
      // App Router only: the rule looks for a pages/ folder neither app has.
      '@next/next/no-html-link-for-pages': 'off',
      // Typed routes: `href as Route` is needed once `next build` has written .next/types, and looks
      // unnecessary before (a fresh clone lints first), so the answer would flip with the build.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  prettier,
);
