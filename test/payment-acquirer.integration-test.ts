// The payment workflow from "confirm" to its end, all real: the stack's worker, Temporal, Postgres,
// the sandbox acquirer's pages and webhooks through web's webhook route.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { type ApplicationFailure } from '@temporalio/common';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@voltpay/sandbox-acquirer/webhook-signature';
import { prisma } from '@voltpay/prisma';
import {
  cancelUpdate,
  confirmUpdate,
  recheckUpdate,
  refundUpdate,
  retryDeliveryUpdate,
  retryPostingUpdate,
  setAccountUpdate,
  setPeriodUpdate,
  setReceiptEmailUpdate,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { AcquirerEvent } from '@voltpay/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectPaymentClient,
  createTestAccount,
  fillDraft,
  getState,
  recordHistory,
  startPayment,
  waitForStatus,
  type PaymentHandle,
} from './support/payments';
import { cancelOnAcquirerPage, readOtp, SANDBOX_CARDS, submitCard, submitOtp } from './support/sandbox-card';
import { stackEnv } from './support/stack-env';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

const updateFailure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
};

/** What the database holds for a payment: the ledger must balance and post at most once. */
const books = async (paymentId: string) => {
  const postings = await prisma.ledgerPosting.findMany({ where: { paymentId }, include: { entries: true } });
  for (const posting of postings) {
    const debit = posting.entries.filter((e) => e.direction === 'DEBIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    const credit = posting.entries.filter((e) => e.direction === 'CREDIT').reduce((sum, e) => sum + e.amountKopecks, 0);
    expect(debit).toBe(credit);
    expect(debit).toBe(posting.totalKopecks);
  }
  return {
    payment: await prisma.payment.findUnique({ where: { id: paymentId }, include: { lines: true } }),
    postings,
    receipt: await prisma.receipt.findUnique({ where: { paymentId } }),
    readings: await prisma.meterReading.findMany({ where: { paymentId } }),
  };
};

/** Makes the real database refuse inserts into `table` that match `condition`, until dropped. */
const refuseInserts = async (table: string, condition: string, message: string) => {
  const fn = `voltpay_test_refuse_${Math.random().toString(36).slice(2, 10)}`;
  await prisma.$executeRawUnsafe(
    `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`,
  );
  await prisma.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON ${table}`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
  };
};

const readModelStatus = async (paymentId: string) => (await prisma.payment.findUnique({ where: { id: paymentId } }))?.status;

const confirmed = async (client: Connected['client'], options: { email?: string; settings?: Parameters<typeof startPayment>[1] } = {}) => {
  const account = await createTestAccount(prisma, { commonAreaKopecks: 10_000 });
  const { paymentId, handle } = await startPayment(client, options.settings);
  const quote = await fillDraft(handle, account, { kwh: 120 });
  if (options.email) await handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email: options.email }] });
  const { paymentUrl, orderId } = await handle.executeUpdate(confirmUpdate);
  return { account, paymentId, handle, quote, paymentUrl, orderId };
};

const expectCompleted = async (handle: PaymentHandle, paymentId: string, totalKopecks: number): Promise<PaymentState> => {
  await waitForStatus(handle, 'COMPLETED');
  // The read model catches up asynchronously; the workflow ends only once it has (flushRecord).
  const state = await handle.result();
  const { payment, postings, receipt, readings } = await books(paymentId);
  expect(postings.map((p) => p.kind)).toEqual(['PAYMENT']);
  expect(postings[0]!.totalKopecks).toBe(totalKopecks);
  expect(receipt?.number).toBe(state.receipt?.number);
  expect(readings.map((r) => r.zone)).toEqual(['SINGLE']);
  expect(payment).toMatchObject({ status: 'COMPLETED', totalKopecks });
  return state;
};

describe('payment workflow: the acquirer, the ledger and the receipt', () => {
  let temporal: Connected;
  beforeAll(async () => {
    if (!stackEnv.acquirerUrl) throw new Error('these tests need the sandbox acquirer the stack starts');
    temporal = await connectPaymentClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('frictionless card: approved, posted once, receipt issued and put in the outbox', async () => {
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client, { email: 'resident@example.ru' });
    expect(new URL(paymentUrl).origin).toBe(new URL(stackEnv.acquirerUrl!).origin);
    expect((await getState(handle)).status).toBe('AWAITING_CARD');
    const back = await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
    expect(back.pathname).toBe(`/pay/${paymentId}/return`);

    const state = await expectCompleted(handle, paymentId, quote.totalKopecks);
    expect(state.acquirer?.cardLast4).toBe('1111');
    // The browser arriving after the webhook finished the payment: its state, not an error.
    const late = await fetch(`${stackEnv.webUrl}/api/v1/payments/${paymentId}/return`, { method: 'POST' });
    expect(late.status).toBe(200);
    expect(((await late.json()) as { state: { status: string } }).state.status).toBe('COMPLETED');
    expect(state.receipt?.number).toMatch(/^\d{8}-\d{6}$/);
    expect(state.delivery).toMatchObject({ channel: 'outbox', to: 'resident@example.ru' });
    const outbox = await prisma.emailOutbox.findMany({ where: { idempotencyKey: state.receipt!.number } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ status: 'STORED', to: 'resident@example.ru' });
    expect(Buffer.from(outbox[0]!.attachment!).subarray(0, 4).toString()).toBe('%PDF');
    expect(await handle.result()).toMatchObject({ status: 'COMPLETED' });
    await recordHistory(handle, 'completed-frictionless-email');
  });

  it('3-D Secure card: cancel is refused once the one-time password is through, then it completes', async () => {
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client);
    const otpPage = await submitCard(paymentUrl, SANDBOX_CARDS.otp);
    expect(otpPage.pathname).toMatch(/\/otp$/);
    const otp = await submitOtp(otpPage, await readOtp(otpPage));
    expect(otp.status).toBe(303);
    // The acquirer approves a moment after the code: the window in which a cancel must be refused.
    const refused = await updateFailure(handle.executeUpdate(cancelUpdate));
    expect(refused.type).toBe('TOO_LATE_TO_CANCEL');
    const state = await expectCompleted(handle, paymentId, quote.totalKopecks);
    expect(state.timeline.map((t) => t.event)).toContain('POSTING');
    expect(state.delivery).toEqual({ channel: 'none' });
    await recordHistory(handle, 'completed-otp-cancel-refused');
  });

  it('wrong one-time password three times: declined, nothing posted', async () => {
    const { paymentId, handle, paymentUrl } = await confirmed(temporal.client);
    const otpPage = await submitCard(paymentUrl, SANDBOX_CARDS.otp);
    const code = await readOtp(otpPage);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i += 1) await submitOtp(otpPage, wrong);
    const state = await waitForStatus(handle, 'DECLINED');
    expect(state.declineReason).toBe('otp_failed');
    expect((await books(paymentId)).postings).toEqual([]);
    await expect.poll(() => readModelStatus(paymentId)).toBe('DECLINED'); // the read model catches up asynchronously
    await recordHistory(handle, 'declined-wrong-otp');
  });

  it.each([
    ['declined', SANDBOX_CARDS.declined, 'do_not_honor'],
    ['insufficient funds', SANDBOX_CARDS.insufficientFunds, 'insufficient_funds'],
  ])('%s card: DECLINED with the acquirer’s reason', async (_, card, reason) => {
    const { paymentId, handle, paymentUrl } = await confirmed(temporal.client);
    await submitCard(paymentUrl, card);
    expect((await waitForStatus(handle, 'DECLINED')).declineReason).toBe(reason);
    const { postings, receipt } = await books(paymentId);
    expect({ postings, receipt }).toEqual({ postings: [], receipt: null });
  });

  it('cancel before the one-time password voids the order (from our site, or the acquirer’s page)', async () => {
    const ours = await confirmed(temporal.client);
    await submitCard(ours.paymentUrl, SANDBOX_CARDS.otp);
    expect((await ours.handle.executeUpdate(cancelUpdate)).status).toBe('CANCELLED');
    const order = await fetch(`${stackEnv.acquirerUrl}/api/v1/orders/${ours.orderId}`, { headers: { authorization: `Bearer ${stackEnv.acquirerApiKey}` } });
    expect(((await order.json()) as { status: string }).status).toBe('VOIDED');

    const theirs = await confirmed(temporal.client);
    const back = await cancelOnAcquirerPage(theirs.paymentUrl);
    expect(back.searchParams.get('cancelled')).toBe('1');
    expect((await waitForStatus(theirs.handle, 'CANCELLED')).timeline.at(-1)?.detail).toMatch(/voided \(webhook\)/);
    expect((await books(theirs.paymentId)).postings).toEqual([]);
    await recordHistory(ours.handle, 'cancelled-before-otp');
    await recordHistory(theirs.handle, 'cancelled-on-acquirer-page');
  });

  it('double confirm: one order, the same page', async () => {
    const account = await createTestAccount(prisma);
    const { handle } = await startPayment(temporal.client);
    await fillDraft(handle, account);
    const [a, b] = await Promise.all([handle.executeUpdate(confirmUpdate), handle.executeUpdate(confirmUpdate)]);
    expect(a).toEqual(b);
    expect(await handle.executeUpdate(confirmUpdate)).toEqual(a);
    await handle.executeUpdate(cancelUpdate);
  });

  it('the bank never answers the 3-D Secure step: the wait ends, the order is voided, EXPIRED', async () => {
    const { paymentId, handle, paymentUrl } = await confirmed(temporal.client, { settings: { acquirerWaitTimeoutMs: 3_000 } });
    await submitCard(paymentUrl, SANDBOX_CARDS.neverAnswers);
    const state = await waitForStatus(handle, 'EXPIRED');
    expect(state.timeline.at(-1)?.detail).toMatch(/order voided/);
    await expect.poll(() => readModelStatus(paymentId)).toBe('EXPIRED'); // the read model catches up asynchronously
    await recordHistory(handle, 'expired-3ds-timeout');
  });

  it('acquirer down: UNCONFIRMED, re-checked in vain, then re-checked into COMPLETED', async () => {
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client, {
      settings: { acquirerWaitTimeoutMs: 1_000, recheckScheduleMs: [3_000, 5_000, 10_000] },
    });
    await submitCard(paymentUrl, SANDBOX_CARDS.acquirerDown);
    const unconfirmed = await waitForStatus(handle, 'UNCONFIRMED', 20_000);
    expect(unconfirmed.unconfirmed?.nextCheckAt).not.toBeNull();
    await expect.poll(() => readModelStatus(paymentId)).toBe('UNCONFIRMED'); // the read model catches up asynchronously
    // An operator's "re-check now" during the outage: still unknown, and it says why.
    const during = await handle.executeUpdate(recheckUpdate, { args: [{ actor: 'operator@test' }] });
    expect(during.status).toBe('UNCONFIRMED');
    expect(during.unconfirmed?.checks).toBeGreaterThanOrEqual(1);
    expect(during.unconfirmed?.lastError).toBeTruthy();
    const state = await expectCompleted(handle, paymentId, quote.totalKopecks);
    expect(state.timeline.some((t) => t.event === 'RECHECKED' || /re-check/.test(t.detail ?? ''))).toBe(true);
    await recordHistory(handle, 'completed-after-unconfirmed');
  });

  it('the resident comes back while the acquirer is down: UNCONFIRMED at once, not at the deadline', async () => {
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client, { settings: { recheckScheduleMs: [15_000, 10_000] } });
    // Back without paying (the browser's back button): nothing to learn yet, the card page stays open.
    const early = await fetch(`${stackEnv.webUrl}/api/v1/payments/${paymentId}/return`, { method: 'POST' });
    expect(((await early.json()) as { state: PaymentState }).state.status).toBe('AWAITING_CARD');
    const back = await submitCard(paymentUrl, SANDBOX_CARDS.acquirerDown);
    expect(back.pathname).toBe(`/pay/${paymentId}/return`);
    // What the site's return page does: the webhook is held by the outage and the API answers 503.
    const answer = await fetch(`${stackEnv.webUrl}/api/v1/payments/${paymentId}/return`, { method: 'POST' });
    expect(answer.status).toBe(200);
    const { state } = (await answer.json()) as { state: PaymentState };
    expect(state.status).toBe('UNCONFIRMED');
    // Why is for staff (the workflow's own state), not in the resident's view the API answers.
    expect(state.unconfirmed).not.toHaveProperty('lastError');
    expect((await getState(handle)).unconfirmed?.lastError).toBeTruthy();
    await expectCompleted(handle, paymentId, quote.totalKopecks);
  });

  it('posting keeps failing: NEEDS_ATTENTION, then the operator’s retry posts exactly once', async () => {
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client);
    // A real failure of the real database for this payment only: a trigger refusing its posting.
    const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${paymentId}'`, 'ledger is closed for maintenance');
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      const parked = await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect(parked.attention).toMatchObject({ stage: 'POSTING' });
      expect(parked.attention?.error).toMatch(/maintenance/);
      await expect.poll(() => readModelStatus(paymentId)).toBe('NEEDS_ATTENTION'); // the read model catches up asynchronously
    } finally {
      await allow();
    }
    // The update answers with its outcome (OPERATOR_ACTIONS_AWAIT_OUTCOME): the replayed posting has completed.
    expect((await handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'operator@test' }] })).status).toBe('COMPLETED');
    const state = await expectCompleted(handle, paymentId, quote.totalKopecks);
    expect(state.timeline.some((t) => /retry of ledger posting by operator@test/.test(t.detail ?? ''))).toBe(true);
    await recordHistory(handle, 'completed-after-needs-attention');
  });

  it('delivery keeps failing: NEEDS_ATTENTION, then the operator corrects the address and it completes', async () => {
    const badAddress = `bounce-${Date.now()}@example.ru`;
    const { paymentId, handle, quote, paymentUrl } = await confirmed(temporal.client, { email: badAddress });
    const allow = await refuseInserts('email_outbox', `NEW."to" = '${badAddress}'`, 'mailbox unavailable');
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      const parked = await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect(parked.attention).toMatchObject({ stage: 'DELIVERY' });
      expect(parked.receipt?.number).toBeTruthy(); // posted and issued: only the email is missing
      expect((await books(paymentId)).postings).toHaveLength(1);
      // Posting is done, so retrying it is refused; the delivery is what needs the retry.
      expect((await updateFailure(handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'operator@test' }] }))).type).toBe('WRONG_STATE');
      expect((await updateFailure(handle.executeUpdate(retryDeliveryUpdate, { args: [{ actor: 'operator@test', email: 'not-an-email' }] }))).type).toBe(
        'INVALID_INPUT',
      );
    } finally {
      await allow();
    }
    await handle.executeUpdate(retryDeliveryUpdate, { args: [{ actor: 'operator@test', email: 'fixed@example.ru' }] });
    const state = await expectCompleted(handle, paymentId, quote.totalKopecks);
    expect(state.delivery).toMatchObject({ channel: 'outbox', to: 'fixed@example.ru' });
    expect(await prisma.emailOutbox.count({ where: { to: 'fixed@example.ru', idempotencyKey: { startsWith: state.receipt!.number } } })).toBe(1);
  });

  it('refund from NEEDS_ATTENTION: the acquirer refunds, the ledger posting is reversed, REFUNDED', async () => {
    const badAddress = `refund-${Date.now()}@example.ru`;
    const { account, paymentId, handle, quote, paymentUrl, orderId } = await confirmed(temporal.client, { email: badAddress });
    const allow = await refuseInserts('email_outbox', `NEW."to" = '${badAddress}'`, 'mailbox unavailable');
    try {
      await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
      await waitForStatus(handle, 'NEEDS_ATTENTION');
      expect((await updateFailure(handle.executeUpdate(refundUpdate, { args: [{ actor: 'operator@test', reason: ' ' }] }))).type).toBe('INVALID_INPUT');
      const refunded = await handle.executeUpdate(refundUpdate, { args: [{ actor: 'operator@test', reason: 'resident asked to cancel' }] });
      expect(refunded.status).toBe('REFUNDED');
    } finally {
      await allow();
    }
    const { postings, payment } = await books(paymentId);
    expect(postings.map((p) => p.kind).sort()).toEqual(['PAYMENT', 'REFUND']);
    expect(postings.every((p) => p.totalKopecks === quote.totalKopecks)).toBe(true);
    // Net zero on the resident's account and on the acquirer clearing account.
    const net = postings
      .flatMap((p) => p.entries)
      .reduce((sum, e) => sum + (e.direction === 'DEBIT' ? e.amountKopecks : -e.amountKopecks) * (e.ledgerAccount === 'acquirer_clearing' ? 1 : 0), 0);
    expect(net).toBe(0);
    expect((await waitForStatus(handle, 'REFUNDED')).refund?.reason).toBe('resident asked to cancel');
    await expect.poll(() => readModelStatus(paymentId)).toBe('REFUNDED');
    expect(payment).not.toBeNull();
    const order = await fetch(`${stackEnv.acquirerUrl}/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${stackEnv.acquirerApiKey}` } });
    expect(((await order.json()) as { status: string }).status).toBe('REFUNDED');
    await recordHistory(handle, 'refunded-after-needs-attention');
    // The refunded payment's readings were not paid for: the next payment starts from the old ones.
    const next = await startPayment(temporal.client);
    await next.handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: account.districtCode, accountNumber: account.number }] });
    const { bill } = await next.handle.executeUpdate(setPeriodUpdate, { args: [{ period: quote.period }] });
    expect(bill.lastReadings.map((r) => r.value)).toEqual([1000]);
    await next.handle.executeUpdate(cancelUpdate);
  });

  it('duplicate webhooks are harmless: one approval, one posting', async () => {
    if (!stackEnv.acquirerWebhookSecret || !stackEnv.acquirerDatabaseUrl) throw new Error('needs the sandbox acquirer’s secret and database');
    const { paymentId, handle, quote, paymentUrl, orderId } = await confirmed(temporal.client);
    await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
    await expectCompleted(handle, paymentId, quote.totalKopecks);

    // The acquirer delivers the same notification again (its at-least-once retries).
    const sandboxDb = new pg.Client({ connectionString: stackEnv.acquirerDatabaseUrl });
    await sandboxDb.connect();
    const { rows } = await sandboxDb.query<{ body: string }>(`SELECT body FROM sandbox_webhook_deliveries WHERE order_id = $1 AND event_type = 'APPROVED'`, [
      orderId,
    ]);
    await sandboxDb.end();
    expect(rows).toHaveLength(1);
    const send = (body: string) =>
      fetch(`${stackEnv.webUrl}/api/acquirer/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook({ secret: stackEnv.acquirerWebhookSecret!, rawBody: body }) },
        body,
      });
    const answers = await Promise.all([send(rows[0]!.body), send(rows[0]!.body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await books(paymentId)).postings).toHaveLength(1);

    // And while a payment is still waiting: a signed event the acquirer does not confirm (its
    // order is still unpaid) moves nothing, however often it comes; the real decline, once.
    const second = await confirmed(temporal.client);
    const event: AcquirerEvent = {
      eventId: `evt-duplicate-${second.paymentId}`,
      reference: second.paymentId,
      orderId: second.orderId,
      type: 'DECLINED',
      amountKopecks: second.quote.totalKopecks,
      currency: 'RUB',
      cardLast4: '0002',
      declineReason: 'do_not_honor',
      occurredAt: new Date().toISOString(),
    };
    const body = JSON.stringify(event);
    expect((await Promise.all([send(body), send(body)])).map((a) => a.status)).toEqual([200, 200]);
    await expect.poll(async () => (await getState(second.handle)).timeline.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect((await getState(second.handle)).status).toBe('AWAITING_CARD');
    await submitCard(second.paymentUrl, SANDBOX_CARDS.declined);
    const declined = await waitForStatus(second.handle, 'DECLINED');
    expect((await Promise.all([send(body), send(body)])).map((a) => a.status)).toEqual([200, 200]);
    expect((await getState(second.handle)).timeline.filter((t) => t.event === 'DECLINED')).toHaveLength(1);
    expect(declined.declineReason).not.toBeNull();
    // A forged notification (wrong signature) is refused and changes nothing.
    const forged = await fetch(`${stackEnv.webUrl}/api/acquirer/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: 't=1,v1=00' },
      body,
    });
    expect(forged.status).toBe(401);
  });
});
