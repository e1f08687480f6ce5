// A payment made end to end through the public API (/api/v1) and the sandbox acquirer's card form,
// on a fresh account of its own, until it is COMPLETED with a receipt: the fixture for the tests
// of "My payments" and receipt verification.
import { randomInt } from 'node:crypto';
import { prisma } from '@voltpay/prisma';
import { CURRENT_TERMS_VERSION, type PaymentState } from '@voltpay/workflows/payment';
import { createTestAccount, testPeriod, type TestAccount } from './payments';
import { SANDBOX_CARDS, submitCard } from './sandbox-card';
import { stackEnv } from './stack-env';

/** A client address per payment: the account look-up limiter counts per address. */
const clientAddress = `198.19.${randomInt(0, 255)}.${randomInt(1, 254)}`;

const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
  const response = await fetch(new URL(path, stackEnv.webUrl), {
    method,
    headers: { 'x-forwarded-for': clientAddress, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};

export type ReceiptedPayment = {
  paymentId: string;
  account: TestAccount;
  period: string;
  state: PaymentState;
  receipt: { number: string; verificationCode: string; totalKopecks: number; issuedAt: string };
};

/** Pays `kwh` on a fresh account with the frictionless test card; the receipt goes to `email` (or nowhere). */
export const payWithReceipt = async ({
  email,
  kwh = 100,
  timeoutMs = 60_000,
}: {
  email: string | null;
  kwh?: number;
  timeoutMs?: number;
}): Promise<ReceiptedPayment> => {
  const period = testPeriod();
  const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 1000 }, period });
  const { paymentId } = await call<{ paymentId: string }>('POST', '/api/v1/payments', { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION });
  await call('POST', `/api/v1/payments/${paymentId}/account`, { districtCode: account.districtCode, accountNumber: account.number });
  await call('POST', `/api/v1/payments/${paymentId}/period`, { period });
  await call('POST', `/api/v1/payments/${paymentId}/electricity`, { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1000 + kwh }] });
  await call('POST', `/api/v1/payments/${paymentId}/receipt-email`, { email });
  const { paymentUrl } = await call<{ paymentUrl: string }>('POST', `/api/v1/payments/${paymentId}/confirm`);
  await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
  // What the site's result page does: ask now rather than wait for the webhook.
  await call('POST', `/api/v1/payments/${paymentId}/return`);

  const until = Date.now() + timeoutMs;
  let state: PaymentState | undefined;
  while (Date.now() < until) {
    ({ state } = await call<{ state: PaymentState }>('GET', `/api/v1/payments/${paymentId}`));
    if (state.status === 'COMPLETED' && state.receipt) {
      const { number, verificationCode, totalKopecks, issuedAt } = state.receipt;
      return { paymentId, account, period, state, receipt: { number, verificationCode, totalKopecks, issuedAt } };
    }
    if (['DECLINED', 'CANCELLED', 'EXPIRED', 'NEEDS_ATTENTION', 'REFUNDED'].includes(state.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`payment ${paymentId} is ${state?.status}, not COMPLETED with a receipt; timeline: ${JSON.stringify(state?.timeline.slice(-5))}`);
};
