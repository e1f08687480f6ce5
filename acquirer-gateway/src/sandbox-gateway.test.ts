import { describe, expect, it } from 'vitest';
import { AcquirerRejectedError, AcquirerUnavailableError } from './errors';
import { createSandboxGateway } from './sandbox-gateway';
import { signWebhook, WebhookSignatureError } from '@voltpay/sandbox-acquirer/webhook-signature';

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
const secret = 's'.repeat(64);

type Call = { url: string; init: RequestInit };
const fakeFetch = (respond: (call: Call) => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: url instanceof Request ? url.url : url.toString(), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const gatewayWith = (respond: (call: Call) => Response | Promise<Response>, timeoutMs?: number) => {
  const fake = fakeFetch(respond);
  return {
    gateway: createSandboxGateway({
      baseUrl: 'http://acq/',
      apiKey: 'key_0123456789abcdef',
      webhookSecret: secret,
      fetch: fake.fetch,
      ...(timeoutMs ? { timeoutMs } : {}),
    }),
    calls: fake.calls,
  };
};

const createInput = {
  reference: 'pay-1',
  attempt: 1,
  amountKopecks: 123456,
  description: 'Электроэнергия',
  locale: 'ru' as const,
  returnUrl: 'http://web/pay/pay-1/return',
};

describe('sandbox gateway', () => {
  it('creates an order with a bearer key and RUB, and returns only its id and payment link', async () => {
    const { gateway, calls } = gatewayWith(() => json(order, 201));
    expect(await gateway.createOrder(createInput)).toEqual({ orderId: 'ord_1', paymentUrl: 'http://acq/pay/ord_1' });
    expect(calls[0]!.url).toBe('http://acq/api/v1/orders');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer key_0123456789abcdef');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ ...createInput, currency: 'RUB' });
  });

  it('a network error, a 5xx, a 429 and an unreadable 200 are "unavailable" (retry)', async () => {
    for (const respond of [
      () => Promise.reject(new TypeError('fetch failed')),
      () => json({ error: 'acquirer_unavailable' }, 503),
      () => json({}, 429),
      () => new Response('<html>proxy error</html>', { status: 200 }),
    ]) {
      const { gateway } = gatewayWith(respond);
      await expect(gateway.getOrder({ orderId: 'ord_1' })).rejects.toBeInstanceOf(AcquirerUnavailableError);
    }
  });

  it('no answer within the timeout is "unavailable"', async () => {
    const { gateway } = gatewayWith(
      ({ init }) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error))),
      50,
    );
    await expect(gateway.getOrder({ orderId: 'ord_1' })).rejects.toThrow(/no answer within 50 ms/);
  });

  it('a 4xx is "rejected" with the acquirer’s code', async () => {
    const { gateway } = gatewayWith(() => json({ error: 'not_refundable', message: 'an order in status DECLINED cannot be refunded' }, 409));
    const error = await gateway.refundOrder({ orderId: 'ord_1', amountKopecks: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcquirerRejectedError);
    expect(error).toMatchObject({ status: 409, code: 'not_refundable' });
  });

  it('void: 200 is voided; 409 with the order is "too late", not an error', async () => {
    const voided = gatewayWith(() => json({ ...order, status: 'VOIDED' }));
    expect(await voided.gateway.voidOrder({ orderId: 'ord_1' })).toEqual({ voided: true, order: { ...order, status: 'VOIDED', paymentUrl: undefined } });
    const late = gatewayWith(() => json({ error: 'not_voidable', order: { ...order, status: 'PROCESSING', cardLast4: '3220' } }, 409));
    const result = await late.gateway.voidOrder({ orderId: 'ord_1' });
    expect(result.voided).toBe(false);
    expect(result.order).toMatchObject({ status: 'PROCESSING', cardLast4: '3220' });
    expect(Object.keys(result.order).sort()).toEqual(['amountKopecks', 'cardLast4', 'currency', 'declineReason', 'orderId', 'reference', 'status']);
  });

  it('parses a signed webhook and refuses an unsigned or tampered one', () => {
    const { gateway } = gatewayWith(() => json({}));
    const event = {
      eventId: 'evt_1',
      orderId: 'ord_1',
      reference: 'pay-1',
      type: 'APPROVED',
      amountKopecks: 123456,
      currency: 'RUB',
      cardLast4: '1111',
      declineReason: null,
      occurredAt: '2026-11-15T12:00:00.000Z',
    };
    const rawBody = JSON.stringify(event);
    const headers = { 'Voltpay-Acquirer-Signature': signWebhook({ secret, rawBody }) };
    expect(gateway.parseWebhook({ rawBody, headers })).toEqual(event);
    expect(gateway.parseWebhook({ rawBody, headers: new Headers(headers) })).toEqual(event);
    expect(() => gateway.parseWebhook({ rawBody, headers: {} })).toThrow(WebhookSignatureError);
    expect(() => gateway.parseWebhook({ rawBody: rawBody.replace('1111', '9999'), headers })).toThrow(WebhookSignatureError);
    const notAnEvent = JSON.stringify({ hello: 'world' });
    expect(() =>
      gateway.parseWebhook({ rawBody: notAnEvent, headers: { 'voltpay-acquirer-signature': signWebhook({ secret, rawBody: notAnEvent }) } }),
    ).toThrow(/not an acquirer event/);
  });

  it('refuses an order or an event in any currency but roubles, or with none', async () => {
    for (const currency of ['USD', undefined]) {
      const { gateway } = gatewayWith(() => json({ ...order, status: 'APPROVED', currency }));
      await expect(gateway.getOrder({ orderId: 'ord_1' })).rejects.toThrow(/currency|expected/);
      const rawBody = JSON.stringify({
        eventId: 'evt_2',
        orderId: 'ord_1',
        reference: 'pay-1',
        type: 'APPROVED',
        amountKopecks: 1,
        currency,
        cardLast4: null,
        declineReason: null,
        occurredAt: '2026-11-15T12:00:00.000Z',
      });
      expect(() => gateway.parseWebhook({ rawBody, headers: { 'voltpay-acquirer-signature': signWebhook({ secret, rawBody }) } })).toThrow(
        /not an acquirer event/,
      );
    }
  });
});
