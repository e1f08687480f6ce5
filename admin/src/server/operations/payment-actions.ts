// The operator's actions on a payment's workflow (DESIGN §1: re-check, replay posting or delivery,
// refund): each is the workflow's own Update with the operator's email as actor, so the workflow's
// validators decide what is allowed and its idempotent activities make a replay safe. Each call
// writes one audit row, refused or not, with the status before and after.
//
// The update's result is the action's outcome: the workflow answers once the effect has ended
// (OPERATOR_ACTIONS_AWAIT_OUTCOME: a replayed posting has completed or parked again), so nothing
// here polls. The wait is bounded: past it, the answer says honestly that the work still runs.
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { PrismaClient } from '@voltpay/prisma';
import { readPaymentState } from '@voltpay/stack/payment-status';
import { getStateQuery, paymentWorkflowId, recheckUpdate, retryDeliveryUpdate, retryPostingUpdate, type PaymentState } from '@voltpay/workflows/payment';
import type { PaymentStatus } from '@voltpay/domain';
import type { UpdateDefinition } from '@temporalio/common';
import type { StaffIdentity } from '../api/trpc';
import { recordAudit } from '../audit/audit';
import { conciseError, paymentStatusText } from './labels';
import { toOperationError } from './payment-workflow';

export type PaymentAction = 'recheck' | 'retryPosting' | 'retryDelivery' | 'refund';

export type PaymentActionResult = {
  paymentId: string;
  action: PaymentAction;
  before: PaymentStatus | null;
  /** The status the action left: its outcome, or where the payment stood when the wait ended. */
  after: PaymentStatus;
  /** False when the work was still running when the wait ended: look again shortly. */
  settled: boolean;
  message: string;
};

export type PaymentActionOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  staff: Pick<StaffIdentity, 'email'>;
  paymentId: string;
  /** How long to wait for the action's outcome (a replayed posting, a refund at the acquirer) before answering "still running". */
  outcomeWaitMs?: number;
};

/** Covers a posting or delivery retried a few times (fulfilmentAttempts) and a refund at the acquirer (3 tries of 20 s). */
export const OUTCOME_WAIT_MS = 30_000;
/** The one look at the state after a wait that ran out: it only says where the work stands. */
const LOOK_MS = 4_000;
const auditAction: Record<PaymentAction, string> = {
  recheck: 'payment.recheck',
  retryPosting: 'payment.retryPosting',
  retryDelivery: 'payment.retryDelivery',
  refund: 'payment.refund',
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
      // Only when the wait ran out, or a worker still on code before OPERATOR_ACTIONS_AWAIT_OUTCOME answered at once.
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

type RunOptions<Args extends [unknown, ...unknown[]]> = PaymentActionOptions & {
  action: PaymentAction;
  /** What the audit row keeps besides the statuses: the reason, the corrected address. */
  details: Record<string, unknown>;
  update: UpdateDefinition<PaymentState, Args>;
  args: Args;
};

/** Sends the action's update to the payment's workflow, waits for its outcome within the bound, audits it. */
export const runPaymentAction = async <Args extends [unknown, ...unknown[]]>({
  prisma,
  temporal,
  staff,
  paymentId,
  action,
  details,
  update,
  args,
  outcomeWaitMs = OUTCOME_WAIT_MS,
}: RunOptions<Args>): Promise<PaymentActionResult> => {
  const client = await temporal();
  const handle = client.workflow.getHandle(paymentWorkflowId(paymentId));
  const row = await prisma.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
  const before =
    (await client
      .withDeadline(Date.now() + LOOK_MS, () => readPaymentState({ client, paymentId }))
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
  const refused = async (error: unknown) => {
    const refusal = await toOperationError({ error, client, paymentId });
    // A refused action is audited too: who tried what, and why it did not happen.
    await audit(before, { outcome: 'REFUSED', error: refusal.message });
    return refusal;
  };

  // Accepted first (the validators said yes), then the outcome: a wait that runs out is then
  // known to be "still running", never mistaken for "nothing happened".
  const until = Date.now() + outcomeWaitMs;
  const accepted = await client
    .withDeadline(until, () => handle.startUpdate(update, { args, waitForStage: WorkflowUpdateStage.ACCEPTED }))
    .catch(async (error: unknown) => {
      throw await refused(error);
    });
  const cutOff = new AbortController();
  const timer = setTimeout(() => cutOff.abort(), Math.max(0, until - Date.now()));
  let outcome: PaymentState | null = null;
  try {
    outcome = await client.withAbortSignal(cutOff.signal, () => accepted.result());
  } catch (error) {
    if (!cutOff.signal.aborted) throw await refused(error);
  } finally {
    clearTimeout(timer);
  }
  const state = outcome ?? (await client.withDeadline(Date.now() + LOOK_MS, () => handle.query(getStateQuery)).catch(() => null));
  const after = state?.status ?? before ?? 'POSTING';
  const settled = outcome !== null && outcome.status !== 'POSTING';
  const result: PaymentActionResult = {
    paymentId,
    action,
    before,
    after,
    settled,
    message: !state ? 'Действие принято и ещё выполняется: обновите страницу позже.' : settled ? outcomeMessage(action, state) : stillRunning(action, state),
  };
  await audit(after, { outcome: settled ? 'DONE' : 'IN_PROGRESS', settled });
  return result;
};

/** The wait ran out (or an older worker answered before the work ended): where it stands, plainly. */
const stillRunning = (action: PaymentAction, state: PaymentState): string =>
  state.status === 'POSTING' || action !== 'refund' ? outcomeMessage(action, state) : 'Возврат ещё выполняется: обновите страницу через несколько секунд.';

/** Ask the acquirer now (UNCONFIRMED, or still on its pages). */
export const recheckPayment = (options: PaymentActionOptions) =>
  runPaymentAction({ ...options, action: 'recheck', details: {}, update: recheckUpdate, args: [{ actor: options.staff.email }] });

/** Replay the receipt issue and ledger posting of a payment parked at stage POSTING (posts once, whatever happens). */
export const retryPaymentPosting = (options: PaymentActionOptions) =>
  runPaymentAction({ ...options, action: 'retryPosting', details: {}, update: retryPostingUpdate, args: [{ actor: options.staff.email }] });

/** Replay the receipt email; `email` corrects the address, `null` drops the email (the receipt stays downloadable). */
export const retryReceiptDelivery = (options: PaymentActionOptions & { email?: string | null }) =>
  runPaymentAction({
    ...options,
    action: 'retryDelivery',
    details: options.email === undefined ? { email: 'unchanged' } : { email: options.email },
    update: retryDeliveryUpdate,
    args: [{ actor: options.staff.email, ...(options.email !== undefined ? { email: options.email } : {}) }],
  });
