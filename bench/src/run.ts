// The benchmark's run, phase after phase, against a stack it was given (URLs, database, Temporal);
// cli.ts starts a throwaway stack first unless told to use a running one. The report it returns is
// what gets written to bench/reports/.
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem, release, platform } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { paymentWorkflowId } from '@voltpay/workflows/payment';
import { addMonths, periodOf } from '@voltpay/domain/period';
import { BENCH_HOUSING_OFFICE_INDEX, createPayerPool, seedBenchAccounts } from './accounts';
import { connectBaselineClient, runBaselinePhase, startBaselineWorker, type BaselineResult, type TemporalTarget } from './baseline/run';
import { renderChart } from './chart';
import { cancelDrafts, openDrafts } from './drafts';
import { runLoadPhase, type LoadPhaseOptions, type LoadTarget } from './load';
import type { BenchSettings, Phase } from './options';
import { createProcessMeter, type CpuUsage } from './proc';
import { say } from './progress';
import type { PhaseResult } from './recorder';
import type { CardKind } from './resident';
import { renderSummary } from './report';
import { measureSearches, type SearchResult } from './search/measure';
import { seedSearchPayments } from './search/seed';

export type BenchTarget = {
  webUrl: string;
  databaseUrl: string;
  temporal: TemporalTarget;
  /** Services' pids for CPU and memory (empty when the stack is not ours and none were given). */
  pids: Record<string, number>;
  temporalDbFile?: string;
  /** Whether the benchmark started this stack (and so the drafts it leaves go with it). */
  ownStack: boolean;
};

export type RunBenchOptions = { settings: BenchSettings; target: BenchTarget; outDir: string; name: string; machineNote?: string };

type PhaseWithCpu = PhaseResult & { cpu: CpuUsage };
type BaselineWithCpu = BaselineResult & { cpu: CpuUsage };

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const fileSizeMiB = (file: string | undefined) => {
  if (!file) return null;
  let bytes = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      bytes += statSync(`${file}${suffix}`).size;
    } catch {
      // a WAL file exists only while the server writes
    }
  }
  return mib(bytes);
};

const sumErrors = (maps: Record<string, number>[]) => {
  const byKind: Record<string, number> = {};
  for (const map of maps) for (const [kind, n] of Object.entries(map)) byKind[kind] = (byKind[kind] ?? 0) + n;
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
};

