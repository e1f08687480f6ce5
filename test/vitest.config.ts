// Test tiers by file name (STYLE rule 9). `npm test` runs `unit` first, without services, then
// `integration` and `e2e` against a throwaway stack it starts (stack/src/cli/test.ts).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
const exclude = ['**/node_modules/**', '**/.next/**', '**/dist/**'];
// web's and admin's `~/` imports, each by its own tsconfig (the nearest to the importing file).
const resolve = { tsconfigPaths: true };

export default defineConfig({
  test: {
    root,
    projects: [
      {
        // The apps' tsconfig keeps JSX for Next to compile; unit tests of their components need it compiled.
        oxc: { jsx: { runtime: 'automatic' } },
        resolve,
        test: {
          name: 'unit',
          root,
          include: ['{logger,stack,prisma,domain,workflows,sandbox-acquirer,acquirer-gateway,receipts,emails,activities,web,admin,bench}/**/*.test.{ts,tsx}'],
          exclude,
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          root,
          include: ['test/**/*.integration-test.ts'],
          exclude,
          environment: 'node',
          setupFiles: ['test/support/require-stack.ts', 'test/support/quiet-temporal.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          root,
          include: ['test/**/*.spec.ts'],
          exclude,
          environment: 'node',
          // browser-errors: a console error or uncaught error in the browser fails the test.
          setupFiles: ['test/support/require-stack.ts', 'test/support/browser-errors.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: two cores are shared with the stack under test.
          fileParallelism: false,
        },
      },
    ],
  },
});
