// Which page a payment shows, decided from its workflow state alone: a reload, a second tab or the
// back button lands on the same step of the same payment (DESIGN §2, issue 4).
import type { PaymentStatus } from '@voltpay/domain';
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
 * Whether the status page should ask again: in every state that is not final for the resident —
 * while the bank decides, while the charge is being posted, while an operator looks at it
 * (NEEDS_ATTENTION ends in COMPLETED or REFUNDED) and, once COMPLETED, until the receipt and the
 * email the resident asked for are both there. Stopping earlier left "posting in progress" or
 * "the receipt will be sent" on screen until a reload (issue "As residents and clerks see it", 13).
 */
export const shouldPoll = (state: Pick<ResidentPaymentState, 'status' | 'receipt' | 'receiptEmail' | 'delivery'>): boolean => {
  const status: PaymentStatus = state.status;
  switch (status) {
    case 'AWAITING_CARD':
    case 'PROCESSING':
    case 'UNCONFIRMED':
    case 'POSTING':
    case 'NEEDS_ATTENTION':
      return true;
    case 'COMPLETED':
      return state.receipt === null || (state.receiptEmail !== null && state.delivery === null);
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

/**
 * Milliseconds between polls. A change the resident waits for (the bank's answer, posting, the
 * receipt, its email) shows within a second, however long the page has been open. An unconfirmed
 * payment is re-checked by the janitor with backoff, so asking it often only adds load.
 */
export const pollDelayMs = ({ status, attempt }: { status: PaymentStatus; attempt: number }): number => {
  switch (status) {
    case 'UNCONFIRMED':
      return Math.min(10_000, 1_000 + attempt * 500);
    default:
      return 1_000;
  }
};
