// The Temporal worker: every workflow of `@voltpay/workflows` and every activity of this package.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { PrismaClient } from '@voltpay/prisma';
import { createDataConverter, type EncryptionCodecOptions } from '@voltpay/stack/payload-codec';
import { createPaymentActivities } from './payments';
import { createSelfCheckActivities } from './self-check/activities';

export const workflowsPath = fileURLToPath(import.meta.resolve('@voltpay/workflows/workflows'));

/** Written by `npm run build -w @voltpay/activities` (src/bundle-workflows.ts). */
export const WORKFLOW_BUNDLE_PATH = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));

export const createActivities = ({ prisma }: { prisma: PrismaClient }) => ({
  ...createSelfCheckActivities({ prisma }),
  ...createPaymentActivities({ prisma }),
});

export type CreateWorkerOptions = {
  connection: NativeConnection;
  /** The prebuilt bundle to run; without it the worker bundles `workflowsPath` as it starts. */
  workflowBundlePath?: string;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  /** Payload encryption (the clients in web, admin and tests use the same key). */
  encryption: EncryptionCodecOptions;
};

export const createWorker = ({ connection, namespace, taskQueue, prisma, workflowBundlePath, encryption }: CreateWorkerOptions) =>
  Worker.create({
    connection,
    dataConverter: createDataConverter(encryption),
    namespace,
    taskQueue,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath }),
    activities: createActivities({ prisma }),
  });
