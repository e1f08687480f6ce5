// Runs the self-check workflow against a stack: client → Temporal → worker → activity → Postgres.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from './payload-codec';
import { SELF_CHECK_WORKFLOW_TYPE, selfCheckWorkflowId, type SelfCheckInput, type SelfCheckResult } from '@voltpay/workflows/self-check';

type RunSelfCheckOptions = {
  address: string;
  namespace: string;
  taskQueue: string;
  /** The stack's payload encryption key: the worker encrypts what it returns. */
  payloadEncryptionKey: string;
  message?: string;
};

export const runSelfCheck = async ({ address, namespace, taskQueue, payloadEncryptionKey, message = 'self-check' }: RunSelfCheckOptions) => {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace, dataConverter: createDataConverter({ key: payloadEncryptionKey }) });
    const checkId = randomUUID();
    const input: SelfCheckInput = { checkId, message };
    const result = await client.workflow.execute<(input: SelfCheckInput) => Promise<SelfCheckResult>>(SELF_CHECK_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: selfCheckWorkflowId(checkId),
      args: [input],
      workflowExecutionTimeout: '1 minute',
    });
    return { checkId, workflowId: selfCheckWorkflowId(checkId), result };
  } finally {
    await connection.close();
  }
};
