// The acquirer's notifications → the payment workflow's acquirerEvent signal. The route only
// verifies and forwards: the workflow ignores an eventId it has seen, so a duplicate is harmless.
import { WorkflowNotFoundError } from '@temporalio/common';
import { PAYMENT_ID_PATTERN } from '@voltpay/workflows/payment';
import type { AcquirerEvent } from '@voltpay/domain';
import { ApiError, isUnavailable } from './errors';

export type WebhookOutcome =
  /** Delivered to the payment's workflow. */
  | { outcome: 'SIGNALLED'; paymentId: string }
  /** Genuine, but for no payment we run (unknown, or long finished): acknowledged so the acquirer stops retrying. */
  | { outcome: 'IGNORED'; reason: 'UNKNOWN_REFERENCE' | 'PAYMENT_NOT_FOUND'; reference: string };

export type WebhookDependencies = {
  /** The gateway's check: returns the event, or throws WebhookSignatureError. */
  parseWebhook: (input: { rawBody: string; headers: Headers }) => AcquirerEvent;
  signalPayment: (input: { paymentId: string; event: AcquirerEvent }) => Promise<void>;
};

const isSignatureError = (error: unknown): error is Error & { reason: string } =>
  error instanceof Error && error.name === 'WebhookSignatureError' && typeof (error as { reason?: unknown }).reason === 'string';

/**
 * 401 for a signature that is missing, wrong or stale; 400 for a signed body that is not an
 * event; 503 while Temporal cannot take the signal (the acquirer retries); otherwise 200.
 */
export const handleAcquirerWebhook = async ({
  rawBody,
  headers,
  parseWebhook,
  signalPayment,
}: { rawBody: string; headers: Headers } & WebhookDependencies): Promise<WebhookOutcome> => {
  let event: AcquirerEvent;
  try {
    event = parseWebhook({ rawBody, headers });
  } catch (error) {
    if (isSignatureError(error)) {
      throw error.reason === 'invalid_body'
        ? new ApiError({ code: 'WEBHOOK_INVALID', status: 400, cause: error })
        : new ApiError({ code: 'WEBHOOK_SIGNATURE_INVALID', status: 401, cause: error });
    }
    throw error;
  }
  const paymentId = event.reference.trim().toLowerCase();
  if (!PAYMENT_ID_PATTERN.test(paymentId)) return { outcome: 'IGNORED', reason: 'UNKNOWN_REFERENCE', reference: event.reference };
  try {
    await signalPayment({ paymentId, event });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { outcome: 'IGNORED', reason: 'PAYMENT_NOT_FOUND', reference: paymentId };
    if (isUnavailable(error)) throw new ApiError({ code: 'SERVICE_UNAVAILABLE', status: 503, headers: { 'retry-after': '30' }, cause: error });
    throw error;
  }
  return { outcome: 'SIGNALLED', paymentId };
};
