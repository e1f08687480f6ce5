// The refund workflow's public surface: a refund of a payment that already COMPLETED (a claim
// resolved as "refunded"), run as its own workflow `refund-<paymentId>` because the payment's
// workflow has closed. A payment still waiting in NEEDS_ATTENTION is refunded by the payment
// workflow's own `refund` update instead. Staff never choose between the two: the console's one
// entry point (admin/src/server/operations/refund-payment.ts) picks by whether the payment's
// workflow still runs. Shared by the worker, the console and the tests.
//
// A payment's status has two owners in time, never at once: its own workflow until it closes,
// then this refund. `withLaterRefund` below is the one rule that combines them, and
// @voltpay/stack/payment-status the one reader the site and the console ask.
import { defineQuery } from '@temporalio/workflow';
import { PAYMENT_ID_PATTERN, type PaymentActivities, type PaymentState, type TimelineEntry } from '../payment/definitions';
import type { Kopecks, PaymentStatus } from '@voltpay/domain';

export const REFUND_WORKFLOW_TYPE = 'refundWorkflow';
export const refundWorkflowId = (paymentId: string) => `refund-${paymentId}`;
export const paymentIdFromRefundWorkflowId = (workflowId: string): string | null => {
  const id = workflowId.startsWith('refund-') ? workflowId.slice('refund-'.length) : '';
  return PAYMENT_ID_PATTERN.test(id) ? id : null;
};

/**
 * Start options every starter must use (values of @temporalio/common's enums): a request while a
 * refund runs joins it (USE_EXISTING), and once one has completed the id cannot start again
 * (ALLOW_DUPLICATE_FAILED_ONLY), so a payment is refunded by one successful run at most. A run
 * that failed (the acquirer refused or was down) may be requested again.
 */
export const REFUND_WORKFLOW_ID_CONFLICT_POLICY = 'USE_EXISTING' as const;
export const REFUND_WORKFLOW_ID_REUSE_POLICY = 'ALLOW_DUPLICATE_FAILED_ONLY' as const;

export type RefundStartInput = {
  paymentId: string;
  /** The member of staff who asked (their email): kept in the timeline and the ledger's description. */
  actor: string;
  /** Why, as the claim's resolution says it (1–500 characters). */
  reason: string;
};

export type RefundStatus =
  /** Reading the payment: it must be COMPLETED and its workflow closed. */
  | 'CHECKING'
  | 'REFUNDING_AT_ACQUIRER'
  | 'REVERSING_LEDGER'
  /** Writing REFUNDED to the payments read model. */
  | 'RECORDING'
  | 'REFUNDED'
  /** The read model already said REFUNDED (refunded another way): nothing was done. */
  | 'ALREADY_REFUNDED';

export type RefundState = {
  paymentId: string;
  actor: string;
  reason: string;
  status: RefundStatus;
  requestedAt: string;
  acquirerOrderId: string | null;
  amountKopecks: Kopecks | null;
  /** The REFUND ledger posting (the reversal of the PAYMENT posting). */
  ledgerPostingId: string | null;
  /** The read-model revision this refund wrote: the payment's final revision + 1. */
  recordedRevision: number | null;
  finishedAt: string | null;
  timeline: TimelineEntry[];
};

export const getRefundStateQuery = defineQuery<RefundState>('getRefundState');

/** Why a refund run failed (ApplicationFailure types; the console maps them to messages). */
export const RefundErrorType = {
  INVALID_INPUT: 'INVALID_INPUT',
  /** No payments row: the payment was never confirmed. */
  PAYMENT_NOT_FOUND: 'PAYMENT_NOT_FOUND',
  /** Only COMPLETED payments; `details[0]` is the payment's status. */
  NOT_REFUNDABLE: 'NOT_REFUNDABLE',
  /** The payment's workflow is still open: use its own `refund` update, or wait for it to close. */
  PAYMENT_STILL_RUNNING: 'PAYMENT_STILL_RUNNING',
  /** The acquirer refused or did not answer; nothing changed on our side. Request the refund again. */
  OPERATOR_ACTION_FAILED: 'OPERATOR_ACTION_FAILED',
} as const;
export type RefundErrorType = (typeof RefundErrorType)[keyof typeof RefundErrorType];

/** What the refund needs to know of the payment (its read model row and whether its workflow is open). */
export type RefundablePayment = {
  status: PaymentStatus;
  /** The row's revision: the payment workflow's final one once that workflow is closed. */
  revision: number;
  acquirerOrderId: string | null;
  totalKopecks: Kopecks;
  /** True while `payment-<id>` is still running (it may still write the read model). */
  paymentWorkflowOpen: boolean;
};

export type RefundActivities = Pick<PaymentActivities, 'refundAcquirerOrder' | 'postRefundToLedger'> & {
  /** null when there is no payments row for the id. */
  loadRefundablePayment: (input: { paymentId: string }) => Promise<RefundablePayment | null>;
  /** Writes REFUNDED (with the reason) at `revision` unless the row already has it or a later one. */
  recordRefund: (input: { paymentId: string; revision: number; reason: string }) => Promise<void>;
};

/** The refund's words for the resident: the operator's reason is an internal note. */
export const RESIDENT_REFUND_REASON = 'refunded by the utility';

/**
 * A payment's state once a refund of it may have run: the payment's workflow answers until it
 * closes, COMPLETED; a refund that finished since (REFUNDED, or found it ALREADY_REFUNDED) makes
 * it REFUNDED. A refund still running or failed changes nothing: the money has not gone back.
 */
export const withLaterRefund = (payment: PaymentState, refund: RefundState | null): PaymentState => {
  if (payment.status !== 'COMPLETED' || !refund || refund.paymentId !== payment.paymentId) return payment;
  if (refund.status !== 'REFUNDED' && refund.status !== 'ALREADY_REFUNDED') return payment;
  const at = refund.finishedAt ?? refund.requestedAt;
  return { ...payment, status: 'REFUNDED', expiresAt: null, refund: payment.refund ?? { reason: RESIDENT_REFUND_REASON, at } };
};
