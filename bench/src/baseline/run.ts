// The baseline: the same Temporal server, the same concurrency and a worker with the same options,
// but workflows that do nothing. Payments/s ÷ these workflows/s says how much of the cost is ours.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from '@voltpay/stack/payload-codec';
import { summarize, type LatencySummary } from '../stats';
import { progress, progressDone } from '../progress';
import { NOOP_UPDATES_WORKFLOW_TYPE, NOOP_WORKFLOW_TYPE, PAYMENT_UPDATE_COUNT, noopUpdate } from './definitions';

export type TemporalTarget = { address: string; namespace: string; payloadEncryptionKey: string };

export type BaselineKind = 'noopActivity' | 'noopUpdates';

export type BaselineResult = {
  kind: BaselineKind;
  concurrency: number;
  durationMs: number;
  completed: number;
  workflowsPerSecond: number;
  /** Start to result of one workflow. */
  workflow: LatencySummary | null;
  /** noopUpdates only: each Update's round trip. */
  updateRoundTrip: LatencySummary | null;
  errors: Record<string, number>;
};

const READY_TIMEOUT_MS = 120_000;

/** Starts the baseline worker process; resolves once it polls its task queue. */
export const startBaselineWorker = async (temporal: TemporalTarget) => {
  const taskQueue = `voltpay-bench-noop-${randomUUID().slice(0, 8)}`;
  const child: ChildProcess = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      PAYLOAD_ENCRYPTION_KEY: temporal.payloadEncryptionKey,
      BENCH_TASK_QUEUE: taskQueue,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the baseline worker was not ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the baseline worker exited (${code}) before it was ready`));
    });
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    taskQueue,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
};

export const connectBaselineClient = async (temporal: TemporalTarget) => {
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace, dataConverter: createDataConverter({ key: temporal.payloadEncryptionKey }) });
  return { client, close: () => connection.close() };
};

type BaselinePhaseOptions = { client: Client; taskQueue: string; kind: BaselineKind; concurrency: number; durationMs: number; maxPerLoop?: number };

/** `concurrency` loops, each starting a no-op workflow and awaiting its result, until the time is up. */
export const runBaselinePhase = async ({
  client,
  taskQueue,
  kind,
  concurrency,
  durationMs,
  maxPerLoop = 100_000,
}: BaselinePhaseOptions): Promise<BaselineResult> => {
  const workflowMs: number[] = [];
  const updateMs: number[] = [];
  const errors: Record<string, number> = {};
  const started = Date.now();
  const deadline = started + durationMs;
  let completed = 0;
  let lastCompletion = started;

  const loop = async () => {
    for (let i = 0; i < maxPerLoop && Date.now() < deadline; i++) {
      const began = performance.now();
      try {
        const workflowId = `bench-${kind}-${randomUUID()}`;
        if (kind === 'noopActivity') {
          await client.workflow.execute(NOOP_WORKFLOW_TYPE, { taskQueue, workflowId, args: [], workflowExecutionTimeout: '2 minutes' });
        } else {
          const handle = await client.workflow.start(NOOP_UPDATES_WORKFLOW_TYPE, {
            taskQueue,
            workflowId,
            args: [PAYMENT_UPDATE_COUNT],
            workflowExecutionTimeout: '2 minutes',
          });
          for (let u = 0; u < PAYMENT_UPDATE_COUNT; u++) {
            const updateBegan = performance.now();
            await handle.executeUpdate(noopUpdate, { args: [u] });
            updateMs.push(performance.now() - updateBegan);
          }
          await handle.result();
        }
        workflowMs.push(performance.now() - began);
        completed += 1;
        lastCompletion = Date.now();
      } catch (error) {
        const kindOfError = error instanceof Error ? error.name : 'unexpected';
        errors[kindOfError] = (errors[kindOfError] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  const ticker = setInterval(() => {
    const elapsed = (Date.now() - started) / 1000;
    progress(
      `[baseline ${kind} · ${concurrency} at once] ${elapsed.toFixed(0)} s · ${completed} workflows · ${(completed / Math.max(elapsed, 1)).toFixed(2)}/s`,
    );
  }, 1_000);
  try {
    await Promise.all(Array.from({ length: concurrency }, () => loop()));
  } finally {
    clearInterval(ticker);
    progressDone();
  }
  const elapsedMs = Math.max(1, lastCompletion - started);
  return {
    kind,
    concurrency,
    durationMs: elapsedMs,
    completed,
    workflowsPerSecond: Math.round((completed / (elapsedMs / 1000)) * 1000) / 1000,
    workflow: summarize(workflowMs),
    updateRoundTrip: summarize(updateMs),
    errors,
  };
};
