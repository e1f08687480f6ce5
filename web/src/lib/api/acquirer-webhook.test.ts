import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { AcquirerEvent } from '@voltpay/domain';
import { describe, expect, it, vi } from 'vitest';
import { handleAcquirerWebhook, type WebhookDependencies } from './acquirer-webhook';

const PAYMENT_ID = '3f0c8f9e-2b1a-4c7d-9e55-0a1b2c3d4e5f';
const event: AcquirerEvent = {
  eventId: 'evt_1',
  orderId: 'ord_1',
  reference: PAYMENT_ID,
  type: 'APPROVED',
  amountKopecks: 123456,
  currency: 'RUB',
  cardLast4: '4242',
  declineReason: null,
  occurredAt: '2026-11-05T09:30:00.000Z',
};

class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

const run = (deps: Partial<WebhookDependencies>) => {
  const signalPayment = deps.signalPayment ?? vi.fn(async () => {});
  const promise = handleAcquirerWebhook({
    rawBody: '{"signed":true}',
    headers: new Headers(),
    parseWebhook: deps.parseWebhook ?? (() => event),
    signalPayment,
  });
  return { promise, signalPayment };
};

describe('handleAcquirerWebhook', () => {
  it('signals the payment’s workflow with the event, once per delivery', async () => {
    const { promise, signalPayment } = run({});
    await expect(promise).resolves.toEqual({ outcome: 'SIGNALLED', paymentId: PAYMENT_ID });
    expect(signalPayment).toHaveBeenCalledTimes(1);
    expect(signalPayment).toHaveBeenCalledWith({ paymentId: PAYMENT_ID, event });
  });

  it('passes a duplicate on as well: the workflow drops event ids it has seen', async () => {
    const signalPayment = vi.fn(async () => {});
    await run({ signalPayment }).promise;
    await run({ signalPayment }).promise;
    expect(signalPayment).toHaveBeenCalledTimes(2);
  });

  it.each(['missing', 'malformed', 'mismatch', 'timestamp_out_of_tolerance'])('a %s signature is 401, and nothing is signalled', async (reason) => {
    const { promise, signalPayment } = run({
      parseWebhook: () => {
        throw new WebhookSignatureError(reason);
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID', status: 401 });
    expect(signalPayment).not.toHaveBeenCalled();
  });

  it('a signed body that is no event is 400', async () => {
    const { promise } = run({
      parseWebhook: () => {
        throw new WebhookSignatureError('invalid_body');
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'WEBHOOK_INVALID', status: 400 });
  });

  it('acknowledges an event for a payment we do not run, so the acquirer stops retrying', async () => {
    const { promise } = run({
      signalPayment: async () => {
        throw new WorkflowNotFoundError('not found', `payment-${PAYMENT_ID}`, undefined);
      },
    });
    await expect(promise).resolves.toEqual({ outcome: 'IGNORED', reason: 'PAYMENT_NOT_FOUND', reference: PAYMENT_ID });
  });

  it('acknowledges an event whose reference cannot be a payment id without asking Temporal', async () => {
    const { promise, signalPayment } = run({ parseWebhook: () => ({ ...event, reference: 'order-42' }) });
    await expect(promise).resolves.toMatchObject({ outcome: 'IGNORED', reason: 'UNKNOWN_REFERENCE' });
    expect(signalPayment).not.toHaveBeenCalled();
  });

  it('answers 503 while Temporal is down, so the acquirer retries', async () => {
    const { promise } = run({
      signalPayment: async () => {
        throw Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: 'connect failed', metadata: {} });
      },
    });
    await expect(promise).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('lets anything else through as the unexpected error it is', async () => {
    const failure = ApplicationFailure.create({ message: 'boom' });
    const { promise } = run({
      signalPayment: async () => {
        throw failure;
      },
    });
    await expect(promise).rejects.toBe(failure);
  });
});
