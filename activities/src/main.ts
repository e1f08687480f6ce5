// Worker process entry: `npm start` runs it as a child; in production, run as many as you need.
import { NativeConnection, Runtime } from '@temporalio/worker';
import { startEmailOutboxPurge } from '@voltpay/emails';
import { createLogger, describeError } from '@voltpay/logger';
import { prisma } from '@voltpay/prisma';
import { payloadEncryptionFromEnv, serverEnv } from '@voltpay/stack/env';
import { existsSync } from 'node:fs';
import { createTemporalLogger, temporalLogLevel } from './temporal-logger';
import { createWorker, WORKFLOW_BUNDLE_PATH } from './worker';

const log = createLogger({ name: 'worker', level: serverEnv.LOG_LEVEL });
const level = temporalLogLevel(serverEnv.LOG_LEVEL);
// The SDK's lines and Core's native ones (forwarded instead of printed on their own) in our log;
// Core stays at its default WARN unless we ask for more detail.
Runtime.install({
  logger: createTemporalLogger(log),
  telemetryOptions: { logging: { filter: { core: level === 'DEBUG' || level === 'TRACE' ? level : 'WARN', other: 'ERROR' }, forward: {} } },
});

const connection = await NativeConnection.connect({ address: serverEnv.TEMPORAL_ADDRESS });
try {
  const worker = await createWorker({
    connection,
    namespace: serverEnv.TEMPORAL_NAMESPACE,
    taskQueue: serverEnv.TEMPORAL_TASK_QUEUE,
    prisma,
    env: serverEnv,
    encryption: payloadEncryptionFromEnv(serverEnv),
    log,
    // Production runs the bundle the build made; development bundles the current source.
    ...(process.env.NODE_ENV === 'production' && existsSync(WORKFLOW_BUNDLE_PATH) ? { workflowBundlePath: WORKFLOW_BUNDLE_PATH } : {}),
  });
  const running = worker.run();
  // Old mail leaves the outbox while a worker runs (emails/retention.ts says why a timer).
  const stopPurge = startEmailOutboxPurge({ prisma, onError: (error) => log.error({ error: describeError(error) }, 'email outbox purge failed') });
  void running.finally(stopPurge);
  // The supervisor (`npm start`, `npm test`) waits for this before it reports the stack ready.
  process.send?.({ type: 'ready', taskQueue: serverEnv.TEMPORAL_TASK_QUEUE });
  // Runtime's default shutdown signals (SIGINT, SIGTERM) drain the worker; run() resolves after.
  await running;
} finally {
  await connection.close();
  await prisma.$disconnect();
}
