// The Temporal worker: every workflow of `@voltpay/workflows` and every activity of this package.
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { type NativeConnection, Worker } from '@temporalio/worker';
import { createLogger, type Logger } from '@voltpay/logger';
import type { PrismaClient } from '@voltpay/prisma';
import { createDataConverter, type EncryptionCodecOptions } from '@voltpay/stack/payload-codec';
import { createWorkerDataConverter } from '@voltpay/stack/worker-data-converter';
import type { ServerEnv } from '@voltpay/stack/env';
import type { PaymentActivities } from '@voltpay/workflows/payment';
import type { RefundActivities } from '@voltpay/workflows/refund';
import { createAcquirerGatewayFromEnv } from '@voltpay/acquirer-gateway';
import { createAcquirerActivities } from './acquirer/activities';
import { createLedgerActivities } from './ledger';
import { createPaymentActivities } from './payments';
import { createReceiptActivities, receiptConfigFromEnv } from './receipts/activities';
import { createRefundActivities, workflowOpenCheck } from './refunds/activities';
import { createSelfCheckActivities } from './self-check/activities';

export const workflowsPath = fileURLToPath(import.meta.resolve('@voltpay/workflows/workflows'));

/** Written by `npm run build -w @voltpay/activities` (src/bundle-workflows.ts). */
export const WORKFLOW_BUNDLE_PATH = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));

/** The configuration the activities read: the validated server env (stack/src/env.ts). */
export type ActivitiesEnv = Pick<
  ServerEnv,
  | 'WEB_PUBLIC_URL'
  | 'VOLTPAY_DEMO'
  | 'ACQUIRER_URL'
  | 'ACQUIRER_API_KEY'
  | 'ACQUIRER_WEBHOOK_SECRET'
  | 'RECEIPT_SECRET'
  | 'RESEND_API_KEY'
  | 'RESEND_BASE_URL'
  | 'EMAIL_FROM'
>;

export type CreateActivitiesOptions = {
  prisma: PrismaClient;
  env: ActivitiesEnv;
  /** The refund workflow asks whether a payment's workflow is still open. */
  temporal: Client;
};

export const createActivities = ({ prisma, env, temporal }: CreateActivitiesOptions) => {
  const payments = {
    ...createPaymentActivities({ prisma, demoMode: env.VOLTPAY_DEMO === '1' }),
    ...createAcquirerActivities({ gateway: createAcquirerGatewayFromEnv(env), webPublicUrl: env.WEB_PUBLIC_URL }),
    ...createLedgerActivities({ prisma }),
    ...createReceiptActivities({ prisma, ...receiptConfigFromEnv(env) }),
  } satisfies PaymentActivities;
  const refunds = {
    ...createRefundActivities({ prisma, isWorkflowOpen: workflowOpenCheck(temporal) }),
    refundAcquirerOrder: payments.refundAcquirerOrder,
    postRefundToLedger: payments.postRefundToLedger,
  } satisfies RefundActivities;
  return { ...createSelfCheckActivities({ prisma }), ...payments, ...refunds };
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
  /** The worker process's log (a `worker` logger of its own by default). */
  log?: Logger;
};

export const createWorker = ({
  connection,
  namespace,
  taskQueue,
  prisma,
  env,
  workflowBundlePath,
  encryption,
  log = createLogger({ name: 'worker' }),
}: CreateWorkerOptions) =>
  Worker.create({
    connection,
    dataConverter: createWorkerDataConverter({
      ...encryption,
      onRefused: (encoding) => log.warn({ encoding }, 'refused a Temporal payload our clients did not encrypt: read as null'),
    }),
    namespace,
    taskQueue,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath }),
    // The worker's own connection serves the activities' few client calls (describe) as well.
    activities: createActivities({ prisma, env, temporal: new Client({ connection, namespace, dataConverter: createDataConverter(encryption) }) }),
  });
