// An acquirer's order and its notifications, in our terms: what the gateway returns and the
// webhook route signals to the workflow, and what the sandbox acquirer serves. Plain data types.
import type { Kopecks } from './types';

/** The acquirer's view of an order (what `getAcquirerOrder` returns). */
export type AcquirerOrderStatus =
  /** Created; the card page was not submitted yet. */
  | 'CREATED'
  /** Card accepted; waiting for the one-time password (3-D Secure). */
  | 'AWAITING_OTP'
  /** 3-D Secure done (or frictionless); authorisation under way. Can no longer be voided. */
  | 'PROCESSING'
  | 'APPROVED'
  | 'DECLINED'
  | 'VOIDED'
  | 'REFUNDED';

export type AcquirerOrder = {
  orderId: string;
  /** Our payment id, as sent when the order was created. */
  reference: string;
  status: AcquirerOrderStatus;
  amountKopecks: Kopecks;
  /** Roubles only: the gateway refuses an order or event in any other currency. */
  currency: 'RUB';
  cardLast4: string | null;
  /** DECLINED only: the acquirer's reason code (`insufficient_funds`, `do_not_honor`, `otp_failed`, …). */
  declineReason: string | null;
};

/** A notification from the acquirer (webhook → web → this signal). Duplicates are harmless. */
export type AcquirerEvent = {
  /** The acquirer's id for this notification; the workflow ignores an id it has seen. */
  eventId: string;
  orderId: string;
  /** Our payment id, as sent when the order was created: the webhook route finds the workflow by it. */
  reference: string;
  type: 'OTP_PASSED' | 'APPROVED' | 'DECLINED' | 'VOIDED' | 'REFUNDED';
  amountKopecks: Kopecks;
  currency: 'RUB';
  cardLast4: string | null;
  declineReason: string | null;
  occurredAt: string;
};
