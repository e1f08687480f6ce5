// `npm run bench -- --smoke` against this test stack, so the benchmark cannot rot: its CLI runs
// every phase for a few seconds and writes its report. Asserts that each phase ran and nothing
// failed — never how fast anything was.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHASES } from '@voltpay/bench/options';
import type { BenchReport } from '@voltpay/bench';
import { afterAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

const BENCH_CLI = path.resolve(import.meta.dirname, '..', 'bench', 'src', 'cli.ts');
// Generous: the two cores are shared, and the baseline's worker bundles its workflows first.
const RUN_TIMEOUT_MS = 420_000;

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const runSmoke = async (dir: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', BENCH_CLI, '--smoke', '--web-url', stackEnv.webUrl, '--out', dir, '--name', 'smoke'], {
    // As `npm run bench` runs it: from bench/, whose tsconfig gives tsx the console's `~/` paths.
    cwd: path.dirname(path.dirname(BENCH_CLI)),
    env: {
      ...process.env,
      DATABASE_URL: stackEnv.databaseUrl,
      TEMPORAL_ADDRESS: stackEnv.temporalAddress,
      TEMPORAL_NAMESPACE: stackEnv.namespace,
      PAYLOAD_ENCRYPTION_KEY: stackEnv.payloadEncryptionKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS - 10_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, output };
};

describe('npm run bench -- --smoke', () => {
  it(
    'runs every phase against the stack and reports no error',
    async () => {
      outDir = await mkdtemp(path.join(tmpdir(), 'voltpay-bench-smoke-'));
      const { code, output } = await runSmoke(outDir);
      expect(code, output.slice(-3000)).toBe(0);
      const report = JSON.parse(await readFile(path.join(outDir, 'smoke.json'), 'utf8')) as BenchReport;
      const svg = await readFile(path.join(outDir, 'smoke.svg'), 'utf8');

      expect(report.kind).toBe('smoke');
      expect(report.settings.phases).toEqual([...PHASES]);
      expect(report.errors, JSON.stringify(report.errors.byKind)).toMatchObject({ total: 0 });
      // Every load phase paid at least one bill, through every step, 3-D Secure included.
      expect(report.phases.map((p) => p.name)).toEqual([
        'warmup',
        ...report.settings.ramp.map((c) => `ramp-${c}`),
        'sustained',
        'probe-no-drafts',
        'probe-with-drafts',
      ]);
      for (const phase of report.phases) expect(phase.completed, phase.name).toBeGreaterThan(0);
      const steps = new Set(report.phases.flatMap((p) => Object.keys(p.steps)));
      for (const step of [
        'start',
        'account',
        'period',
        'electricity',
        'lines',
        'receiptEmail',
        'confirm',
        'cardPage',
        'cardPost',
        'otpPage',
        'otpPost',
        'return',
        'approvalToCompleted',
      ]) {
        expect(steps, step).toContain(step);
      }
      expect(report.paymentsPerSecond).toBeGreaterThan(0);
      expect(report.stepP95Ms).toBeGreaterThan(0);
      expect(report.paymentHistoryEventsByCard.otp).toBeGreaterThan(0);
      // The baseline ran both kinds at each concurrency, and the ratio is computed from them.
      expect(new Set(report.baseline.map((b) => `${b.kind}@${b.concurrency}`)).size).toBe(
        2 * new Set([...report.settings.ramp, report.settings.sustainedConcurrency]).size,
      );
      for (const b of report.baseline) expect(b.completed, `${b.kind}@${b.concurrency}`).toBeGreaterThan(0);
      expect(report.ratio).toBeGreaterThan(0);
      // Every draft asked for was opened.
      expect(report.draftsOpen).toBe(report.settings.drafts);
      // Each search kind ran through the console's procedure, found rows, and was explained.
      expect(report.search?.results.map((r) => r.kind)).toEqual(['receiptNumber', 'accountNumber', 'email', 'last4AndAmount', 'dateRange']);
      for (const r of report.search!.results) {
        expect(r.latency?.count, r.kind).toBe(report.settings.searchRepeats);
        expect(r.matchedTotal, r.kind).toBeGreaterThan(0);
        expect(r.plans.length, r.kind).toBeGreaterThan(0);
      }
      expect(report.searchP95Ms).toBeGreaterThan(0);
      expect(report.machine.cores).toBeGreaterThan(0);
      expect(svg).toMatch(/^<svg [^>]*>/);
      expect(svg).toContain('sustained');
    },
    RUN_TIMEOUT_MS,
  );
});
