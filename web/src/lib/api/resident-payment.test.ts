import { CURRENT_TERMS_VERSION, type PaymentState } from '@voltpay/workflows/payment';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from './http';
import { toResidentPaymentState } from './resident-payment';
import { PaymentStateResponse } from './schemas';

/** A refunded payment that went through every back-office hand, as the getState query returns it. */
const backOfficeState: PaymentState = {
  paymentId: '3f0c8f9e-2b1a-4c7d-9e55-0a1b2c3d4e5f',
  status: 'REFUNDED',
  revision: 12,
  locale: 'ru',
  terms: { version: CURRENT_TERMS_VERSION, acceptedAt: '2026-11-05T09:30:00.000Z' },
  startedAt: '2026-11-05T09:30:00.000Z',
  updatedAt: '2026-11-06T10:00:00.000Z',
  settings: { draftIdleTimeoutMs: 900_000, acquirerWaitTimeoutMs: 600_000, recheckScheduleMs: [60_000], ceilingKopecks: 5_000_000, fulfilmentAttempts: 5 },
  account: null,
  periods: [],
  period: '2026-10',
  bill: null,
  electricity: { kind: 'amount', amountKopecks: 123_456 },
  options: { commonArea: true, penalty: true, debt: false },
  quote: null,
  receiptEmail: 'resident@example.ru',
  acquirer: { orderId: 'ord_secret_1', paymentUrl: 'http://localhost:3002/pay/ord_secret_1', otpPassed: true, cardLast4: '4242' },
  expiresAt: null,
  declineReason: 'Issuer said: call 8-800 and ask for Ivan',
  unconfirmed: { checks: 3, nextCheckAt: '2026-11-05T10:00:00.000Z', lastError: 'connect ECONNREFUSED 10.20.30.40:8443' },
  attention: { stage: 'POSTING', error: 'PrismaClientKnownRequestError: unique constraint on ledger_postings', since: '2026-11-05T09:40:00.000Z' },
  receipt: {
    number: '20261105-000042',
    verificationCode: 'ABCD-EFGH',
    verificationUrl: 'http://localhost:3000/verify?n=1',
    issuedAt: '2026-11-05T09:41:00.000Z',
    totalKopecks: 123_456,
  },
  delivery: { channel: 'resend', to: 'resident@example.ru', messageId: 'resend-msg-7f3a' },
  refund: { reason: 'duplicate payment, claim #17 (see the call log)', at: '2026-11-06T10:00:00.000Z' },
  timeline: [
    { at: '2026-11-05T09:30:00.000Z', event: 'TERMS_ACCEPTED', detail: `terms ${CURRENT_TERMS_VERSION}` },
    { at: '2026-11-05T09:31:00.000Z', event: 'ACCOUNT_SET', detail: 'omsk 99991234567' },
    { at: '2026-11-05T09:40:00.000Z', event: 'NEEDS_ATTENTION', detail: 'POSTING: PrismaClientKnownRequestError' },
    { at: '2026-11-06T10:00:00.000Z', event: 'REFUNDED', detail: 'refund by operator.petrova@voltpay.local: duplicate payment, claim #17' },
  ],
};

/** What GET /api/v1/payments/:id sends, byte for byte. */
const answered = async (state: PaymentState) =>
  await jsonResponse({ schema: PaymentStateResponse, body: { state: toResidentPaymentState(state) }, locale: 'ru' }).text();

describe('the resident’s view of a payment (GET /api/v1/payments/:id)', () => {
  it('carries no staff email, refund note, internal error text, order or message id', async () => {
    const text = await answered(backOfficeState);
    for (const secret of [
      'operator.petrova',
      'voltpay.local',
      'claim #17',
      'duplicate payment',
      'ECONNREFUSED',
      '10.20.30.40',
      'Prisma',
      'ledger',
      '"orderId"',
      'resend-msg',
      'resend"',
      'call 8-800',
      '99991234567',
      'fulfilmentAttempts',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('keeps what the pay pages read, and a timeline of event codes', async () => {
    const { state } = JSON.parse(await answered(backOfficeState)) as { state: Record<string, unknown> };
    expect(state).toMatchObject({
      paymentId: backOfficeState.paymentId,
      status: 'REFUNDED',
      revision: 12,
      period: '2026-10',
      settings: { ceilingKopecks: 5_000_000 },
      acquirer: { paymentUrl: 'http://localhost:3002/pay/ord_secret_1', otpPassed: true, cardLast4: '4242' },
      receipt: backOfficeState.receipt,
      delivery: { channel: 'email', to: 'resident@example.ru' },
      unconfirmed: { nextCheckAt: '2026-11-05T10:00:00.000Z' },
      refund: { at: '2026-11-06T10:00:00.000Z' },
      declineReason: 'other',
      expiresAt: null,
    });
    expect(state.timeline).toEqual(backOfficeState.timeline.map(({ at, event }) => ({ at, event })));
    expect(Object.keys(state)).not.toEqual(expect.arrayContaining(['attention']));
    expect(state.acquirer).not.toHaveProperty('orderId');
  });

  it('passes an acquirer’s decline code through for the page to explain', async () => {
    const declined = { ...backOfficeState, status: 'DECLINED', declineReason: 'insufficient_funds', refund: null } satisfies PaymentState;
    expect(JSON.parse(await answered(declined)).state.declineReason).toBe('insufficient_funds');
  });
});
