// Which page a payment shows, decided from its workflow state alone: a reload, a second tab or the
// back button lands on the same step of the same payment (DESIGN §2, issue 4).
import type { PaymentStatus } from '@voltpay/workflows/payment';
import type { ResidentPaymentState } from '../api/schemas';

/** The three kinds of page under /pay/<id>: the two draft forms, or where the payment is now. */
export type PaymentPage = 'account' | 'details' | 'status';

export const pageOfState = (state: Pick<ResidentPaymentState, 'status' | 'account'>): PaymentPage => {
  if (state.status !== 'DRAFT') return 'status';
  return state.account ? 'details' : 'account';
};

/** The review lists a complete draft only: account, period, electricity and a quote. */
export const isReviewable = (state: Pick<ResidentPaymentState, 'status' | 'account' | 'bill' | 'electricity' | 'quote'>): boolean =>
  state.status === 'DRAFT' && state.account !== null && state.bill !== null && state.electricity !== null && state.quote !== null;

/** What the resident is told, one screen per kind. POSTING, NEEDS_ATTENTION and COMPLETED all mean "charged". */
export type StatusScreen = 'draft' | 'awaitingCard' | 'processing' | 'unconfirmed' | 'success' | 'declined' | 'cancelled' | 'expired' | 'refunded';

export const screenOfState = (state: Pick<ResidentPaymentState, 'status' | 'acquirer'>): StatusScreen => {
  const status: PaymentStatus = state.status;
  switch (status) {
    case 'DRAFT':
      return 'draft';
    case 'AWAITING_CARD':
      // Past the one-time password the bank is deciding: nothing left for the resident to do.
      return state.acquirer?.otpPassed ? 'processing' : 'awaitingCard';
    case 'PROCESSING':
      return 'processing';
    case 'UNCONFIRMED':
      return 'unconfirmed';
    case 'POSTING':
    case 'NEEDS_ATTENTION':
    case 'COMPLETED':
      return 'success';
    case 'DECLINED':
      return 'declined';
    case 'CANCELLED':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    case 'REFUNDED':
      return 'refunded';
    default: {
      const unknown: never = status;
      throw new RangeError(`screenOfState: unknown status ${String(unknown)}`);
    }
  }
};

/**
 * Whether the status page should ask again: while the bank decides, and after the charge until
 * the receipt (and its email) is there. An operator's case with a receipt already shown waits
 * for people, not seconds.
 */
export const shouldPoll = (state: Pick<ResidentPaymentState, 'status' | 'receipt'>): boolean => {
  const status: PaymentStatus = state.status;
  switch (status) {
    case 'AWAITING_CARD':
    case 'PROCESSING':
    case 'UNCONFIRMED':
    case 'POSTING':
      return true;
    case 'NEEDS_ATTENTION':
    case 'COMPLETED':
      return state.receipt === null;
    case 'DRAFT':
    case 'DECLINED':
    case 'CANCELLED':
    case 'EXPIRED':
    case 'REFUNDED':
      return false;
    default: {
      const unknown: never = status;
      throw new RangeError(`shouldPoll: unknown status ${String(unknown)}`);
    }
  }
};

/** Seconds between polls: quick while a result is seconds away, slower for an unconfirmed payment. */
export const pollDelayMs = ({ status, attempt }: { status: PaymentStatus; attempt: number }): number => {
  const cap = status === 'UNCONFIRMED' ? 10_000 : 4_000;
  return Math.min(cap, 1_000 + attempt * 500);
};
