// The public JSON API (/api/v1) of the web app under test, over HTTP as the site and the benchmark
// use it: errors as `{ code, message }` in Russian or English, never a 500 for bad input, the
// OpenAPI document, and a payment driven from "I agree" to the acquirer's card page.
import { randomInt, randomUUID } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import { CURRENT_TERMS_VERSION, type PaymentState } from '@voltpay/workflows/payment';
import type { Quote } from '@voltpay/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestAccount, testPeriod } from './support/payments';
import { stackEnv } from './support/stack-env';

type ApiError = { code: string; message: string; issues?: { path: (string | number)[]; code: string; message: string }[]; params?: Record<string, unknown> };

const api = (path: string) => new URL(path, stackEnv.webUrl).toString();

/** A client address of its own per test: the account look-up limiter counts per address. */
const clientHeaders = () => ({ 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` });

const call = async <T>(method: 'GET' | 'POST', path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) => {
  const response = await fetch(api(path), {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...clientHeaders(), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${path}: ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body: json as T };
};

const startPayment = async (extra: Record<string, unknown> = {}) => {
  const started = await call<{ paymentId: string; state: PaymentState }>('POST', '/api/v1/payments', {
    body: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION, ...extra },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body;
};

afterAll(async () => {
  await prisma.$disconnect();
});

describe('/api/v1: bad input is a clear 4xx, never a 500', () => {
  it('malformed JSON is 400 INVALID_JSON', async () => {
    const { status, body } = await call<ApiError>('POST', '/api/v1/payments', { body: '{"acceptTerms": tru' });
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_JSON');
    expect(body.message).toMatch(/JSON/);
  });

  it('a form instead of JSON is 415', async () => {
    const response = await fetch(api('/api/v1/payments'), { method: 'POST', body: new URLSearchParams({ acceptTerms: 'true' }) });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ApiError).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('validation speaks Russian by default, with every failing field', async () => {
    const { status, body } = await call<ApiError>('POST', '/api/v1/payments', { body: { acceptTerms: false } });
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toBe('Проверьте введённые данные: Чтобы продолжить, примите условия оплаты.');
    expect(body.issues?.map((i) => i.path.join('.'))).toEqual(['acceptTerms', 'termsVersion']);
  });

  it('and English when asked, by ?lang= or Accept-Language', async () => {
    const byQuery = await call<ApiError>('POST', '/api/v1/payments?lang=en', { body: { acceptTerms: false } });
    const byHeader = await call<ApiError>('POST', '/api/v1/payments', { body: { acceptTerms: false }, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    for (const { status, body, headers } of [byQuery, byHeader]) {
      expect(status).toBe(400);
      expect(body.message).toBe('Please check the data: Accept the terms of payment to continue.');
      expect(headers.get('content-language')).toBe('en');
    }
  });

  it('outdated terms are 409 naming the current version', async () => {
    const { status, body } = await call<ApiError>('POST', '/api/v1/payments', { body: { acceptTerms: true, termsVersion: '1999-01-01' } });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'TERMS_VERSION_OUTDATED', params: { current: CURRENT_TERMS_VERSION } });
  });

  it('an unknown payment is 404, whether read or updated, and a malformed id too', async () => {
    const id = randomUUID();
    for (const { method, path, body } of [
      { method: 'GET' as const, path: `/api/v1/payments/${id}` },
      { method: 'POST' as const, path: `/api/v1/payments/${id}/period`, body: { period: '2026-10' } },
      { method: 'POST' as const, path: `/api/v1/payments/${id}/confirm` },
      { method: 'GET' as const, path: '/api/v1/payments/not-a-payment' },
    ]) {
      const response = await call<ApiError>(method, path, body ? { body } : {});
      expect(response.status, path).toBe(404);
      expect(response.body.code, path).toBe('PAYMENT_NOT_FOUND');
    }
  });

  it('an unknown API address is a JSON 404', async () => {
    const { status, body } = await call<ApiError>('GET', '/api/v1/no/such/thing');
    expect(status).toBe(404);
    expect(body.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('/api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route and the error shape', async () => {
    const { status, headers, body } = await call<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/v1/openapi.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/api/v1/districts',
        '/api/v1/districts/{code}/settlements',
        '/api/v1/payments',
        '/api/v1/payments/{id}',
        '/api/v1/payments/{id}/account',
        '/api/v1/payments/{id}/cancel',
        '/api/v1/payments/{id}/confirm',
        '/api/v1/payments/{id}/electricity',
        '/api/v1/payments/{id}/lines',
        '/api/v1/payments/{id}/period',
        '/api/v1/payments/{id}/receipt-email',
        '/api/v1/payments/{id}/return',
        '/api/v1/receipts/verify',
        '/api/v1/receipts/{number}.pdf',
      ].sort(),
    );
    expect(body.components.schemas).toHaveProperty('ApiError');
    expect(body.components.schemas).toHaveProperty('PaymentState');
  });
});

describe('/api/v1/districts', () => {
  it('lists the city first, then the region’s districts; a district lists its settlements, centre first', async () => {
    const { status, body } = await call<{ districts: { code: string; name: string; kind: string }[] }>('GET', '/api/v1/districts');
    expect(status).toBe(200);
    expect(body.districts[0]).toEqual({ code: 'omsk', name: 'Омск', kind: 'CITY' });
    expect(body.districts.filter((d) => d.kind === 'REGION_DISTRICT')).toHaveLength(32);

    const settlements = await call<{ district: { code: string }; settlements: { name: string; isDistrictCentre: boolean }[] }>(
      'GET',
      '/api/v1/districts/azovsky/settlements',
    );
    expect(settlements.status).toBe(200);
    expect(settlements.body.district.code).toBe('azovsky');
    expect(settlements.body.settlements[0]).toMatchObject({ name: 'Азово', isDistrictCentre: true });

    expect((await call<ApiError>('GET', '/api/v1/districts/atlantis/settlements')).body.code).toBe('DISTRICT_NOT_FOUND');
  });
});

describe('/api/v1/payments/:id/account is rate-limited per client address and per account', () => {
  it('answers 429 with Retry-After after a burst of look-ups', async () => {
    const headers = clientHeaders();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call<ApiError>>> | undefined;
    for (let i = 0; i < 12; i++) {
      // An unknown payment: the look-up is counted before the workflow is asked.
      last = await call<ApiError>('POST', `/api/v1/payments/${randomUUID()}/account`, {
        body: { districtCode: 'omsk', accountNumber: `9999${randomInt(1_000_000, 9_999_999)}` },
        headers,
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(last?.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another address is not held back.
    const other = await call<ApiError>('POST', `/api/v1/payments/${randomUUID()}/account`, {
      body: { districtCode: 'omsk', accountNumber: `9999${randomInt(1_000_000, 9_999_999)}` },
    });
    expect(other.status).toBe(404);
  });

  it('counts one account number whoever asks: 20 an hour, however many addresses', async () => {
    const accountNumber = `9999${randomInt(1_000_000, 9_999_999)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      // A new address each time (the test plays one trusted proxy, TRUSTED_PROXY_HOPS=1).
      const { status } = await call<ApiError>('POST', `/api/v1/payments/${randomUUID()}/account`, { body: { districtCode: 'omsk', accountNumber } });
      statuses.push(status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses[20]).toBe(429);
  });

  it('believes only the entry our one trusted proxy appended, not what the client put before it', async () => {
    const proxySaw = clientHeaders()['x-forwarded-for'];
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const { status } = await call<ApiError>('POST', `/api/v1/payments/${randomUUID()}/account`, {
        body: { districtCode: 'omsk', accountNumber: `9999${randomInt(1_000_000, 9_999_999)}` },
        // A client writing a new X-Forwarded-For per request, which the proxy appends to.
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}, ${proxySaw}` },
      });
      statuses.push(status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('POST /api/v1/payments is rate-limited per client address, in PostgreSQL', () => {
  it('answers 429 once the address has started 20 payments in 10 minutes, whichever instance counted them', async () => {
    const headers = clientHeaders();
    // Another web instance counted 20 starts of this address: the row is what every instance reads.
    await prisma.rateLimit.create({ data: { key: `payment-start:${headers['x-forwarded-for']}`, points: 20, expire: BigInt(Date.now() + 600_000) } });
    const refused = await call<ApiError>('POST', '/api/v1/payments', { body: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION }, headers });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    // The first start of an address writes its row.
    const other = clientHeaders();
    const started = await call<{ paymentId: string }>('POST', '/api/v1/payments', {
      body: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION },
      headers: other,
    });
    expect(started.status).toBe(201);
    const row = await prisma.rateLimit.findUnique({ where: { key: `payment-start:${other['x-forwarded-for']}` } });
    expect(row?.points).toBe(1);
    await call('POST', `/api/v1/payments/${started.body.paymentId}/cancel`, { body: {}, headers: other });
  });
});

describe('/api/acquirer/webhook', () => {
  it('refuses an unsigned notification with 401', async () => {
    const response = await fetch(api('/api/acquirer/webhook'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: 'evt_forged', reference: randomUUID(), type: 'APPROVED' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiError).code).toBe('WEBHOOK_SIGNATURE_INVALID');
  });
});

// These drive the real workflow on the stack's worker.
describe('/api/v1/payments: a payment from the terms to the card page', () => {
  const period = testPeriod();

  it('start → account → period → electricity → lines → email → confirm answers the acquirer’s card page', async () => {
    const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 1000 }, commonAreaKopecks: 5_000, debtKopecks: 20_000, period });
    const { paymentId, state } = await startPayment({ locale: 'ru' });
    expect(state).toMatchObject({
      paymentId,
      status: 'DRAFT',
      terms: { version: CURRENT_TERMS_VERSION },
      timeline: [{ event: 'TERMS_ACCEPTED', at: expect.any(String) }],
    });

    const read = await call<{ state: PaymentState }>('GET', `/api/v1/payments/${paymentId}`);
    expect(read.status).toBe(200);
    expect(read.body.state.paymentId).toBe(paymentId);

    const looked = await call<{ account: { number: string; maskedAddress: string }; periods: { period: string }[] }>(
      'POST',
      `/api/v1/payments/${paymentId}/account`,
      {
        // As a resident types it, with spaces.
        body: { districtCode: 'omsk', accountNumber: `${account.number.slice(0, 4)} ${account.number.slice(4)}` },
      },
    );
    expect(looked.status, JSON.stringify(looked.body)).toBe(200);
    expect(looked.body.account.number).toBe(account.number);
    expect(looked.body.account.maskedAddress).toMatch(/кв\. ••/);
    expect(looked.body.periods.map((p) => p.period)).toContain(period);

    const billed = await call<{ bill: { lastReadings: { zone: string; value: number }[] } }>('POST', `/api/v1/payments/${paymentId}/period`, {
      body: { period },
    });
    expect(billed.status, JSON.stringify(billed.body)).toBe(200);
    expect(billed.body.bill.lastReadings).toEqual([expect.objectContaining({ zone: 'SINGLE', value: 1000 })]);

    const quoted = await call<{ quote: Quote }>('POST', `/api/v1/payments/${paymentId}/electricity`, {
      body: { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1150 }] },
    });
    expect(quoted.status, JSON.stringify(quoted.body)).toBe(200);
    const electricity = quoted.body.quote.lines.find((l) => l.kind === 'ELECTRICITY');
    expect(electricity).toMatchObject({ kwh: 150, included: true });

    const withDebt = await call<{ quote: Quote }>('POST', `/api/v1/payments/${paymentId}/lines`, { body: { debt: true } });
    expect(withDebt.status).toBe(200);
    expect(withDebt.body.quote.totalKopecks).toBe(quoted.body.quote.totalKopecks + 20_000);

    const email = await call<{ receiptEmail: string | null }>('POST', `/api/v1/payments/${paymentId}/receipt-email`, {
      body: { email: ' resident@example.ru ' },
    });
    expect(email.body).toEqual({ receiptEmail: 'resident@example.ru' });

    const confirmed = await call<{ paymentUrl: string; orderId: string }>('POST', `/api/v1/payments/${paymentId}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const paymentUrl = new URL(confirmed.body.paymentUrl);
    // The card page is the acquirer's, never ours.
    expect(paymentUrl.origin).not.toBe(new URL(stackEnv.webUrl).origin);
    if (stackEnv.acquirerUrl) expect(paymentUrl.origin).toBe(new URL(stackEnv.acquirerUrl).origin);
    expect(confirmed.body.orderId).not.toBe('');

    const after = await call<{ state: PaymentState }>('GET', `/api/v1/payments/${paymentId}`);
    expect(after.body.state).toMatchObject({ status: 'AWAITING_CARD', acquirer: { paymentUrl: confirmed.body.paymentUrl, otpPassed: false, cardLast4: null } });
    // The resident's view: event codes without the workflow's details (account numbers, order ids,
    // amounts; staff names on refunds), no internal fields. The console has the whole state.
    expect(after.body.state.timeline.map((entry) => Object.keys(entry).sort())).toEqual(after.body.state.timeline.map(() => ['at', 'event']));
    expect(after.body.state.timeline.map((entry) => entry.event)).toEqual(expect.arrayContaining(['TERMS_ACCEPTED', 'ACCOUNT_SET', 'AWAITING_CARD']));
    expect(after.body.state).not.toHaveProperty('attention');
    expect(after.body.state.settings).toEqual({ ceilingKopecks: expect.any(Number) });

    // Steps of the draft are over: a late change is refused with the status.
    const late = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/period`, { body: { period } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'WRONG_STATE', params: { status: 'AWAITING_CARD' } });

    const cancelled = await call<{ state: PaymentState }>('POST', `/api/v1/payments/${paymentId}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.state.status).toBe('CANCELLED');
  });

  it('says in the resident’s words why a quote is refused', async () => {
    const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 5000 }, period });
    const { paymentId } = await startPayment();
    expect((await call('POST', `/api/v1/payments/${paymentId}/account`, { body: { districtCode: 'omsk', accountNumber: account.number } })).status).toBe(200);
    expect((await call('POST', `/api/v1/payments/${paymentId}/period`, { body: { period } })).status).toBe(200);
    const backwards = { kind: 'readings', readings: [{ zone: 'SINGLE', start: 5000, end: 4000 }] };

    const ru = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/electricity`, { body: backwards });
    expect(ru.status).toBe(422);
    expect(ru.body).toMatchObject({ code: 'READING_WENT_BACKWARDS', message: 'Показание на конец периода меньше начального (однотарифный счётчик).' });
    const en = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/electricity?lang=en`, { body: backwards });
    expect(en.body.message).toBe('The end reading is less than the start reading (single-rate meter).');

    const tooMuch = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/electricity`, { body: { kind: 'amount', amount: '150 000,01' } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'TOTAL_OVER_CEILING', message: 'Сумма платежа превышает допустимую (150\u202F000,00\u00A0₽).' });
  });

  it('does not tell which part of an unknown account was wrong', async () => {
    const { paymentId } = await startPayment();
    const unknownOffice = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/account`, {
      body: { districtCode: 'omsk', accountNumber: '00001234567' },
    });
    const unknownAccount = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/account`, {
      body: { districtCode: 'omsk', accountNumber: '99990000001' },
    });
    expect(unknownOffice.status).toBe(404);
    expect(unknownOffice.body).toEqual(unknownAccount.body);
    expect(unknownOffice.body.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('refuses a step out of order, and a second cancel', async () => {
    const { paymentId } = await startPayment();
    const early = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/period`, { body: { period } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'STEP_MISSING', message: 'Сначала укажите лицевой счёт.' });

    expect((await call('POST', `/api/v1/payments/${paymentId}/cancel`)).status).toBe(200);
    const again = await call<ApiError>('POST', `/api/v1/payments/${paymentId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'WRONG_STATE', params: { status: 'CANCELLED' } });
  });

  it('takes test settings only where the server allows them (VOLTPAY_ALLOW_TEST_SETTINGS)', async () => {
    const settings = { draftIdleTimeoutMs: 45_000 };
    const response = await call<{ state: PaymentState } & ApiError>('POST', '/api/v1/payments', {
      body: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION, settings },
    });
    if (process.env.VOLTPAY_ALLOW_TEST_SETTINGS === '1') {
      expect(response.status).toBe(201);
      // The timers are not in the resident's view; the idle draft's deadline shows the one asked for.
      const { expiresAt, updatedAt } = response.body.state;
      expect(Date.parse(expiresAt!) - Date.parse(updatedAt)).toBeGreaterThan(40_000);
      expect(Date.parse(expiresAt!) - Date.parse(updatedAt)).toBeLessThanOrEqual(46_000);
      await call('POST', `/api/v1/payments/${response.body.state.paymentId}/cancel`);
    } else {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('TEST_SETTINGS_FORBIDDEN');
    }
  });
});
