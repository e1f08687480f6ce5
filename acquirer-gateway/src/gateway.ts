// What Voltpay needs from an acquirer. The sandbox implements it (sandbox-gateway.ts); a real
// acquirer's client is another implementation of the same type, chosen in createAcquirerGatewayFromEnv.
import type { AcquirerEvent, AcquirerOrder, Kopecks, Locale } from '@voltpay/domain';

export type CreateOrderInput = {
  /** Our payment id: the acquirer keeps it on the order and sends it back in every webhook. */
  reference: string;
  /** Which confirmation of the payment this is; (reference, attempt) is the idempotency key. */
  attempt: number;
  amountKopecks: Kopecks;
  description: string;
  locale: Locale;
  /** Where the acquirer's pages send the resident back when the card step ends, whatever the outcome. */
  returnUrl: string;
};

export type WebhookInput = {
  /** The request body exactly as received: the signature covers these bytes. */
  rawBody: string;
  headers: Headers | Record<string, string | undefined>;
};

/**
 * Every method throws AcquirerUnavailableError when the acquirer cannot be reached or fails
 * (retry later) and AcquirerRejectedError when it refuses the request (retrying will not help).
 */
export type AcquirerGateway = {
  /** Idempotent on (reference, attempt): the same input returns the same order. */
  createOrder: (input: CreateOrderInput) => Promise<{ orderId: string; paymentUrl: string }>;
  getOrder: (input: { orderId: string }) => Promise<AcquirerOrder>;
  /** Voids an order the resident has not authorised yet; `voided: false` with the order when it is too late. */
  voidOrder: (input: { orderId: string }) => Promise<{ voided: boolean; order: AcquirerOrder }>;
  /** Refunds an approved order in full; a repeated call returns the refunded order. */
  refundOrder: (input: { orderId: string; amountKopecks: Kopecks }) => Promise<AcquirerOrder>;
  /** The event in a webhook request; throws WebhookSignatureError when it is not genuine or not fresh. */
  parseWebhook: (input: WebhookInput) => AcquirerEvent;
};
