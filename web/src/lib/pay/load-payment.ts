// Server side of the payment pages: the payment's state from its workflow (the getState query),
// once per request (metadata and page share it).
import { cache } from 'react';
import { PAYMENT_ID_PATTERN } from '@voltpay/workflows/payment';
import { toApiError } from '../api/errors';
import { queryPaymentState } from '../api/payments';
import { toResidentPaymentState } from '../api/resident-payment';
import { PaymentStateSchema, type ResidentPaymentState } from '../api/schemas';

/**
 * The payment's state as the API would answer it (the resident's view), or null when the
 * id is no payment's. Temporal being down is thrown: the pages' error boundary says "try again".
 */
export const loadPaymentState = cache(async (rawId: string): Promise<ResidentPaymentState | null> => {
  const paymentId = rawId.trim().toLowerCase();
  if (!PAYMENT_ID_PATTERN.test(paymentId)) return null;
  try {
    return PaymentStateSchema.parse(toResidentPaymentState(await queryPaymentState(paymentId)));
  } catch (error) {
    if (toApiError(error).code === 'PAYMENT_NOT_FOUND') return null;
    throw error;
  }
});
