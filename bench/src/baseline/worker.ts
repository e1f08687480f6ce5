// The baseline's worker, a process of its own: the no-op workflows on a task queue of their own,
// on the same Temporal server and with the same worker options as the payments' worker
// (activities/src/worker.ts: its connection, payload codec, namespace; the SDK's defaults for the rest).
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDataConverter } from '@voltpay/stack/payload-codec';
import type { NoopActivities } from './definitions';

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the benchmark passes it to its baseline worker)`);
  return value;
};

Runtime.install({ logger: new DefaultLogger('WARN') });

const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
try {
  const activities: NoopActivities = { noop: async () => {} };
  const worker = await Worker.create({
    connection,
    dataConverter: createDataConverter({ key: required('PAYLOAD_ENCRYPTION_KEY') }),
    namespace: required('TEMPORAL_NAMESPACE'),
    taskQueue: required('BENCH_TASK_QUEUE'),
    workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
    activities,
  });
  const running = worker.run();
  process.send?.({ type: 'ready' });
  await running;
} finally {
  await connection.close();
}
