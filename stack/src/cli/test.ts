// `npm test`: unit tests first (no services), then a throwaway stack on free ports and temp
// folders — Postgres, Temporal, worker, web, admin — for the integration and browser tiers.
// Arguments after `--` go to Vitest (e.g. `npm test -- self-check`).
import { mkdir, readFile, rm } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureChromium, log, repoRoot, runTurbo, startStack, timedStep, type Stack } from '../local';
import { onStopRequest } from './signals';

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const artifactsDir = path.join(repoRoot, 'test', 'artifacts');
const extraArgs = process.argv.slice(2);

type Counts = { passed: number; failed: number; skipped: number };

const runVitest = async (projects: string[], env: Record<string, string>): Promise<Counts & { code: number }> => {
  const report = path.join(artifactsDir, `vitest-${projects.join('-')}.json`);
  await rm(report, { force: true });
  const child = spawn(
    process.execPath,
    [
      vitestBin,
      'run',
      '--config',
      'test/vitest.config.ts',
      ...projects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      '--passWithNoTests',
      ...extraArgs,
    ],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const counts = await readFile(report, 'utf8')
    .then((text) => JSON.parse(text) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number })
    .then((r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }))
    .catch(() => ({ passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 }));
  return { ...counts, code };
};

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
};

let exitCode = 0;
let stack: Stack | undefined;
onStopRequest(() => void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));

try {
  await mkdir(artifactsDir, { recursive: true });
  // Next's build checks web and admin; this checks every package, tests included.
  await timedStep('Type check of every package (tsc, cached by Turborepo)', () => runTurbo('tsc', ['typecheck', '--output-logs=errors-only'])).catch(
    (error: unknown) => {
      log.error(`Type check failed: ${error instanceof Error ? error.message : String(error)}`);
      total.failed += 1;
      exitCode = 1;
    },
  );
  // The full run (CI) lints every package (ESLint rules only; formatting is `npm run format:check`);
  // a run of chosen tests (`npm test -- x`) does not, as it does not check advisories.
  if (extraArgs.length === 0) {
    await timedStep('Lint of every package (ESLint, cached by Turborepo)', () => runTurbo('eslint', ['lint', '--output-logs=errors-only'])).catch(
      (error: unknown) => {
        log.error(`Lint failed: ${error instanceof Error ? error.message : String(error)}. The findings are above; \`npm run lint\` shows them again.`);
        total.failed += 1;
        exitCode = 1;
      },
    );
  }
  // The full run also checks formatting: the code is Prettier's (`npm run format` writes it).
  if (extraArgs.length === 0) {
    const format = spawnSync(process.execPath, [require.resolve('prettier/bin/prettier.cjs'), '--check', '.', '--log-level=warn'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (format.status !== 0) {
      log.error("Formatting differs from Prettier's in the files above: `npm run format` writes it.");
      total.failed += 1;
      exitCode = 1;
    }
  }
  // The full run (CI) checks the lockfile against advisories; a run of chosen tests (`npm test -- x`) does not.
  // A finding fails the run. No source answering (exit 2: no registry audit, no OSV here) is said
  // loudly and fails only with VOLTPAY_REQUIRE_ADVISORIES=1: README "Headers, sessions, secrets".
  if (extraArgs.length === 0) {
    const advisories = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'stack', 'src', 'cli', 'advisories.ts')], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    const unchecked = advisories.status === 2 && process.env.VOLTPAY_REQUIRE_ADVISORIES !== '1';
    if (unchecked)
      log.error('Dependency advisories NOT checked: no advisory source answered (see above). Set OSV_API_URL or OSV_NPM_DIR where one is reachable.');
    else if (advisories.status !== 0) {
      total.failed += 1;
      exitCode = 1;
    }
  }
  log.step('Unit tests');
  const unit = await runVitest(['unit'], {});
  add(unit);
  if (unit.code !== 0) exitCode = 1;

  const chromePath = ensureChromium();
  log.step('Starting a throwaway stack for the integration and browser tests');
  stack = await startStack({ mode: 'test' });
  const stackEnv = { ...stack.env, CHROME_PATH: chromePath, VOLTPAY_ARTIFACTS_DIR: artifactsDir, VOLTPAY_TEST_STACK: '1' };
  const services = await Promise.race([runVitest(['integration', 'e2e'], stackEnv), stack.crashed]);
  add(services);
  if (services.code !== 0) exitCode = 1;
} catch (error) {
  // Counted as a failure: the tiers that needed the stack did not run.
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  total.failed += 1;
  exitCode = 1;
} finally {
  await stack?.stop();
}

// The plain closing line CI reads, over every tier.
console.log(`\nvoltpay: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
