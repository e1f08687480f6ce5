// The API's side of the payment workflow: start it, query it, run its updates, each under a
// deadline so a missing worker or Temporal answers 503 instead of hanging the resident's browser.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/common';
import { serverEnv } from '@voltpay/stack/env';
import { readPaymentState } from '@voltpay/stack/payment-status';
import { getTemporalClient } from '@voltpay/stack/temporal';
import {
  PAYMENT_ID_PATTERN,
  PAYMENT_WORKFLOW_TYPE,
  paymentWorkflowId,
  type PaymentSettings,
  type PaymentStartInput,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { Locale } from '@voltpay/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { ApiError } from './errors';
import { enforceLimits, paymentStartLimit } from './rate-limit';

/** A query is answered by the worker's cache at once, or after a replay of a few hundred events. */
const QUERY_DEADLINE_MS = 10_000;
/**
 * An update may call activities: confirm creates the acquirer order (retried for a while before
 * the workflow gives up with ACQUIRER_UNAVAILABLE), so it gets longer than a query.
 */
const UPDATE_DEADLINE_MS = 30_000;

const withDeadline = async <T>(ms: number, run: () => Promise<T>): Promise<T> => {
  const client = await getTemporalClient();
  return client.withDeadline(Date.now() + ms, run);
};

const handleOf = async (paymentId: string) => (await getTemporalClient()).workflow.getHandle(paymentWorkflowId(paymentId));

/** The payment's status from its one reader (@voltpay/stack/payment-status): the workflow, or a later refund. */
export const queryPaymentState = async (paymentId: string): Promise<PaymentState> => {
  const client = await getTemporalClient();
  return withDeadline(QUERY_DEADLINE_MS, () => readPaymentState({ client, paymentId }));
};

/** Starts a payment workflow (the resident accepted the terms) and returns its first state. */
export const startPayment = async ({
  termsVersion,
  locale,
  settings,
  clientAddress,
}: {
  termsVersion: string;
  locale: Locale;
  settings?: Partial<PaymentSettings>;
  /** Who asks (rate-limit.ts clientAddressOf): each start is a workflow living up to 30 minutes. */
  clientAddress: string;
}): Promise<{ paymentId: string; state: PaymentState }> => {
  await enforceLimits([{ limit: paymentStartLimit(), key: clientAddress }]);
  const client = await getTemporalClient();
  const paymentId = randomUUID();
  const input: PaymentStartInput = {
    paymentId,
    // The server's clock, not the browser's: this is the record of consent.
    terms: { version: termsVersion, acceptedAt: new Date().toISOString() },
    locale,
    ...(settings ? { settings } : {}),
  };
  await withDeadline(QUERY_DEADLINE_MS, () =>
    client.workflow.start(PAYMENT_WORKFLOW_TYPE, {
      taskQueue: serverEnv.TEMPORAL_TASK_QUEUE,
      workflowId: paymentWorkflowId(paymentId),
      args: [input],
    }),
  );
  return { paymentId, state: await queryPaymentState(paymentId) };
};

/**
 * Runs one of the payment's updates and returns its result. Temporal answers "not found" both for
 * an id nobody started and for a payment whose workflow has ended; the second is a WRONG_STATE
 * (e.g. cancelling a payment that is already cancelled), told apart by asking for its state.
 */
export const runPaymentUpdate = async <Ret, Args extends unknown[]>({
  paymentId,
  update,
  args,
}: {
  paymentId: string;
  update: UpdateDefinition<Ret, Args>;
  args: Args;
}): Promise<Ret> => {
  const handle = await handleOf(paymentId);
  try {
    // executeUpdate's overloads split "no arguments" from "some"; this one helper serves both.
    const anyArity = update as unknown as UpdateDefinition<Ret, [unknown, ...unknown[]]>;
    return await withDeadline(UPDATE_DEADLINE_MS, () => handle.executeUpdate(anyArity, { args: args as unknown as [unknown, ...unknown[]] }));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    const state = await queryPaymentState(paymentId).catch(() => null);
    if (state) throw new ApiError({ code: 'WRONG_STATE', status: 409, params: { status: state.status }, cause: error });
    throw error;
  }
};

/** The `:id` of a payment route; an id that cannot be a payment's is as unknown as a missing one. */
export const paymentIdFrom = (params: { id?: string | string[] }): string => {
  const raw = typeof params.id === 'string' ? params.id.trim().toLowerCase() : '';
  if (!PAYMENT_ID_PATTERN.test(raw)) throw new ApiError({ code: 'PAYMENT_NOT_FOUND', status: 404 });
  return raw;
};

/**
 * Test stacks may start payments with second-long timers (VOLTPAY_ALLOW_TEST_SETTINGS=1); the
 * public never may: a resident choosing their own ceiling or timeouts would defeat them.
 */
export const testSettingsAllowed = (): boolean => process.env.VOLTPAY_ALLOW_TEST_SETTINGS === '1';
