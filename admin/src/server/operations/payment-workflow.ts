// What the operator pages need from a payment's workflow: whether it still runs, its state and
// fulfilment attempts (bounded in time, so one slow workflow never stalls a page), and Temporal's
// refusals turned into messages an operator can act on.
import { TRPCError } from '@trpc/server';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  PaymentErrorType,
  getFulfilmentAttemptsQuery,
  getStateQuery,
  paymentWorkflowId,
  type FulfilmentAttempts,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import { paymentStatusText } from './labels';

/** How long one look at a workflow (describe + queries) may take before the page shows "no answer". */
export const WORKFLOW_LOOK_TIMEOUT_MS = 4_000;

export type WorkflowView =
  | { kind: 'RUNNING'; state: PaymentState; attempts: FulfilmentAttempts | null }
  /** Closed (completed, terminated, failed…) while the read model still shows it waiting, or long gone. */
  | { kind: 'CLOSED'; closedAs: string }
  | { kind: 'UNAVAILABLE'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The workflow as it is now: describe first (a query alone cannot tell a terminated workflow). */
export const lookAtPaymentWorkflow = async ({
  client,
  paymentId,
  timeoutMs = WORKFLOW_LOOK_TIMEOUT_MS,
}: {
  client: Client;
  paymentId: string;
  timeoutMs?: number;
}): Promise<WorkflowView> => {
  const handle = client.workflow.getHandle(paymentWorkflowId(paymentId));
  try {
    return await client.withDeadline(Date.now() + timeoutMs, async () => {
      const description = await handle.describe();
      if (description.status.name !== 'RUNNING') return { kind: 'CLOSED', closedAs: description.status.name };
      const [state, attempts] = await Promise.all([
        handle.query(getStateQuery),
        // A worker still on code without this query answers "unknown query": attempts unknown, not an error.
        handle.query(getFulfilmentAttemptsQuery).catch(() => null),
      ]);
      return { kind: 'RUNNING', state, attempts };
    });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { kind: 'CLOSED', closedAs: 'NOT_FOUND' };
    return { kind: 'UNAVAILABLE', message: messageOf(error) };
  }
};

const closedAsText: Record<string, string> = {
  COMPLETED: 'завершён',
  FAILED: 'завершён с ошибкой',
  CANCELLED: 'отменён',
  TERMINATED: 'принудительно остановлен',
  CONTINUED_AS_NEW: 'продолжен новым запуском',
  TIMED_OUT: 'истёк по времени',
  NOT_FOUND: 'не найден (история удалена по сроку хранения)',
};
export const closedText = (closedAs: string) => closedAsText[closedAs] ?? closedAs;

/**
 * The operator-facing error for a failed update: the workflow's own refusal (wrong state, bad
 * input, the acquirer refused), a closed workflow, or Temporal not answering.
 */
export const toOperationError = async ({ error, client, paymentId }: { error: unknown; client: Client; paymentId: string }): Promise<TRPCError> => {
  if (error instanceof TRPCError) return error;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const failure = error.cause;
    switch (failure.type) {
      case PaymentErrorType.WRONG_STATE: {
        const status = failure.details?.[0] as PaymentStatus | undefined;
        return new TRPCError({
          code: 'CONFLICT',
          message: `Действие недоступно: платёж ${status ? `сейчас «${paymentStatusText(status)}»` : 'в другом состоянии'} (${failure.message}).`,
          cause: failure,
        });
      }
      case PaymentErrorType.INVALID_INPUT:
        return new TRPCError({ code: 'BAD_REQUEST', message: `Неверные данные: ${failure.message}.`, cause: failure });
      case PaymentErrorType.OPERATOR_ACTION_FAILED:
        return new TRPCError({ code: 'BAD_GATEWAY', message: `Банк-эквайер не выполнил действие: ${failure.message}.`, cause: failure });
      case PaymentErrorType.TEMPORARILY_UNAVAILABLE:
      case PaymentErrorType.ACQUIRER_UNAVAILABLE:
        return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: `Сервис временно недоступен, ничего не изменилось: ${failure.message}.`, cause: failure });
      default:
        return new TRPCError({ code: 'CONFLICT', message: `Процесс платежа отказал: ${failure.message}.`, cause: failure });
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    // "already completed" and "not found" arrive as the same error: describe tells them apart.
    const view = await lookAtPaymentWorkflow({ client, paymentId });
    if (view.kind === 'CLOSED' && view.closedAs !== 'NOT_FOUND') {
      return new TRPCError({ code: 'CONFLICT', message: `Процесс платежа уже ${closedText(view.closedAs)}: действие невозможно.`, cause: error });
    }
    return new TRPCError({ code: 'NOT_FOUND', message: 'Процесс платежа не найден в Temporal.', cause: error });
  }
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: `Temporal не ответил, ничего не изменилось: ${messageOf(error)}.`, cause: error });
};
