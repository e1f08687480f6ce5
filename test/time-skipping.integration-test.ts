// The time-skipping test server (Temporal's Java test server from Maven Central, or the SDK's own
// download) runs days of workflow timers in moments, and a signal still beats a timer.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wakeUpSignal } from './fixtures/timer-workflows';
import { createTimeSkippingEnv } from './support/time-skipping';

const workflowsPath = fileURLToPath(new URL('./fixtures/timer-workflows.ts', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;

describe('time-skipping Temporal test server', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = 'time-skipping-test';
  // A worker runs once (runUntil shuts it down): one per test.
  const newWorker = () => Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath });

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a 30-day timer by skipping time, not by waiting', async () => {
    const before = await env.currentTimeMs();
    const worker = await newWorker();
    const days = await worker.runUntil(env.client.workflow.execute('sleepForDays', { taskQueue, workflowId: `sleep-${Date.now()}`, args: [30] }));
    expect(days).toBe(30);
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(30 * DAY_MS);
  });

  it('lets a signal end a wait before its timeout, and the timeout end it otherwise', async () => {
    const worker = await newWorker();
    const outcome = await worker.runUntil(async () => {
      const timedOut = env.client.workflow.execute('waitForWakeUp', { taskQueue, workflowId: `wait-a-${Date.now()}`, args: ['30 minutes'] });
      const woken = await env.client.workflow.start('waitForWakeUp', { taskQueue, workflowId: `wait-b-${Date.now()}`, args: ['30 minutes'] });
      await woken.signal(wakeUpSignal);
      return { timedOut: await timedOut, woken: await woken.result() };
    });
    expect(outcome).toEqual({ timedOut: 'timed-out', woken: 'woken' });
  });
});
