// The self-check workflow's own logic, with its activities mocked (STYLE rule 8): a worker in this
// process on a task queue of its own, against the stack's real Temporal dev server.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '@voltpay/activities/worker';
import { selfCheckWorkflowId, type SelfCheckActivities, type SelfCheckRecord } from '@voltpay/workflows/self-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stackEnv } from './support/stack-env';

describe('selfCheckWorkflow with mocked activities', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({ address: stackEnv.temporalAddress, namespace: stackEnv.namespace });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const record = (checkId: string, workflowId: string): SelfCheckRecord => ({
    checkId,
    workflowId,
    message: 'mocked',
    createdAt: '2026-11-26T00:00:00.000Z',
  });

  it('records once, then reads back by the same check id, retrying a failed read', async () => {
    const checkId = randomUUID();
    const workflowId = selfCheckWorkflowId(checkId);
    const activities = {
      recordSelfCheck: vi.fn<SelfCheckActivities['recordSelfCheck']>(async (input) => record(input.checkId, input.workflowId)),
      readSelfCheck: vi
        .fn<SelfCheckActivities['readSelfCheck']>()
        .mockRejectedValueOnce(new Error('connection reset'))
        .mockImplementation(async (input) => record(input.checkId, workflowId)),
    } satisfies SelfCheckActivities;
    const taskQueue = `self-check-mocked-${checkId}`;
    const worker = await Worker.create({ connection: env.nativeConnection, namespace: stackEnv.namespace, taskQueue, workflowsPath, activities });

    const result = await worker.runUntil(env.client.workflow.execute('selfCheckWorkflow', { taskQueue, workflowId, args: [{ checkId, message: 'mocked' }] }));

    expect(activities.recordSelfCheck).toHaveBeenCalledTimes(1);
    expect(activities.recordSelfCheck).toHaveBeenCalledWith({ checkId, workflowId, message: 'mocked' });
    expect(activities.readSelfCheck).toHaveBeenCalledTimes(2);
    expect(activities.readSelfCheck).toHaveBeenLastCalledWith({ checkId });
    expect(result).toEqual({ record: record(checkId, workflowId), readBack: record(checkId, workflowId) });
  });
});
