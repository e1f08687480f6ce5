// The sandbox acquirer against a real Postgres (a throwaway database of its own), driven through
// our own gateway client and its card pages, with a local HTTP server receiving its webhooks.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcquirerRejectedError, AcquirerUnavailableError, createSandboxGateway, type AcquirerGateway } from '@voltpay/acquirer-gateway';
import { createSandboxAcquirer, createSandboxLog, createSandboxPool, type SandboxAcquirer } from '@voltpay/sandbox-acquirer';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@voltpay/prisma/testing';
import type { AcquirerEvent } from '@voltpay/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { stackEnv } from './support/stack-env';

const API_KEY = `sandbox_test_${randomUUID()}`;
const WEBHOOK_SECRET = randomUUID().replace(/-/g, '').repeat(2);
const PUBLIC_URL = 'http://sandbox.test';
const OUTAGE_MS = 1_500;
const APPROVAL_DELAY_MS = 300;
const RETRY_SCHEDULE_MS = [150, 300, 450];
const CARDS = {
  frictionless: '4111 1111 1111 1111',
  otp: '4000 0000 0000 3220',
  declined: '4000 0000 0000 0002',
  insufficient: '4000 0000 0000 9995',
  noAnswer: '4000 0000 0000 3063',
  outage: '4000 0000 0000 0119',
};
const CVV = '987';

type Received = { headers: IncomingHttpHeaders; body: string; event: AcquirerEvent };

