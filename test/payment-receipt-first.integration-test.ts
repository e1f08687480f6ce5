// The receipt comes before the ledger posting (patch `receipt-before-posting`): a resident whose
// card was charged holds a verifiable receipt even while our posting fails, and a later refund
// shows on the verification. All real: the stack's worker, Temporal, Postgres, the sandbox, web.
import { prisma } from '@voltpay/prisma';
import { getFulfilmentAttemptsQuery, refundUpdate, retryPostingUpdate, type PaymentState } from '@voltpay/workflows/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booksOf, confirmedPayment, refuseInserts } from './support/fulfilment';
import { connectPaymentClient, recordHistory, waitForStatus } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

type Verification = { status: 'VALID'; receipt: { number: string; paymentStatus: string; totalKopecks: number } } | { status: 'INVALID' };

/** What anyone holding the receipt sees on the public verification (web's JSON API). */
const verify = async (receipt: NonNullable<PaymentState['receipt']>): Promise<Verification> => {
  const url = new URL('/api/v1/receipts/verify', stackEnv.webUrl);
  url.searchParams.set('number', receipt.number);
  url.searchParams.set('code', receipt.verificationCode);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Verification;
};

const verifiedStatus = async (receipt: NonNullable<PaymentState['receipt']>) => {
  const answer = await verify(receipt);
  return answer.status === 'VALID' ? answer.receipt.paymentStatus : answer.status;
};

describe('fulfilment: the receipt before the ledger posting', () => {
  let temporal: Connected;
  beforeAll(async () => {
    if (!stackEnv.acquirerUrl) throw new Error('these tests need the sandbox acquirer the stack starts');
    temporal = await connectPaymentClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('posting keeps failing: parked with a receipt that verifies and downloads; retryPosting posts once and then emails it', async () => {
    const email = `receipt-first-${Date.now()}@example.ru`;
    const { paymentId, handle, quote, paymentUrl } = await confirmedPayment(temporal.client, { email });
    const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${paymentId}'`, 'ledger is closed for maintenance');
    let parked: PaymentState;
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      parked = await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect(parked.attention).toMatchObject({ stage: 'POSTING' });
      expect(parked.attention?.error).toMatch(/maintenance/);
      // The proof of payment exists although nothing is posted; it is not emailed before posting.
      expect(parked.receipt?.number).toMatch(/^\d{8}-\d{6}$/);
      expect(parked.receipt?.totalKopecks).toBe(quote.totalKopecks);
      const books = await booksOf(paymentId);
      expect(books.kinds).toEqual([]);
      expect(books.receipts.map((r) => r.number)).toEqual([parked.receipt!.number]);
      expect(await prisma.emailOutbox.count({ where: { to: email } })).toBe(0);
      const events = parked.timeline.map((t) => t.event);
      expect(events.indexOf('RECEIPT_ISSUED')).toBeGreaterThan(events.indexOf('POSTING'));
      expect(events).not.toContain('POSTED');

      // Whoever holds it can verify it (status: being checked) and download its PDF.
      await expect.poll(() => verifiedStatus(parked.receipt!), { timeout: 15_000 }).toBe('NEEDS_ATTENTION');
      const pdf = await fetch(new URL(`/api/v1/receipts/${parked.receipt!.number}.pdf?code=${parked.receipt!.verificationCode}`, stackEnv.webUrl));
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
      expect(await handle.query(getFulfilmentAttemptsQuery)).toEqual({ posting: 1, delivery: 0 });
    } finally {
      await allow();
    }

    await handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'operator@test' }] });
    const done = await waitForStatus(handle, 'COMPLETED');
    await handle.result();
    // The same receipt, now posted once and delivered once.
    expect(done.receipt).toEqual(parked.receipt);
    const books = await booksOf(paymentId);
    expect(books.kinds).toEqual(['PAYMENT']);
    expect(books.receipts).toHaveLength(1);
    expect(await prisma.emailOutbox.count({ where: { to: email } })).toBe(1);
    expect(done.delivery).toMatchObject({ channel: 'outbox', to: email });
    expect(await handle.query(getFulfilmentAttemptsQuery)).toEqual({ posting: 2, delivery: 1 });
    expect(await verifiedStatus(done.receipt!)).toBe('COMPLETED');
    await recordHistory(handle, 'completed-receipt-first-after-needs-attention');
  });

  it('refund while the posting is parked: the receipt stays genuine and its verification says REFUNDED', async () => {
    const { paymentId, handle, paymentUrl, orderId } = await confirmedPayment(temporal.client);
    const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${paymentId}'`, 'ledger is closed for maintenance');
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      const parked = await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect(parked.receipt).not.toBeNull();
      const refunded = await handle.executeUpdate(refundUpdate, {
        args: [{ actor: 'operator@test', reason: 'ledger down, resident asked for the money back' }],
      });
      expect(refunded.status).toBe('REFUNDED');
      await handle.result();
      // Never posted, so there is nothing to reverse: the books stay empty.
      expect((await booksOf(paymentId)).kinds).toEqual([]);
      await expect.poll(() => verifiedStatus(parked.receipt!), { timeout: 15_000 }).toBe('REFUNDED');
      const order = await fetch(`${stackEnv.acquirerUrl}/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${stackEnv.acquirerApiKey}` } });
      expect(((await order.json()) as { status: string }).status).toBe('REFUNDED');
      await recordHistory(handle, 'refunded-receipt-first-posting-failed');
    } finally {
      await allow();
    }
  });

  it('the normal path: receipt issued, then posted, then delivered', async () => {
    const { paymentId, handle, paymentUrl } = await confirmedPayment(temporal.client, { email: 'resident@example.ru' });
    await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
    const state = await handle.result();
    expect(state.status).toBe('COMPLETED');
    const events = state.timeline.map((t) => t.event);
    expect(events.indexOf('RECEIPT_ISSUED')).toBeGreaterThan(-1);
    expect(events.indexOf('RECEIPT_ISSUED')).toBeLessThan(events.indexOf('POSTED'));
    expect(events.indexOf('POSTED')).toBeLessThan(events.indexOf('COMPLETED'));
    const books = await booksOf(paymentId);
    expect(books.kinds).toEqual(['PAYMENT']);
    expect(books.payment?.status).toBe('COMPLETED');
    await recordHistory(handle, 'completed-receipt-first');
  });
});
