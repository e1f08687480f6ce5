// The Temporal worker: every workflow of `@voltpay/workflows` and every activity of this package.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { PrismaClient } from '@voltpay/prisma';
import { createSelfCheckActivities } from './self-check/activities';

export const workflowsPath = fileURLToPath(import.meta.resolve('@voltpay/workflows/workflows'));

export const createActivities = ({ prisma }: { prisma: PrismaClient }) => ({
  ...createSelfCheckActivities({ prisma }),
});

export type CreateWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
};

export const createWorker = ({ connection, namespace, taskQueue, prisma }: CreateWorkerOptions) =>
  Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath,
    activities: createActivities({ prisma }),
  });
