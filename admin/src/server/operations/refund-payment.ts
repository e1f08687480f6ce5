// Refunding a payment, whatever state it is in: the console's one entry point (`refundPayment`,
// one procedure, one button). Who carries the refund out depends on one fact, whether the
// payment's workflow still runs, and never on the caller's choice:
// - open (parked in NEEDS_ATTENTION): the workflow's own `refund` update. The payment waits for an
//   operator there, so nothing is posting meanwhile, and the workflow ends REFUNDED.
// - closed (COMPLETED): the refund workflow `refund-<paymentId>`, started or joined with the id
//   policies that let one run succeed at most; it checks again that the payment's workflow has
//   closed, so a refund never races a posting still in flight.
// A payment is refunded once either way: the acquirer's refund and the ledger's reversal are
// idempotent on the payment id, and a refund workflow finding the payment REFUNDED does nothing.
// Also reads a payment's refund run for the pages.
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@voltpay/prisma';
import { serverEnv } from '@voltpay/stack/env';
import { paymentWorkflowId, refundUpdate } from '@voltpay/workflows/payment';
import {
  REFUND_WORKFLOW_ID_CONFLICT_POLICY,
  REFUND_WORKFLOW_ID_REUSE_POLICY,
  REFUND_WORKFLOW_TYPE,
  RefundErrorType,
  getRefundStateQuery,
  refundWorkflowId,
  type RefundStartInput,
  type RefundState,
  type RefundStatus,
} from '@voltpay/workflows/refund';
import type { StaffIdentity } from '../api/trpc';
import { recordAudit } from '../audit/audit';
import { paymentStatusText } from './labels';
import { OUTCOME_WAIT_MS, runPaymentAction, type PaymentActionResult } from './payment-actions';
import { lookAtPaymentWorkflow } from './payment-workflow';

/** A workflow that has COMPLETED its payment closes within moments (its last record is being written). */
const CLOSING_WAIT_MS = 5_000;

export type RefundView =
  | { kind: 'NONE' }
  | { kind: 'RUNNING'; state: RefundState | null }
  | { kind: 'DONE'; state: RefundState }
  | { kind: 'FAILED'; message: string; type: string | null };

export type RefundPaymentResult = PaymentActionResult & {
  /** Who carried it out: the payment's own workflow (it was open) or `refund-<id>` (it had closed). */
  via: 'PAYMENT_WORKFLOW' | 'REFUND_WORKFLOW';
  /** Another request had already started (or finished) this refund: nothing was done twice. */
  joined: boolean;
};

export type RefundPaymentOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  staff: Pick<StaffIdentity, 'email'>;
  paymentId: string;
  reason: string;
  taskQueue?: string;
  /** How long to wait for the refund's outcome before answering "still running". */
  outcomeWaitMs?: number;
};

const refundErrorText = (type: string | null, message: string, details: unknown[] | undefined): string => {
  switch (type) {
    case RefundErrorType.NOT_REFUNDABLE:
      return `Вернуть можно только зачисленный платёж${typeof details?.[0] === 'string' ? `, этот — «${paymentStatusText(details[0] as never)}»` : ''}.`;
    case RefundErrorType.PAYMENT_STILL_RUNNING:
      // Only when the payment's workflow was still closing as the refund began: the next request finds it closed.
      return 'Процесс платежа ещё идёт, ничего не изменилось: повторите возврат через несколько секунд.';
    case RefundErrorType.PAYMENT_NOT_FOUND:
      return 'Платёж не найден.';
    case RefundErrorType.OPERATOR_ACTION_FAILED:
      return `Банк-эквайер не выполнил возврат, ничего не изменилось; можно повторить: ${message}.`;
    case RefundErrorType.INVALID_INPUT:
      return `Неверные данные: ${message}.`;
    default:
      return `Возврат не выполнен: ${message}.`;
  }
};

const statusText: Record<RefundStatus, string> = {
  CHECKING: 'проверка платежа',
  REFUNDING_AT_ACQUIRER: 'возврат в банке-эквайере',
  REVERSING_LEDGER: 'сторно проводки',
  RECORDING: 'запись статуса',
  REFUNDED: 'деньги возвращены',
  ALREADY_REFUNDED: 'платёж уже был возвращён',
};
export const refundStatusText = (status: RefundStatus) => statusText[status];

/** The payment's refund workflow as it is now: none, running, done, or failed (and why). */
export const getPaymentRefund = async ({ client, paymentId }: { client: Client; paymentId: string }): Promise<RefundView> => {
  const handle = client.workflow.getHandle(refundWorkflowId(paymentId));
  try {
    const description = await handle.describe();
    switch (description.status.name) {
      case 'RUNNING':
        return { kind: 'RUNNING', state: await handle.query(getRefundStateQuery).catch(() => null) };
      case 'COMPLETED':
        return { kind: 'DONE', state: (await handle.result()) as RefundState };
      default: {
        const failure = await handle.result().then(
          () => null,
          (error: unknown) => error,
        );
        const cause = failure instanceof WorkflowFailedError ? failure.cause : failure;
        const type = cause instanceof ApplicationFailure ? (cause.type ?? null) : null;
        const message = cause instanceof Error ? cause.message : description.status.name;
        return {
          kind: 'FAILED',
          type,
          message: refundErrorText(type, message, cause instanceof ApplicationFailure ? (cause.details ?? undefined) : undefined),
        };
      }
    }
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { kind: 'NONE' };
    throw error;
  }
};

