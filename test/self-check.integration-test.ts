// The smoke path through every layer: a workflow on the real Temporal dev server, run by the real
// worker process of the stack, writes a row through Prisma into the real Postgres and reads it back.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { prisma } from '@voltpay/prisma';
import { createDataConverter } from '@voltpay/stack/payload-codec';
import { SELF_CHECK_WORKFLOW_TYPE, selfCheckWorkflowId, type SelfCheckInput, type SelfCheckResult } from '@voltpay/workflows/self-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

describe('self-check workflow through the stack’s own worker', () => {
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: stackEnv.temporalAddress });
    // The stack's worker encrypts its payloads; reading them back needs the same key.
    client = new Client({ connection, namespace: stackEnv.namespace, dataConverter: createDataConverter({ key: stackEnv.payloadEncryptionKey }) });
  });
  afterAll(async () => {
    await connection?.close();
    await prisma.$disconnect();
  });

  it('writes its row through an activity and reads the same row back', async () => {
    const checkId = randomUUID();
    const handle = await client.workflow.start<(input: SelfCheckInput) => Promise<SelfCheckResult>>(SELF_CHECK_WORKFLOW_TYPE, {
      taskQueue: stackEnv.taskQueue,
      workflowId: selfCheckWorkflowId(checkId),
      args: [{ checkId, message: 'integration' }],
    });
    const result = await handle.result();

    expect(result.record).toEqual(result.readBack);
    expect(result.record).toMatchObject({ checkId, workflowId: `self-check-${checkId}`, message: 'integration' });

    const row = await prisma.selfCheck.findUniqueOrThrow({ where: { id: checkId } });
    expect(row.workflowId).toBe(handle.workflowId);
    expect(row.createdAt.toISOString()).toBe(result.record.createdAt);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('refuses a second run with the same check id while keeping exactly one row', async () => {
    const checkId = randomUUID();
    const options = {
      taskQueue: stackEnv.taskQueue,
      workflowId: selfCheckWorkflowId(checkId),
      args: [{ checkId, message: 'first' }] as [SelfCheckInput],
    };
    await client.workflow.execute<(input: SelfCheckInput) => Promise<SelfCheckResult>>(SELF_CHECK_WORKFLOW_TYPE, options);
    // The workflow id derives from the check id: a duplicate start is rejected by Temporal itself…
    await expect(client.workflow.start(SELF_CHECK_WORKFLOW_TYPE, { ...options, workflowIdReusePolicy: 'REJECT_DUPLICATE' })).rejects.toThrow(/already/i);
    // …and a run under another workflow id but the same key writes nothing new (activities are idempotent).
    const again = await client.workflow.execute<(input: SelfCheckInput) => Promise<SelfCheckResult>>(SELF_CHECK_WORKFLOW_TYPE, {
      ...options,
      workflowId: `${options.workflowId}-retry`,
      args: [{ checkId, message: 'second' }],
    });
    expect(again.record.message).toBe('first');
    expect(await prisma.selfCheck.count({ where: { id: checkId } })).toBe(1);
  });
});