// The merchant's webhook endpoint: records what arrives; answers 500 for the orders told to fail.
const startReceiver = async () => {
  const received: Received[] = [];
  const failing = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const event = JSON.parse(body) as AcquirerEvent;
      received.push({ headers: req.headers, body, event });
      const left = failing.get(event.orderId) ?? 0;
      if (left > 0) failing.set(event.orderId, left - 1);
      res.writeHead(left > 0 ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/acquirer/webhook`,
    received,
    /** The next `times` deliveries of this order's webhooks get a 500. */
    fail: (orderId: string, times: number) => failing.set(orderId, times),
    of: (orderId: string) => received.filter((r) => r.event.orderId === orderId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe('sandbox acquirer', () => {
  let db: ThrowawayDatabase;
  let pool: ReturnType<typeof createSandboxPool>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let sandbox: SandboxAcquirer;
  let gateway: AcquirerGateway;
  const logLines: string[] = [];

  const makeSandbox = () =>
    createSandboxAcquirer({
      pool,
      apiKey: API_KEY,
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: receiver.url,
      publicUrl: PUBLIC_URL,
      outageMs: OUTAGE_MS,
      approvalDelayMs: APPROVAL_DELAY_MS,
      webhookRetryScheduleMs: RETRY_SCHEDULE_MS,
      log: createSandboxLog('debug', (line) => logLines.push(line)),
    });

  beforeAll(async () => {
    db = await createThrowawayDatabase({ adminUrl: stackEnv.databaseUrl, prefix: 'voltpay_sandbox_acquirer' });
    pool = createSandboxPool({ databaseUrl: db.url });
    receiver = await startReceiver();
    sandbox = makeSandbox();
    await sandbox.ensureSchema();
    // Our real client, talking to the app in-process instead of over a socket.
    gateway = createSandboxGateway({
      baseUrl: PUBLIC_URL,
      apiKey: API_KEY,
      webhookSecret: WEBHOOK_SECRET,
      fetch: (url, init) => Promise.resolve(sandbox.app.request(url, init)),
    });
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  afterAll(async () => {
    await receiver?.close();
    await pool?.end();
    await db?.drop();
  });

  const newOrder = async (overrides: Partial<Parameters<AcquirerGateway['createOrder']>[0]> = {}) => {
    const reference = randomUUID();
    const input = {
      reference,
      attempt: 1,
      amountKopecks: 123_456,
      description: 'Электроэнергия, лицевой счёт 99991234567, 2026-10',
      locale: 'ru' as const,
      returnUrl: `http://web.test/pay/${reference}/return`,
      ...overrides,
    };
    const created = await gateway.createOrder(input);
    return { ...created, input };
  };

  const expiryYear = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
  const submitCard = (orderId: string, number: string, fields: Record<string, string> = {}) =>
    sandbox.app.request(`/pay/${orderId}?lang=ru`, {
      method: 'POST',
      body: new URLSearchParams({ holder: 'IVAN PETROV', number, expMonth: '12', expYear: expiryYear, cvc: CVV, action: 'pay', ...fields }),
    });
  const otpPage = async (orderId: string) => (await sandbox.app.request(`/pay/${orderId}/otp?lang=ru`)).text();
  const sandboxCode = async (orderId: string) => /data-testid="sandbox-otp">(\d{6})</.exec(await otpPage(orderId))?.[1];
  const submitOtp = (orderId: string, fields: Record<string, string>) =>
    sandbox.app.request(`/pay/${orderId}/otp?lang=ru`, { method: 'POST', body: new URLSearchParams({ action: 'confirm', ...fields }) });

  /** Runs the sandbox's background work until `check` passes. */
  const eventually = async (check: () => Promise<void> | void, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await sandbox.tick();
      try {
        await check();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };

  it('creates orders idempotently on (reference, attempt), and refuses the same key with other details', async () => {
    const { orderId, paymentUrl, input } = await newOrder();
    expect(paymentUrl).toBe(`${PUBLIC_URL}/pay/${orderId}?lang=ru`);
    expect(await gateway.createOrder(input)).toEqual({ orderId, paymentUrl });
    const second = await gateway.createOrder({ ...input, attempt: 2 });
    expect(second.orderId).not.toBe(orderId);
    const conflict = await gateway.createOrder({ ...input, amountKopecks: 1 }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(AcquirerRejectedError);
    expect(conflict).toMatchObject({ status: 409, code: 'idempotency_conflict' });
    expect(await gateway.getOrder({ orderId })).toEqual({
      orderId,
      reference: input.reference,
      status: 'CREATED',
      amountKopecks: 123_456,
      currency: 'RUB',
      cardLast4: null,
      declineReason: null,
    });
  });

  it('refuses a wrong API key (401), a bad body (400) and an unknown order (404)', async () => {
    const stranger = createSandboxGateway({
      baseUrl: PUBLIC_URL,
      apiKey: 'not-the-key-0000000',
      webhookSecret: WEBHOOK_SECRET,
      fetch: (url, init) => Promise.resolve(sandbox.app.request(url, init)),
    });
    await expect(stranger.getOrder({ orderId: 'ord_x' })).rejects.toMatchObject({ status: 401 });
    const bad = await sandbox.app.request('/api/v1/orders', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        reference: 'r',
        attempt: 1,
        amountKopecks: 12.5,
        currency: 'USD',
        description: 'x',
        locale: 'ru',
        returnUrl: 'javascript:alert(1)',
      }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_request');
    expect(body.message).toMatch(/amountKopecks/);
    expect(body.message).toMatch(/currency/);
    expect(body.message).toMatch(/returnUrl/);
    await expect(gateway.getOrder({ orderId: 'ord_does_not_exist' })).rejects.toMatchObject({ status: 404 });
  });

  it('frictionless card: approved at once, back to the return link, one signed APPROVED webhook carrying our reference', async () => {
    const { orderId, input } = await newOrder();
    const response = await submitCard(orderId, CARDS.frictionless);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(input.returnUrl);
    expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'APPROVED', cardLast4: '1111' });
    await eventually(() => expect(receiver.of(orderId)).toHaveLength(1));
    const [webhook] = receiver.of(orderId);
    // Our own verifier accepts it: the signature covers exactly the bytes sent.
    const event = gateway.parseWebhook({ rawBody: webhook!.body, headers: webhook!.headers as Record<string, string> });
    expect(event).toMatchObject({ orderId, reference: input.reference, type: 'APPROVED', amountKopecks: 123_456, cardLast4: '1111', declineReason: null });
    expect(webhook!.headers['voltpay-acquirer-event-id']).toBe(event.eventId);
  });

  it('a card form with mistakes changes nothing and says what is wrong, in Russian', async () => {
    const { orderId } = await newOrder();
    const response = await submitCard(orderId, '4111 1111 1111 1112', { expMonth: '13', cvc: '12' });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('Номер карты введён с ошибкой');
    expect(page).toContain('Месяц — число от 01 до 12.');
    expect(page).toContain('CVV2 — ровно 3 цифры.');
    expect(page).toContain('aria-describedby="number-hint number-error"');
    expect(page).not.toContain('4111 1111 1111 1112');
    const realLooking = await submitCard(orderId, '4242 4242 4242 4242');
    expect(await realLooking.text()).toContain('Это не тестовая карта песочницы');
    expect((await gateway.getOrder({ orderId })).status).toBe('CREATED');
  });

  it('3-D Secure card: the code from the challenge page passes it, void is refused after it, approval follows', async () => {
    const { orderId, input } = await newOrder();
    const response = await submitCard(orderId, CARDS.otp);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/pay/${orderId}/otp?lang=ru`);
    expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'AWAITING_OTP', cardLast4: '3220' });
    const code = await sandboxCode(orderId);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await submitOtp(orderId, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Неверный код. Осталось попыток: 2.');

    const passed = await submitOtp(orderId, { code: code! });
    expect(passed.status).toBe(303);
    expect(passed.headers.get('location')).toBe(input.returnUrl);
    expect((await gateway.getOrder({ orderId })).status).toBe('PROCESSING');
    expect(await gateway.voidOrder({ orderId })).toMatchObject({ voided: false, order: { status: 'PROCESSING' } });

    await eventually(() => expect(receiver.of(orderId).map((r) => r.event.type)).toEqual(['OTP_PASSED', 'APPROVED']));
    expect((await gateway.getOrder({ orderId })).status).toBe('APPROVED');
  });

  it('three wrong codes decline the order with otp_failed', async () => {
    const { orderId, input } = await newOrder();
    await submitCard(orderId, CARDS.otp);
    const code = await sandboxCode(orderId);
    const wrongCode = code === '123456' ? '654321' : '123456';
    expect((await submitOtp(orderId, { code: wrongCode })).status).toBe(422);
    expect((await submitOtp(orderId, { code: wrongCode })).status).toBe(422);
    const third = await submitOtp(orderId, { code: wrongCode });
    expect(third.status).toBe(303);
    expect(third.headers.get('location')).toBe(input.returnUrl);
    expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'DECLINED', declineReason: 'otp_failed' });
    // The right code is no use any more.
    expect((await submitOtp(orderId, { code: code! })).status).toBe(303);
    expect((await gateway.getOrder({ orderId })).status).toBe('DECLINED');
  });

  it('declined and insufficient-funds cards end DECLINED with their reasons, and say so by webhook', async () => {
    for (const [number, reason] of [
      [CARDS.declined, 'do_not_honor'],
      [CARDS.insufficient, 'insufficient_funds'],
    ] as const) {
      const { orderId, input } = await newOrder();
      const response = await submitCard(orderId, number);
      expect(response.headers.get('location')).toBe(input.returnUrl);
      expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'DECLINED', declineReason: reason });
      await eventually(() => expect(receiver.of(orderId).map((r) => [r.event.type, r.event.declineReason])).toEqual([['DECLINED', reason]]));
    }
  });

  it('cancel on the card page or the challenge page voids the order and returns with cancelled=1; a void is idempotent', async () => {
    const onCard = await newOrder();
    const cancelled = await sandbox.app.request(`/pay/${onCard.orderId}`, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }) });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`${onCard.input.returnUrl}?cancelled=1`);
    expect((await gateway.getOrder({ orderId: onCard.orderId })).status).toBe('VOIDED');
    expect(await gateway.voidOrder({ orderId: onCard.orderId })).toMatchObject({ voided: true, order: { status: 'VOIDED' } });

    const onOtp = await newOrder();
    await submitCard(onOtp.orderId, CARDS.otp);
    const cancelledOnOtp = await submitOtp(onOtp.orderId, { action: 'cancel' });
    expect(cancelledOnOtp.headers.get('location')).toBe(`${onOtp.input.returnUrl}?cancelled=1`);
    expect((await gateway.getOrder({ orderId: onOtp.orderId })).status).toBe('VOIDED');

    const byApi = await newOrder();
    expect(await gateway.voidOrder({ orderId: byApi.orderId })).toMatchObject({ voided: true, order: { status: 'VOIDED' } });
    // The card page of a voided order no longer takes a card.
    expect((await submitCard(byApi.orderId, CARDS.frictionless)).status).toBe(200);
    expect((await gateway.getOrder({ orderId: byApi.orderId })).status).toBe('VOIDED');

    await eventually(() => {
      for (const { orderId } of [onCard, onOtp, byApi]) expect(receiver.of(orderId).map((r) => r.event.type)).toEqual(['VOIDED']);
    });
  });

  it('the never-answering card: the challenge page says the bank does not answer, and nothing completes it', async () => {
    const { orderId } = await newOrder();
    await submitCard(orderId, CARDS.noAnswer);
    const page = await otpPage(orderId);
    expect(page).toContain('Банк не отвечает');
    expect(page).not.toContain('data-testid="sandbox-otp"');
    expect((await submitOtp(orderId, { code: '123456' })).status).toBe(409);
    await new Promise((r) => setTimeout(r, APPROVAL_DELAY_MS + 100));
    await sandbox.tick();
    expect((await gateway.getOrder({ orderId })).status).toBe('AWAITING_OTP');
    // What our workflow does when its 3-D Secure wait ends.
    expect(await gateway.voidOrder({ orderId })).toMatchObject({ voided: true, order: { status: 'VOIDED' } });
  });

  it('refunds an approved order in full, once, with a webhook; refuses other orders and partial amounts', async () => {
    const { orderId } = await newOrder();
    await submitCard(orderId, CARDS.frictionless);
    await expect(gateway.refundOrder({ orderId, amountKopecks: 100 })).rejects.toMatchObject({ status: 400 });
    expect(await gateway.refundOrder({ orderId, amountKopecks: 123_456 })).toMatchObject({ status: 'REFUNDED' });
    expect(await gateway.refundOrder({ orderId, amountKopecks: 123_456 })).toMatchObject({ status: 'REFUNDED' });
    await eventually(() => expect(receiver.of(orderId).map((r) => r.event.type)).toEqual(['APPROVED', 'REFUNDED']));

    const declined = await newOrder();
    await submitCard(declined.orderId, CARDS.declined);
    const refused = await gateway.refundOrder({ orderId: declined.orderId, amountKopecks: 123_456 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AcquirerRejectedError);
    expect(refused).toMatchObject({ status: 409, code: 'not_refundable' });
  });

  it('retries a webhook the merchant answered 500, with the same event id and body', async () => {
    const { orderId } = await newOrder();
    receiver.fail(orderId, 1);
    await submitCard(orderId, CARDS.frictionless);
    await eventually(async () => {
      expect(receiver.of(orderId)).toHaveLength(2);
      const [delivery] = await sandbox.webhooks.listDeliveries(orderId);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    });
    const [first, second] = receiver.of(orderId);
    expect(second!.body).toBe(first!.body);
    expect(second!.event.eventId).toBe(first!.event.eventId);
  });

  it('gives up after the retry schedule and keeps the delivery marked FAILED', async () => {
    const { orderId } = await newOrder();
    receiver.fail(orderId, 100);
    await submitCard(orderId, CARDS.declined);
    await eventually(async () => {
      const [delivery] = await sandbox.webhooks.listDeliveries(orderId);
      expect(delivery).toMatchObject({ status: 'FAILED', attempts: RETRY_SCHEDULE_MS.length + 1, lastError: 'HTTP 500' });
    });
    expect(receiver.of(orderId)).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
  });

  it('the acquirer-down card: approved, then the API answers 503 and the webhook waits until the outage ends', async () => {
    const { orderId, input } = await newOrder();
    const submitted = Date.now();
    const response = await submitCard(orderId, CARDS.outage);
    expect(response.headers.get('location')).toBe(input.returnUrl);
    await expect(gateway.getOrder({ orderId })).rejects.toBeInstanceOf(AcquirerUnavailableError);
    await expect(gateway.voidOrder({ orderId })).rejects.toBeInstanceOf(AcquirerUnavailableError);
    await sandbox.tick();
    expect(receiver.of(orderId)).toHaveLength(0);

    await eventually(() => expect(receiver.of(orderId).map((r) => r.event.type)).toEqual(['APPROVED']), OUTAGE_MS + 5_000);
    expect(Date.now() - submitted).toBeGreaterThanOrEqual(OUTAGE_MS - 100);
    expect(await gateway.getOrder({ orderId })).toMatchObject({ status: 'APPROVED', cardLast4: '0119' });
  });

  it('webhooks queued before a restart are delivered by the next process', async () => {
    const { orderId } = await newOrder();
    await submitCard(orderId, CARDS.frictionless);
    // This instance "dies" before sending anything; another one on the same database takes over.
    const next = makeSandbox();
    await next.tick();
    expect(receiver.of(orderId).map((r) => r.event.type)).toEqual(['APPROVED']);
    await next.stop();
  });

  it('keeps no card number or CVV2: not in any row of its database, nor in its log', async () => {
    const consoleLines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' '))),
    );
    try {
      const { orderId } = await newOrder();
      await submitCard(orderId, '4111 1111 1111 1112'); // refused: typo
      await submitCard(orderId, CARDS.otp);
      await submitOtp(orderId, { code: (await sandboxCode(orderId))! });
      await eventually(() => expect(receiver.of(orderId)).toHaveLength(2));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const { rows } = await pool.query<{ row: string }>(
      `SELECT row_to_json(o)::text AS row FROM sandbox_orders o UNION ALL SELECT row_to_json(w)::text FROM sandbox_webhook_deliveries w`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const everything = [...rows.map((r) => r.row), ...logLines, ...consoleLines, ...receiver.received.map((r) => r.body)].join('\n');
    for (const number of [...Object.values(CARDS), '4111 1111 1111 1112']) {
      const digits = number.replace(/\s/g, '');
      expect(everything).not.toContain(digits);
      expect(everything).not.toContain(number);
      expect(everything).not.toContain(digits.slice(0, 6) + digits.slice(6, 12)); // no first-12 either
    }
    for (const row of rows) {
      const values = Object.values(JSON.parse(row.row) as Record<string, unknown>).map(String);
      expect(values).not.toContain(CVV);
    }
    expect(logLines.some((line) => line.includes('•••• 3220'))).toBe(true);
  });
});
