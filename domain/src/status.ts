// What state a payment is in, as every reader names it. The payment's workflow says which one a
// payment is in; this is only the vocabulary (and which states are final).

/**
 * Waiting states: DRAFT (the resident fills the steps), AWAITING_CARD (on the acquirer's pages;
 * cancel allowed), PROCESSING (3-D Secure passed, the acquirer decides; cancel refused),
 * UNCONFIRMED (the acquirer's answer is unknown: re-checked on a schedule), POSTING (ledger,
 * receipt, delivery), NEEDS_ATTENTION (waits for an operator).
 * Terminal: COMPLETED, CANCELLED, EXPIRED, DECLINED, REFUNDED.
 */
export type PaymentStatus =
  'DRAFT' | 'AWAITING_CARD' | 'PROCESSING' | 'UNCONFIRMED' | 'POSTING' | 'NEEDS_ATTENTION' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED' | 'DECLINED' | 'REFUNDED';

export const TERMINAL_STATUSES: readonly PaymentStatus[] = ['COMPLETED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'REFUNDED'];
