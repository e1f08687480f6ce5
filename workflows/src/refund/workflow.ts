// The refund of a COMPLETED payment (DESIGN §3: operators refund): check the payment, refund the
// order at the acquirer, reverse the ledger posting, mark the read model REFUNDED. Every step is
// idempotent on the payment id, and the id policy (definitions.ts) lets one run succeed at most.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import { errorMessage, fail } from '../failures';
import { PAYMENT_ID_PATTERN } from '../payment/definitions';
import { RefundErrorType, getRefundStateQuery, type RefundActivities, type RefundStartInput, type RefundState, type RefundStatus } from './definitions';

const checks = proxyActivities<Pick<RefundActivities, 'loadRefundablePayment'>>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});

const acquirer = proxyActivities<Pick<RefundActivities, 'refundAcquirerOrder'>>({
  // An operator waits on this: fail fast and let them ask again (a new run of the same id).
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '3 seconds', maximumAttempts: 3 },
});

const books = proxyActivities<Pick<RefundActivities, 'postRefundToLedger' | 'recordRefund'>>({
  // Once the acquirer has given the money back, our books must follow, however long our own
  // database is away: retried without a limit (the run shows as open with a pending activity,
  // in the console and the Temporal UI), never given up.
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const refundWorkflow = async (input: RefundStartInput): Promise<RefundState> => {
  const requestedAt = new Date().toISOString();
  const state: RefundState = {
    paymentId: String(input?.paymentId ?? ''),
    actor: String(input?.actor ?? ''),
    reason: String(input?.reason ?? '').trim(),
    status: 'CHECKING',
    requestedAt,
    acquirerOrderId: null,
    amountKopecks: null,
    ledgerPostingId: null,
    recordedRevision: null,
    finishedAt: null,
    timeline: [{ at: requestedAt, event: 'REQUESTED', detail: `by ${String(input?.actor ?? '')}` }],
  };
  setHandler(getRefundStateQuery, () => state);
  const moveTo = (status: RefundStatus, detail?: string) => {
    state.status = status;
    state.timeline.push({ at: new Date().toISOString(), event: status, ...(detail ? { detail } : {}) });
  };

  if (!PAYMENT_ID_PATTERN.test(state.paymentId)) fail(RefundErrorType.INVALID_INPUT, 'paymentId is not a payment id', { field: 'paymentId' });
  if (!state.actor.trim()) fail(RefundErrorType.INVALID_INPUT, 'actor is required', { field: 'actor' });
  if (!state.reason || state.reason.length > 500) fail(RefundErrorType.INVALID_INPUT, 'a refund needs a reason (up to 500 characters)', { field: 'reason' });

  const payment = await checks.loadRefundablePayment({ paymentId: state.paymentId });
  if (!payment) return fail(RefundErrorType.PAYMENT_NOT_FOUND, `no payment ${state.paymentId}`);
  if (payment.status === 'REFUNDED') {
    moveTo('ALREADY_REFUNDED');
    state.finishedAt = new Date().toISOString();
    return state;
  }
  if (payment.paymentWorkflowOpen) {
    return fail(
      RefundErrorType.PAYMENT_STILL_RUNNING,
      payment.status === 'NEEDS_ATTENTION'
        ? 'the payment waits for an operator: refund it with its own refund action'
        : `the payment's workflow is still running (${payment.status}); try again once it has finished`,
      payment.status,
    );
  }
  if (payment.status !== 'COMPLETED')
    return fail(RefundErrorType.NOT_REFUNDABLE, `only a COMPLETED payment can be refunded here, this one is ${payment.status}`, payment.status);
  if (!payment.acquirerOrderId) return fail(RefundErrorType.NOT_REFUNDABLE, 'the payment has no acquirer order', payment.status);
  state.acquirerOrderId = payment.acquirerOrderId;
  state.amountKopecks = payment.totalKopecks;

  // A COMPLETED payment passed the amount check before posting: the approved amount is its total.
  moveTo('REFUNDING_AT_ACQUIRER', `order ${payment.acquirerOrderId}, ${payment.totalKopecks} kopecks`);
  const order = await acquirer
    .refundAcquirerOrder({ paymentId: state.paymentId, orderId: payment.acquirerOrderId, amountKopecks: payment.totalKopecks })
    .catch((error: unknown) => fail(RefundErrorType.OPERATOR_ACTION_FAILED, `the acquirer refused or did not answer: ${errorMessage(error)}`));
  if (order.status !== 'REFUNDED') return fail(RefundErrorType.OPERATOR_ACTION_FAILED, `the acquirer says the order is ${order.status}`, order.status);

  moveTo('REVERSING_LEDGER');
  const reversal = await books.postRefundToLedger({ paymentId: state.paymentId, reason: `${state.reason} (${state.actor})` });
  state.ledgerPostingId = reversal.postingId;

  // Revision ordering: the payments row only moves to a higher revision (recordPayment). The
  // payment workflow is closed (checked above, and it flushes its last revision before it
  // closes), so nothing of it can still be written: the row's revision is its final one, and
  // final + 1 can only be ours. A late or retried write of this record changes nothing, and a
  // straggling attempt of the payment's own recordPayment carries a lower revision and loses.
  // (Signalling the payment workflow instead is impossible: it has closed.)
  moveTo('RECORDING');
  state.recordedRevision = payment.revision + 1;
  await books.recordRefund({ paymentId: state.paymentId, revision: state.recordedRevision, reason: state.reason });

  state.finishedAt = new Date().toISOString();
  moveTo('REFUNDED', `by ${state.actor}: ${state.reason}`);
  return state;
};