export const runBench = async ({ settings, target, outDir, name, machineNote }: RunBenchOptions) => {
  const startedAt = new Date();
  const runs = (phase: Phase) => settings.phases.includes(phase);
  const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 4 });
  const temporal = await connectBaselineClient(target.temporal);
  const pids: Record<string, number> = { ...target.pids };
  const meter = () => createProcessMeter(pids);
  const phases: PhaseWithCpu[] = [];
  const baselines: BaselineWithCpu[] = [];
  const samplePaymentIds: Partial<Record<CardKind, string>> = {};
  const loadAverageAtStart = loadavg();

  try {
    const draftCount = runs('drafts') ? settings.drafts : 0;
    const accountCount = Math.max(draftCount, runs('search') ? settings.searchAccounts : 0);
    say(`Seeding ${accountCount} bench demo accounts (housing office ${BENCH_HOUSING_OFFICE_INDEX})`);
    const accounts = await seedBenchAccounts(pool, accountCount);
    // Last month: always payable, priced by the seeded tariffs.
    const period = addMonths(periodOf(new Date().toISOString()), -1);
    const loadTarget: LoadTarget = { webUrl: target.webUrl, payers: createPayerPool(pool), period };

    const load = async (options: Omit<LoadPhaseOptions, 'otpShare'>) => {
      const processes = meter();
      const before = processes.snapshot();
      const result = await runLoadPhase(loadTarget, { ...options, otpShare: settings.otpShare });
      const withCpu = { ...result, cpu: processes.usage(before, processes.snapshot()) };
      Object.assign(samplePaymentIds, { ...result.samplePaymentIds, ...samplePaymentIds });
      phases.push(withCpu);
      return withCpu;
    };

    if (runs('warmup')) {
      say(`Warm-up: ${settings.warmupConcurrency} residents for ${settings.warmupSeconds} s`);
      await load({ name: 'warmup', concurrency: settings.warmupConcurrency, durationMs: settings.warmupSeconds * 1000 });
    }
    if (runs('ramp')) {
      for (const concurrency of settings.ramp) {
        say(`Ramp: ${concurrency} residents for ${settings.stepSeconds} s`);
        await load({ name: `ramp-${concurrency}`, concurrency, durationMs: settings.stepSeconds * 1000 });
      }
    }
    if (runs('sustained')) {
      say(`Sustained: ${settings.sustainedConcurrency} residents for ${settings.sustainedSeconds} s`);
      await load({ name: 'sustained', concurrency: settings.sustainedConcurrency, durationMs: settings.sustainedSeconds * 1000 });
    }

    if (runs('baseline')) {
      say('Baseline: no-op workflows on a worker of their own (same server, same worker options)');
      const worker = await startBaselineWorker(target.temporal);
      pids['bench-worker'] = worker.pid;
      try {
        const concurrencies = [...new Set([...(runs('ramp') ? settings.ramp : []), settings.sustainedConcurrency])].sort((a, b) => a - b);
        for (const concurrency of concurrencies) {
          for (const kind of ['noopActivity', 'noopUpdates'] as const) {
            const processes = meter();
            const before = processes.snapshot();
            const result = await runBaselinePhase({
              client: temporal.client,
              taskQueue: worker.taskQueue,
              kind,
              concurrency,
              durationMs: settings.baselineSeconds * 1000,
            });
            baselines.push({ ...result, cpu: processes.usage(before, processes.snapshot()) });
          }
        }
      } finally {
        await worker.stop();
        delete pids['bench-worker'];
      }
    }

    let drafts: Record<string, unknown> | null = null;
    if (runs('drafts')) {
      const processes = meter();
      const sizes = async () => ({
        workerRssMiB: processes.rssMiB('worker'),
        temporalRssMiB: processes.rssMiB('temporal'),
        temporalDbMiB: fileSizeMiB(target.temporalDbFile),
        postgresDbMiB: mib(Number((await pool.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]!.size)),
      });
      say(`Open drafts: ${settings.probeConcurrency} residents pay for ${settings.probeSeconds} s with none open`);
      const before = await sizes();
      const probeBefore = await load({ name: 'probe-no-drafts', concurrency: settings.probeConcurrency, durationMs: settings.probeSeconds * 1000 });
      say(`Open drafts: opening ${settings.drafts} (terms → account → period, then left), ${settings.draftConcurrency} at a time`);
      const opened = await openDrafts({
        webUrl: target.webUrl,
        accounts: accounts.slice(0, settings.drafts),
        period,
        count: settings.drafts,
        concurrency: settings.draftConcurrency,
      });
      const after = await sizes();
      say(`Open drafts: ${opened.paymentIds.length} open; ${settings.probeConcurrency} residents pay for ${settings.probeSeconds} s beside them`);
      const probeWith = await load({ name: 'probe-with-drafts', concurrency: settings.probeConcurrency, durationMs: settings.probeSeconds * 1000 });
      const afterProbe = await sizes();
      drafts = {
        requested: settings.drafts,
        open: opened.paymentIds.length,
        opening: {
          seconds: Math.round(opened.phase.durationMs / 100) / 10,
          perSecond: opened.phase.paymentsPerSecond,
          steps: opened.phase.steps,
          errors: opened.phase.errors,
        },
        before,
        after,
        afterProbe,
        updateP95Ms: { withoutDrafts: probeBefore.updateRoundTrip?.p95 ?? null, withDrafts: probeWith.updateRoundTrip?.p95 ?? null },
        paymentsPerSecond: { withoutDrafts: probeBefore.paymentsPerSecond, withDrafts: probeWith.paymentsPerSecond },
      };
      if (!target.ownStack) {
        say(`Cancelling the ${opened.paymentIds.length} drafts (the stack is not the benchmark's own)`);
        drafts.cancelled = await cancelDrafts({ webUrl: target.webUrl, paymentIds: opened.paymentIds, concurrency: settings.draftConcurrency });
      }
    }

    let search: { seed: Awaited<ReturnType<typeof seedSearchPayments>>; results: SearchResult[] } | null = null;
    if (runs('search')) {
      say(
        `Console search: seeding ${settings.searchPayments.toLocaleString('en')} bench payments over ${settings.searchAccounts} accounts (INSERT … SELECT generate_series)`,
      );
      const seed = await seedSearchPayments({ pool, count: settings.searchPayments, accountCount: settings.searchAccounts });
      say(`Console search: ${settings.searchRepeats} of each search through payments.findPayments, then EXPLAIN`);
      const results = await measureSearches({
        databaseUrl: target.databaseUrl,
        pool,
        seededCount: settings.searchPayments,
        accountCount: settings.searchAccounts,
        repeats: settings.searchRepeats,
      });
      search = { seed, results };
    }

    // One completed payment's history per card: what a payment costs Temporal in events.
    const paymentHistoryEventsByCard: Partial<Record<CardKind, number>> = {};
    for (const [card, id] of Object.entries(samplePaymentIds) as [CardKind, string][]) {
      const history = await temporal.client.workflow.getHandle(paymentWorkflowId(id)).fetchHistory();
      paymentHistoryEventsByCard[card] = history.events?.length ?? 0;
    }
    const paymentHistoryEvents = paymentHistoryEventsByCard.frictionless ?? paymentHistoryEventsByCard.otp ?? null;

    // ── The report ──
    const loadPhases = phases.filter((p) => p.name !== 'warmup');
    const sustained = phases.find((p) => p.name === 'sustained') ?? loadPhases[loadPhases.length - 1] ?? null;
    const baselineAt = (concurrency: number, kind: BaselineResult['kind'] = 'noopActivity') =>
      baselines.find((b) => b.concurrency === concurrency && b.kind === kind)?.workflowsPerSecond ?? null;
    // The step figure is at 20 residents; with another ramp, the step nearest to 20.
    const stepPhase =
      [...loadPhases.filter((p) => p.name.startsWith('ramp-') || p.name === 'sustained')].sort(
        (a, b) => Math.abs(a.concurrency - 20) - Math.abs(b.concurrency - 20),
      )[0] ?? null;
    const noop = sustained ? baselineAt(sustained.concurrency) : null;
    const allSearches = search?.results.flatMap((r) => (r.latency ? [r.latency.p95] : [])) ?? [];
    const workerRss = meter().rssMiB('worker');
    const report = {
      name,
      kind: settings.smoke ? 'smoke' : 'full',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      paymentsPerSecond: sustained?.paymentsPerSecond ?? null,
      paymentsPerSecondAt: sustained ? { phase: sustained.name, residents: sustained.concurrency } : null,
      noopWorkflowsPerSecond: noop,
      noopUpdateWorkflowsPerSecond: sustained ? baselineAt(sustained.concurrency, 'noopUpdates') : null,
      ratio: sustained && noop ? Math.round((sustained.paymentsPerSecond / noop) * 1000) / 1000 : null,
      stepP95Ms: stepPhase?.updateRoundTrip?.p95 ?? null,
      stepP95At: stepPhase ? { phase: stepPhase.name, residents: stepPhase.concurrency } : null,
      stepP95MsByStep: stepPhase ? Object.fromEntries(Object.entries(stepPhase.steps).map(([step, s]) => [step, s.p95])) : null,
      cardFormPostP95Ms: stepPhase?.steps.cardPost?.p95 ?? null,
      approvalToPostedP95Ms: sustained?.steps.approvalToPosted?.p95 ?? null,
      approvalToCompletedP95Ms: sustained?.steps.approvalToCompleted?.p95 ?? null,
      errors: sumErrors([
        ...phases.map((p) => p.errors),
        ...baselines.map((b) => b.errors),
        ...(drafts ? [(drafts.opening as { errors: Record<string, number> }).errors] : []),
        ...(search ? [Object.fromEntries(search.results.filter((r) => r.errors > 0).map((r) => [`search:${r.kind}`, r.errors]))] : []),
      ]),
      draftsOpen: (drafts?.open as number | undefined) ?? null,
      workerRssMiB: drafts
        ? {
            beforeDrafts: (drafts.before as { workerRssMiB: number | null }).workerRssMiB,
            withDrafts: (drafts.afterProbe as { workerRssMiB: number | null }).workerRssMiB,
          }
        : workerRss,
      searchP95Ms: allSearches.length ? Math.max(...allSearches) : null,
      /** A frictionless-card payment's (the 3-D Secure one's when none was frictionless). */
      paymentHistoryEvents,
      paymentHistoryEventsByCard,
      machine: {
        cores: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
        freeMemoryGiBAtEnd: Math.round((freemem() / 1024 ** 3) * 10) / 10,
        os: `${platform()} ${release()}`,
        node: process.version,
        loadAverage: { atStart: loadAverageAtStart.map((n) => Math.round(n * 100) / 100), atEnd: loadavg().map((n) => Math.round(n * 100) / 100) },
        whatRan: {
          stack: target.ownStack
            ? 'a throwaway stack the benchmark started (startStack mode test: production builds, embedded Postgres, Temporal dev server, worker, sandbox acquirer, web, admin)'
            : `a running stack at ${target.webUrl}`,
          measuredProcesses: Object.keys(target.pids),
          note: machineNote ?? null,
        },
      },
      settings,
      phases: phases.map(({ timeline, ...rest }) => ({ ...rest, timeline })),
      baseline: baselines,
      drafts,
      search,
    };

    await mkdir(outDir, { recursive: true });
    const jsonFile = path.join(outDir, `${name}.json`);
    const svgFile = path.join(outDir, `${name}.svg`);
    await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(
      svgFile,
      renderChart({
        phases,
        baselineAt: (c) => baselineAt(c),
        title: `Voltpay bench — ${name} (${startedAt.toISOString().slice(0, 16)}Z, ${cpus().length} cores)`,
      }),
    );
    process.stdout.write(`${renderSummary(report)}\n\nReport: ${jsonFile}\nChart:  ${svgFile}\n`);
    return { report, jsonFile, svgFile };
  } finally {
    await temporal.close();
    await pool.end();
  }
};

export type BenchReport = Awaited<ReturnType<typeof runBench>>['report'];
