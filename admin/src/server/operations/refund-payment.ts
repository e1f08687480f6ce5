// Refunding a COMPLETED payment (a claim resolved as "refunded"): starts or joins the refund
// workflow `refund-<paymentId>` with the id policies that let one run succeed at most, waits a
// little for its outcome, and audits the request. Also reads a payment's refund for the pages.
import { TRPCError } from '@trpc/server';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@voltpay/prisma';
import { serverEnv } from '@voltpay/stack/env';
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

/** How long the request waits for the refund to finish before answering "in progress". */
const OUTCOME_WAIT_MS = 15_000;

export type RefundView =
  | { kind: 'NONE' }
  | { kind: 'RUNNING'; state: RefundState | null }
  | { kind: 'DONE'; state: RefundState }
  | { kind: 'FAILED'; message: string; type: string | null };

export type RefundCompletedPaymentResult = {
  paymentId: string;
  /** DONE: refunded now (or found already refunded); IN_PROGRESS: still running when the wait ended. */
  outcome: 'DONE' | 'IN_PROGRESS';
  /** Another request had already started (or finished) this refund: nothing was done twice. */
  joined: boolean;
  refund: RefundView;
  message: string;
};

export type RefundCompletedPaymentOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  staff: Pick<StaffIdentity, 'email'>;
  paymentId: string;
  reason: string;
  taskQueue?: string;
  waitMs?: number;
};

const refundErrorText = (type: string | null, message: string, details: unknown[] | undefined): string => {
  switch (type) {
    case RefundErrorType.NOT_REFUNDABLE:
      return `Вернуть можно только зачисленный платёж${typeof details?.[0] === 'string' ? `, этот — «${paymentStatusText(details[0] as never)}»` : ''}.`;
    case RefundErrorType.PAYMENT_STILL_RUNNING:
      return details?.[0] === 'NEEDS_ATTENTION'
        ? 'Платёж ждёт оператора: верните его действием «Вернуть» в очереди.'
        : 'Процесс платежа ещё идёт: повторите возврат, когда он завершится.';
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

/** Starts (or joins) the refund; waits up to `waitMs` for it to end. */
export const refundCompletedPayment = async ({
  prisma,
  temporal,
  staff,
  paymentId,
  reason,
  taskQueue = serverEnv.TEMPORAL_TASK_QUEUE,
  waitMs = OUTCOME_WAIT_MS,
}: RefundCompletedPaymentOptions): Promise<RefundCompletedPaymentResult> => {
  const client = await temporal();
  const row = await prisma.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Платёж не найден.' });
  const input: RefundStartInput = { paymentId, actor: staff.email, reason: reason.trim() };
  const audit = (after: string | null, details: Record<string, unknown>) =>
    recordAudit(prisma, staff, {
      action: 'payment.refundCompleted',
      targetType: 'payment',
      targetId: paymentId,
      before: { status: row.status },
      after: after ? { status: after } : undefined,
      details: { reason: input.reason, workflowId: refundWorkflowId(paymentId), ...details },
    });

  // The workflow checks this itself; asking the read model first spares a run that can only fail.
  if (row.status !== 'COMPLETED' && row.status !== 'REFUNDED') {
    const message =
      row.status === 'NEEDS_ATTENTION'
        ? refundErrorText(RefundErrorType.PAYMENT_STILL_RUNNING, '', ['NEEDS_ATTENTION'])
        : refundErrorText(RefundErrorType.NOT_REFUNDABLE, '', [row.status]);
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
  const timer = setTimeout(() => cutOff.abort(), waitMs);
  await client.withAbortSignal(cutOff.signal, () => handle.result()).catch(() => undefined);
  clearTimeout(timer);
  const finished = !cutOff.signal.aborted;
  const refund = await getPaymentRefund({ client, paymentId });
  // USE_EXISTING hands back a run already going: its input, not ours, is the one that counts.
  const runState = refund.kind === 'DONE' || refund.kind === 'RUNNING' ? refund.state : null;
  if (runState && (runState.actor !== input.actor || runState.reason !== input.reason)) joined = true;
  if (refund.kind === 'FAILED') {
    await audit(row.status, { outcome: 'REFUSED', runId, joined, error: refund.message, type: refund.type });
    throw new TRPCError({ code: refund.type === RefundErrorType.OPERATOR_ACTION_FAILED ? 'BAD_GATEWAY' : 'CONFLICT', message: refund.message });
  }
  const after = refund.kind === 'DONE' ? 'REFUNDED' : row.status;
  const message =
    refund.kind === 'DONE'
      ? refund.state.status === 'ALREADY_REFUNDED'
        ? 'Платёж уже был возвращён раньше: повторно ничего не сделано.'
        : joined
          ? `Возврат уже выполнен (${refund.state.actor}): повторно ничего не сделано.`
          : 'Деньги возвращены на карту, проводка сторнирована.'
      : `Возврат выполняется${refund.kind === 'RUNNING' && refund.state ? ` (${refundStatusText(refund.state.status)})` : ''}: обновите страницу позже.`;
  await audit(after, { outcome: finished && refund.kind === 'DONE' ? 'DONE' : 'IN_PROGRESS', runId, joined });
  return { paymentId, outcome: refund.kind === 'DONE' ? 'DONE' : 'IN_PROGRESS', joined, refund, message };
};
