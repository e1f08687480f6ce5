// The Temporal worker: every workflow of `@voltpay/workflows` and every activity of this package.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { PrismaClient } from '@voltpay/prisma';
import { createDataConverter, type EncryptionCodecOptions } from '@voltpay/stack/payload-codec';
import type { ServerEnv } from '@voltpay/stack/env';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import { createAcquirerActivities, createAcquirerGatewayFromEnv } from './acquirer';
import { createLedgerActivities } from './ledger';
import { createPaymentActivities } from './payments';
import { createReceiptActivities, receiptConfigFromEnv } from './receipts/activities';
import { createSelfCheckActivities } from './self-check/activities';

export const workflowsPath = fileURLToPath(import.meta.resolve('@voltpay/workflows/workflows'));

/** Written by `npm run build -w @voltpay/activities` (src/bundle-workflows.ts). */
export const WORKFLOW_BUNDLE_PATH = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));

/** The configuration the activities read: the validated server env (stack/src/env.ts). */
export type ActivitiesEnv = Pick<
  ServerEnv,
  'WEB_PUBLIC_URL' | 'ACQUIRER_URL' | 'ACQUIRER_API_KEY' | 'ACQUIRER_WEBHOOK_SECRET' | 'RECEIPT_SECRET' | 'RESEND_API_KEY' | 'RESEND_BASE_URL' | 'EMAIL_FROM'
>;

export const createActivities = ({ prisma, env }: { prisma: PrismaClient; env: ActivitiesEnv }) => {
  const payments = {
    ...createPaymentActivities({ prisma }),
    ...createAcquirerActivities({ gateway: createAcquirerGatewayFromEnv(env), webPublicUrl: env.WEB_PUBLIC_URL }),
    ...createLedgerActivities({ prisma }),
    ...createReceiptActivities({ prisma, ...receiptConfigFromEnv(env) }),
  } satisfies PaymentActivities;
  return { ...createSelfCheckActivities({ prisma }), ...payments };
};

export type CreateWorkerOptions = {
  connection: NativeConnection;
  /** The prebuilt bundle to run; without it the worker bundles `workflowsPath` as it starts. */
  workflowBundlePath?: string;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  env: ActivitiesEnv;
  /** Payload encryption (the clients in web, admin and tests use the same key). */
  encryption: EncryptionCodecOptions;
};

export const createWorker = ({ connection, namespace, taskQueue, prisma, env, workflowBundlePath, encryption }: CreateWorkerOptions) =>
  Worker.create({
    connection,
    dataConverter: createDataConverter(encryption),
    namespace,
    taskQueue,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath }),
    activities: createActivities({ prisma, env }),
  });