/** Refunds the payment, by its own workflow while that runs, by `refund-<id>` once it has closed. */
export const refundPayment = async (options: RefundPaymentOptions): Promise<RefundPaymentResult> => {
  const { paymentId, reason, staff } = options;
  const client = await options.temporal();
  const view = await lookAtPaymentWorkflow({ client, paymentId });
  if (view.kind === 'UNAVAILABLE') {
    const message = `Temporal не ответил, ничего не изменилось: ${view.message}.`;
    await recordAudit(options.prisma, staff, {
      action: 'payment.refund',
      targetType: 'payment',
      targetId: paymentId,
      details: { reason: reason.trim(), outcome: 'REFUSED', error: message },
    });
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message });
  }
  if (view.kind === 'RUNNING' && view.state.status !== 'COMPLETED') {
    // Its validator decides: only a payment parked in NEEDS_ATTENTION is refunded there.
    const result = await runPaymentAction({
      ...options,
      action: 'refund',
      details: { reason, via: 'payment-workflow' },
      update: refundUpdate,
      args: [{ actor: staff.email, reason }],
    });
    return { ...result, via: 'PAYMENT_WORKFLOW', joined: false };
  }
  if (view.kind === 'RUNNING') {
    // COMPLETED and closing: the refund workflow refuses to run beside an open payment workflow.
    await client.withDeadline(Date.now() + CLOSING_WAIT_MS, () => client.workflow.getHandle(paymentWorkflowId(paymentId)).result()).catch(() => undefined);
  }
  return refundClosedPayment({ ...options, client });
};

/** Starts (or joins) `refund-<id>` for a payment whose workflow has closed; waits up to `outcomeWaitMs` for it to end. */
const refundClosedPayment = async ({
  prisma,
  client,
  staff,
  paymentId,
  reason,
  taskQueue = serverEnv.TEMPORAL_TASK_QUEUE,
  outcomeWaitMs = OUTCOME_WAIT_MS,
}: RefundPaymentOptions & { client: Client }): Promise<RefundPaymentResult> => {
  const row = await prisma.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Платёж не найден.' });
  const input: RefundStartInput = { paymentId, actor: staff.email, reason: reason.trim() };
  const audit = (after: string | null, details: Record<string, unknown>) =>
    recordAudit(prisma, staff, {
      action: 'payment.refund',
      targetType: 'payment',
      targetId: paymentId,
      before: { status: row.status },
      after: after ? { status: after } : undefined,
      details: { reason: input.reason, via: 'refund-workflow', workflowId: refundWorkflowId(paymentId), ...details },
    });

  // The workflow checks this itself; asking the read model first spares a run that can only fail.
  if (row.status !== 'COMPLETED' && row.status !== 'REFUNDED') {
    const message = refundErrorText(RefundErrorType.NOT_REFUNDABLE, '', [row.status]);
    await audit(null, { outcome: 'REFUSED', error: message });
    throw new TRPCError({ code: 'CONFLICT', message });
  }

  // Joined: this request did not start the refund (it was running or done already). Temporal's
  // answer to a USE_EXISTING start does not say, so a finished or finishing run is asked whose it is.
  let joined = false;
  let runId: string | null = null;
  try {
    const handle = await client.workflow.start<(i: RefundStartInput) => Promise<RefundState>>(REFUND_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: refundWorkflowId(paymentId),
      workflowIdConflictPolicy: REFUND_WORKFLOW_ID_CONFLICT_POLICY,
      workflowIdReusePolicy: REFUND_WORKFLOW_ID_REUSE_POLICY,
      args: [input],
    });
    runId = handle.firstExecutionRunId;
  } catch (error) {
    // A refund of this payment already completed: the id cannot run again, by design.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      await audit(null, { outcome: 'FAILED', error: error instanceof Error ? error.message : String(error) });
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Temporal не ответил, возврат не начат.', cause: error });
    }
    joined = true;
  }

  const handle = client.workflow.getHandle(refundWorkflowId(paymentId));
  // The wait for the outcome is cut off (not left polling) when the refund takes longer.
  const cutOff = new AbortController();
  const timer = setTimeout(() => cutOff.abort(), outcomeWaitMs);
  await client.withAbortSignal(cutOff.signal, () => handle.result()).catch(() => undefined);
  clearTimeout(timer);
  const refund = await getPaymentRefund({ client, paymentId });
  // USE_EXISTING hands back a run already going: its input, not ours, is the one that counts.
  const runState = refund.kind === 'DONE' || refund.kind === 'RUNNING' ? refund.state : null;
  if (runState && (runState.actor !== input.actor || runState.reason !== input.reason)) joined = true;
  if (refund.kind === 'FAILED') {
    await audit(row.status, { outcome: 'REFUSED', runId, joined, error: refund.message, type: refund.type });
    throw new TRPCError({ code: refund.type === RefundErrorType.OPERATOR_ACTION_FAILED ? 'BAD_GATEWAY' : 'CONFLICT', message: refund.message });
  }
  const settled = refund.kind === 'DONE';
  const after = settled ? 'REFUNDED' : row.status;
  const message = settled
    ? refund.state.status === 'ALREADY_REFUNDED'
      ? 'Платёж уже был возвращён раньше: повторно ничего не сделано.'
      : joined
        ? `Возврат уже выполнен (${refund.state.actor}): повторно ничего не сделано.`
        : 'Деньги возвращены на карту, проводка сторнирована.'
    : `Возврат выполняется${refund.kind === 'RUNNING' && refund.state ? ` (${refundStatusText(refund.state.status)})` : ''}: обновите страницу позже.`;
  await audit(after, { outcome: settled ? 'DONE' : 'IN_PROGRESS', runId, joined });
  return { paymentId, action: 'refund', before: row.status, after, settled, message, via: 'REFUND_WORKFLOW', joined };
};
