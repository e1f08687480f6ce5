import { ApplicationFailure } from '@temporalio/common';
import { AcquirerUnavailableError, createSandboxGateway } from '@voltpay/acquirer-gateway';
import { describe, expect, it } from 'vitest';
import { createAcquirerActivities } from './activities';

// The sandbox gateway over a fake fetch: the activities are tested through the real client, as the worker runs them.
const order = {
  orderId: 'ord_1',
  reference: 'pay-1',
  status: 'CREATED',
  amountKopecks: 123456,
  cardLast4: null,
  declineReason: null,
  paymentUrl: 'http://acq/pay/ord_1',
  currency: 'RUB',
};

type Call = { url: string; init: RequestInit };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const gatewayWith = (respond: (call: Call) => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: url instanceof Request ? url.url : url.toString(), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { gateway: createSandboxGateway({ baseUrl: 'http://acq/', apiKey: 'key_0123456789abcdef', webhookSecret: 's'.repeat(64), fetch }), calls };
};

describe('acquirer activities', () => {
  it('send our payment id as the reference and the site’s return page as the return link', async () => {
    const { gateway, calls } = gatewayWith(() => json(order, 201));
    const activities = createAcquirerActivities({ gateway, webPublicUrl: 'https://pay.example.ru/' });
    await activities.createAcquirerOrder({ paymentId: 'pay-1', attempt: 2, amountKopecks: 500, description: 'x', locale: 'en' });
    expect(JSON.parse(calls[0]!.init.body as string)).toMatchObject({ reference: 'pay-1', attempt: 2, returnUrl: 'https://pay.example.ru/pay/pay-1/return' });
  });

  it('a refusal becomes a non-retryable failure; unavailability stays retryable', async () => {
    const refused = createAcquirerActivities({ gateway: gatewayWith(() => json({ error: 'invalid_request' }, 400)).gateway, webPublicUrl: 'http://web' });
    const failure = await refused.getAcquirerOrder({ paymentId: 'pay-1', orderId: 'ord_1' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: 'AcquirerRejected' });

    const down = createAcquirerActivities({ gateway: gatewayWith(() => json({}, 503)).gateway, webPublicUrl: 'http://web' });
    await expect(down.getAcquirerOrder({ paymentId: 'pay-1', orderId: 'ord_1' })).rejects.toBeInstanceOf(AcquirerUnavailableError);
  });

  it('refuses an order that belongs to another payment', async () => {
    const activities = createAcquirerActivities({
      gateway: gatewayWith(() => json({ ...order, reference: 'someone-else' })).gateway,
      webPublicUrl: 'http://web',
    });
    await expect(activities.getAcquirerOrder({ paymentId: 'pay-1', orderId: 'ord_1' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'AcquirerReferenceMismatch',
    });
  });
});
