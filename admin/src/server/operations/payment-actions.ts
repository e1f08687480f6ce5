// The operator's actions on a payment's workflow (DESIGN §1: re-check, replay posting or delivery,
// refund): each is the workflow's own Update with the operator's email as actor, so the workflow's
// validators decide what is allowed and its idempotent activities make a replay safe. Each call
// writes one audit row, refused or not, with the status before and after.
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@voltpay/prisma';
import {
  getStateQuery,
  paymentWorkflowId,
  recheckUpdate,
  refundUpdate,
  retryDeliveryUpdate,
  retryPostingUpdate,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import type { StaffIdentity } from '../api/trpc';
import { recordAudit } from '../audit/audit';
import { conciseError, paymentStatusText } from './labels';
import { toOperationError } from './payment-workflow';

export type PaymentAction = 'recheck' | 'retryPosting' | 'retryDelivery' | 'refund';

export type PaymentActionResult = {
  paymentId: string;
  action: PaymentAction;
  before: PaymentStatus | null;
  /** The status once the action's effect settled (or when the wait for it ended). */
  after: PaymentStatus;
  /** False when the workflow was still working (POSTING) when the wait ended: look again shortly. */
  settled: boolean;
  message: string;
};

export type PaymentActionOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  staff: Pick<StaffIdentity, 'email'>;
  paymentId: string;
  /** How long to wait for a replay to finish (POSTING → COMPLETED or parked again) before answering. */
  settleMs?: number;
};

const SETTLE_MS = 8_000;
const auditAction: Record<PaymentAction, string> = {
  recheck: 'payment.recheck',
  retryPosting: 'payment.retryPosting',
  retryDelivery: 'payment.retryDelivery',
  refund: 'payment.refund',
};

/** POSTING is the one status an operator's action leaves behind that ends by itself within seconds. */
const settle = async (client: Client, paymentId: string, state: PaymentState, settleMs: number): Promise<PaymentState> => {
  const handle = client.workflow.getHandle(paymentWorkflowId(paymentId));
  const until = Date.now() + settleMs;
  let current = state;
  while (current.status === 'POSTING' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = await handle.query(getStateQuery).catch(() => current);
  }
  return current;
};

const outcomeMessage = (action: PaymentAction, state: PaymentState): string => {
  const status = `Платёж ${paymentStatusText(state.status)}`;
  switch (state.status) {
    case 'COMPLETED':
      return `${status}: проводка и квитанция${state.receipt ? ` № ${state.receipt.number}` : ''} на месте.`;
    case 'NEEDS_ATTENTION':
      return `${status} снова: ${state.attention ? conciseError(state.attention.error) : 'шаг не удался'}.`;
    case 'UNCONFIRMED':
      return action === 'recheck'
        ? `Банк так и не ответил: ${state.unconfirmed?.lastError ? conciseError(state.unconfirmed.lastError) : 'ответа нет'}.`
        : `${status}.`;
    case 'POSTING':
      return 'Платёж проводится: обновите страницу через несколько секунд.';
    case 'REFUNDED':
      return 'Деньги возвращены на карту, проводка сторнирована.';
    // Listed rather than a default: a new status is a decision to make here.
    case 'DRAFT':
    case 'AWAITING_CARD':
    case 'PROCESSING':
    case 'DECLINED':
    case 'CANCELLED':
    case 'EXPIRED':
      return `${status}.`;
  }
};

type RunOptions = PaymentActionOptions & {
  action: PaymentAction;
  /** What the audit row keeps besides the statuses: the reason, the corrected address. */
  details: Record<string, unknown>;
  run: (client: Client) => Promise<PaymentState>;
};

const runPaymentAction = async ({
  prisma,
  temporal,
  staff,
  paymentId,
  action,
  details,
  run,
  settleMs = SETTLE_MS,
}: RunOptions): Promise<PaymentActionResult> => {
  const client = await temporal();
  const handle = client.workflow.getHandle(paymentWorkflowId(paymentId));
  const row = await prisma.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
  const before =
    (await handle
      .query(getStateQuery)
      .then((s) => s.status)
      .catch(() => null)) ??
    row?.status ??
    null;
  const audit = (after: PaymentStatus | null, extra: Record<string, unknown>) =>
    recordAudit(prisma, staff, {
      action: auditAction[action],
      targetType: 'payment',
      targetId: paymentId,
      before: before ? { status: before } : undefined,
      after: after ? { status: after } : undefined,
      details: { ...details, ...extra },
    });
  let state: PaymentState;
  try {
    state = await run(client);
  } catch (error) {
    const refusal = await toOperationError({ error, client, paymentId });
    // A refused action is audited too: who tried what, and why it did not happen.
    await audit(before, { outcome: 'REFUSED', error: refusal.message });
    throw refusal;
  }
  const settled = await settle(client, paymentId, state, settleMs);
  const result: PaymentActionResult = {
    paymentId,
    action,
    before,
    after: settled.status,
    settled: settled.status !== 'POSTING',
    message: outcomeMessage(action, settled),
  };
  await audit(settled.status, { outcome: 'DONE', settled: result.settled });
  return result;
};

/** Ask the acquirer now (UNCONFIRMED, or still on its pages). */
export const recheckPayment = (options: PaymentActionOptions) =>
  runPaymentAction({
    ...options,
    action: 'recheck',
    details: {},
    run: (client) => client.workflow.getHandle(paymentWorkflowId(options.paymentId)).executeUpdate(recheckUpdate, { args: [{ actor: options.staff.email }] }),
  });

/** Replay the receipt issue and ledger posting of a payment parked at stage POSTING (posts once, whatever happens). */
export const retryPaymentPosting = (options: PaymentActionOptions) =>
  runPaymentAction({
    ...options,
    action: 'retryPosting',
    details: {},
    run: (client) =>
      client.workflow.getHandle(paymentWorkflowId(options.paymentId)).executeUpdate(retryPostingUpdate, { args: [{ actor: options.staff.email }] }),
  });

/** Replay the receipt email; `email` corrects the address, `null` drops the email (the receipt stays downloadable). */
export const retryReceiptDelivery = (options: PaymentActionOptions & { email?: string | null }) =>
  runPaymentAction({
    ...options,
    action: 'retryDelivery',
    details: options.email === undefined ? { email: 'unchanged' } : { email: options.email },
    run: (client) =>
      client.workflow
        .getHandle(paymentWorkflowId(options.paymentId))
        .executeUpdate(retryDeliveryUpdate, { args: [{ actor: options.staff.email, ...(options.email !== undefined ? { email: options.email } : {}) }] }),
  });

/** Refund a payment parked in NEEDS_ATTENTION: the acquirer's refund and the ledger's reversal, by the payment's own workflow. */
export const refundParkedPayment = (options: PaymentActionOptions & { reason: string }) =>
  runPaymentAction({
    ...options,
    action: 'refund',
    details: { reason: options.reason },
    run: (client) =>
      client.workflow
        .getHandle(paymentWorkflowId(options.paymentId))
        .executeUpdate(refundUpdate, { args: [{ actor: options.staff.email, reason: options.reason }] }),
  });
