// Server side of the payment pages: the payment's state from its workflow (the getState query),
// once per request (metadata and page share it).
import { cache } from 'react';
import { PAYMENT_ID_PATTERN, type PaymentState } from '@voltpay/workflows/payment';
import { toApiError } from '../api/errors';
import { queryPaymentState } from '../api/payments';
import { PaymentStateSchema } from '../api/schemas';

/**
 * The payment's state as the API would answer it (cut to the documented fields), or null when the
 * id is no payment's. Temporal being down is thrown: the pages' error boundary says "try again".
 */
export const loadPaymentState = cache(async (rawId: string): Promise<PaymentState | null> => {
  const paymentId = rawId.trim().toLowerCase();
  if (!PAYMENT_ID_PATTERN.test(paymentId)) return null;
  try {
    return PaymentStateSchema.parse(await queryPaymentState(paymentId));
  } catch (error) {
    if (toApiError(error).code === 'PAYMENT_NOT_FOUND') return null;
    throw error;
  }
});
