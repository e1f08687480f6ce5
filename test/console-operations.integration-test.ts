// The operator console's procedures (admin/src/server/api/routers/operations) through the real
// router, as an operator, against the real stack (Postgres, Temporal, the worker, the sandbox):
// the queues, every action and its audit row, the proof that a replay never posts twice, that an
// action answers with its outcome (nothing polls), and that one refund procedure serves every state.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { createCaller, createTRPCContext, type StaffIdentity } from '@voltpay/admin/testing';
import { prisma, type StaffRole } from '@voltpay/prisma';
import { readPaymentState } from '@voltpay/stack/payment-status';
import { getStateQuery, retryPostingUpdate } from '@voltpay/workflows/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveHeldOrder, booksOf, confirmedPayment, refuseInserts, unconfirmedPayment } from './support/fulfilment';
import { connectPaymentClient, recordHistory, waitForStatus } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;
type Caller = ReturnType<typeof createCaller>;

const staffWith = async (roles: StaffRole[]): Promise<{ staff: StaffIdentity; caller: Caller }> => {
  const user = await prisma.staffUser.create({ data: { email: `ops-${randomUUID()}@voltpay.test`, name: 'Оператор Тестов', roles } });
  const staff: StaffIdentity = { id: user.id, email: user.email, name: user.name, roles: user.roles };
  return { staff, caller: createCaller(await createTRPCContext({ headers: new Headers(), staff, prisma })) };
};

const refusalOf = async (call: Promise<unknown>): Promise<TRPCError> => {
  const error = await call.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  return error;
};

/** Every queue row, all pages (the shared database holds other tests' rows too). */
const wholeQueue = async (caller: Caller, queue: 'ALL' | 'UNCONFIRMED' | 'NEEDS_ATTENTION' = 'ALL') => {
  const first = await caller.operations.findOperatorQueue({ queue, page: 1, pageSize: 100 });
  const items = [...first.items];
  for (let page = 2; page <= Math.ceil(first.total / 100); page += 1)
    items.push(...(await caller.operations.findOperatorQueue({ queue, page, pageSize: 100 })).items);
  return { ...first, items };
};

const auditOf = (paymentId: string, action: string) =>
  prisma.auditLog.findMany({ where: { targetType: 'payment', targetId: paymentId, action }, orderBy: { createdAt: 'asc' } });

describe('operator console: queues and actions', () => {
  let temporal: Connected;
  let operator: { staff: StaffIdentity; caller: Caller };
  let sales: { staff: StaffIdentity; caller: Caller };
  let parked: Awaited<ReturnType<typeof confirmedPayment>>;
  let unconfirmed: Awaited<ReturnType<typeof unconfirmedPayment>>;
  let allowPosting: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    temporal = await connectPaymentClient();
    operator = await staffWith(['operator']);
    sales = await staffWith(['sales']);
    // Parked first, unconfirmed second: the queue must list them in that order (oldest first).
    parked = await confirmedPayment(temporal.client, { email: `parked-${Date.now()}@example.ru` });
    allowPosting = await refuseInserts('ledger_postings', `NEW.payment_id = '${parked.paymentId}'`, 'ledger is closed for maintenance');
    await submitCard(parked.paymentUrl, SANDBOX_CARDS.frictionless);
    await waitForStatus(parked.handle, 'NEEDS_ATTENTION');
    unconfirmed = await unconfirmedPayment(temporal.client);
    await waitForStatus(unconfirmed.handle, 'UNCONFIRMED', 30_000);
  });
  afterAll(async () => {
    await allowPosting?.();
    await temporal?.connection.close();
  });

  it('lists parked and unconfirmed payments oldest first, with the reason, the stage and the attempts', async () => {
    await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: unconfirmed.paymentId } }))?.status).toBe('UNCONFIRMED');
    await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: parked.paymentId } }))?.status).toBe('NEEDS_ATTENTION');
    const queue = await wholeQueue(operator.caller);
    const created = queue.items.map((item) => item.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const ids = queue.items.map((item) => item.paymentId);
    expect(ids.indexOf(parked.paymentId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(parked.paymentId)).toBeLessThan(ids.indexOf(unconfirmed.paymentId));
    expect(queue.total).toBe(queue.counts.UNCONFIRMED + queue.counts.NEEDS_ATTENTION);

    const parkedItem = queue.items.find((item) => item.paymentId === parked.paymentId)!;
    expect(parkedItem).toMatchObject({ status: 'NEEDS_ATTENTION', totalKopecks: parked.quote.totalKopecks, accountNumber: parked.account.number });
    expect(parkedItem.statusReason).toMatch(/maintenance/);
    expect(parkedItem.receiptNumber).toMatch(/^\d{8}-\d{6}$/); // issued before the posting failed
    expect(parkedItem.workflow).toMatchObject({
      kind: 'RUNNING',
      status: 'NEEDS_ATTENTION',
      inSync: true,
      attempts: { posting: 1, delivery: 0 },
      triesPerRun: 2,
      hasReceipt: true,
    });
    if (parkedItem.workflow.kind !== 'RUNNING') throw new Error('unreachable');
    expect(parkedItem.workflow.attention).toMatchObject({ stage: 'POSTING' });
    expect(parkedItem.waitingSince.getTime()).toBe(parkedItem.workflow.attention!.since.getTime());

    const unconfirmedItem = queue.items.find((item) => item.paymentId === unconfirmed.paymentId)!;
    expect(unconfirmedItem.status).toBe('UNCONFIRMED');
    expect(unconfirmedItem.workflow).toMatchObject({ kind: 'RUNNING', status: 'UNCONFIRMED', unconfirmed: { checks: 0 } });

    const onlyUnconfirmed = await wholeQueue(operator.caller, 'UNCONFIRMED');
    expect(onlyUnconfirmed.items.every((item) => item.status === 'UNCONFIRMED')).toBe(true);
    expect(onlyUnconfirmed.items.map((item) => item.paymentId)).toContain(unconfirmed.paymentId);
    expect(onlyUnconfirmed.total).toBe(onlyUnconfirmed.counts.UNCONFIRMED);

    // The sales desk may look at payments, not act on them.
    expect((await refusalOf(sales.caller.operations.findOperatorQueue({}))).code).toBe('FORBIDDEN');
    expect((await refusalOf(sales.caller.operations.retryPaymentPosting({ paymentId: parked.paymentId }))).code).toBe('FORBIDDEN');
  });

  it('retry posting: parked again while the ledger still fails; raced twice it posts exactly once; after success it is refused; all audited', async () => {
    const again = await operator.caller.operations.retryPaymentPosting({ paymentId: parked.paymentId });
    expect(again).toMatchObject({ before: 'NEEDS_ATTENTION', after: 'NEEDS_ATTENTION', settled: true });
    expect(again.message).toMatch(/maintenance/);
    await allowPosting!();
    allowPosting = undefined;

    // Two operators click at once, and the workflow's own update is sent a third time directly.
    const raced = await Promise.allSettled([
      operator.caller.operations.retryPaymentPosting({ paymentId: parked.paymentId }),
      operator.caller.operations.retryPaymentPosting({ paymentId: parked.paymentId }),
      parked.handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'duplicate@test' }] }),
    ]);
    const done = raced.filter((r) => r.status === 'fulfilled');
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of raced) if (r.status === 'rejected' && r.reason instanceof TRPCError) expect(r.reason.code).toBe('CONFLICT');
    // The update answered once the replay had ended: the outcome itself, not "still posting".
    for (const r of raced.slice(0, 2)) {
      if (r.status === 'fulfilled')
        expect(r.value).toMatchObject({ before: 'NEEDS_ATTENTION', after: 'COMPLETED', settled: true, message: expect.stringMatching(/проводка и квитанция/) });
    }
    if (raced[2].status === 'fulfilled') expect(raced[2].value.status).toBe('COMPLETED');
    const state = await waitForStatus(parked.handle, 'COMPLETED');
    await parked.handle.result();
    await recordHistory(parked.handle, 'operator-actions-await-outcome');

    const after = await refusalOf(operator.caller.operations.retryPaymentPosting({ paymentId: parked.paymentId }));
    expect(after.code).toBe('CONFLICT');
    expect(after.message).toMatch(/завершён|зачислен/);

    const books = await booksOf(parked.paymentId);
    expect(books.kinds).toEqual(['PAYMENT']);
    expect(books.postings[0]!.totalKopecks).toBe(parked.quote.totalKopecks);
    expect(books.receipts).toHaveLength(1);
    expect(books.receipts[0]!.number).toBe(state.receipt!.number);
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: state.receipt!.number } })).toBe(1);

    const audit = await auditOf(parked.paymentId, 'payment.retryPosting');
    expect(audit).toHaveLength(4); // the one that parked again, the two raced, the late one
    expect(audit.every((row) => row.actorId === operator.staff.email && row.actorType === 'STAFF')).toBe(true);
    expect(audit[0]).toMatchObject({ before: { status: 'NEEDS_ATTENTION' }, after: { status: 'NEEDS_ATTENTION' }, details: { outcome: 'DONE' } });
    expect(audit.some((row) => (row.after as { status?: string } | null)?.status === 'COMPLETED')).toBe(true);
    expect(audit.at(-1)).toMatchObject({ details: { outcome: 'REFUSED' } });
    expect((await wholeQueue(operator.caller)).items.map((item) => item.paymentId)).not.toContain(parked.paymentId);
  });

  it('re-check: the bank still deciding keeps it UNCONFIRMED (audited); approved at the bank, a re-check completes it', async () => {
    const still = await operator.caller.operations.recheckPayment({ paymentId: unconfirmed.paymentId });
    expect(still).toMatchObject({ before: 'UNCONFIRMED', after: 'UNCONFIRMED', settled: true });
    expect(still.message).toMatch(/PROCESSING/);
    expect((await unconfirmed.handle.query(getStateQuery)).unconfirmed?.checks).toBe(1);

    await approveHeldOrder(unconfirmed.orderId);
    const completed = await operator.caller.operations.recheckPayment({ paymentId: unconfirmed.paymentId });
    expect(completed).toMatchObject({ before: 'UNCONFIRMED', after: 'COMPLETED', settled: true });
    expect((await booksOf(unconfirmed.paymentId)).kinds).toEqual(['PAYMENT']);
    await unconfirmed.handle.result();
    // The workflow has closed: said plainly, and audited as refused.
    const closed = await refusalOf(operator.caller.operations.recheckPayment({ paymentId: unconfirmed.paymentId }));
    expect(closed.code).toBe('CONFLICT');
    expect(closed.message).toMatch(/завершён/);
    const audit = await auditOf(unconfirmed.paymentId, 'payment.recheck');
    expect(
      audit.map((row) => [(row.before as { status: string }).status, (row.after as { status: string }).status, (row.details as { outcome: string }).outcome]),
    ).toEqual([
      ['UNCONFIRMED', 'UNCONFIRMED', 'DONE'],
      ['UNCONFIRMED', 'COMPLETED', 'DONE'],
      ['COMPLETED', 'COMPLETED', 'REFUSED'],
    ]);
  });

  it('resend receipt: a malformed address is refused before anything runs; a corrected one is delivered and audited', async () => {
    const bad = `bounce-${Date.now()}@example.ru`;
    const payment = await confirmedPayment(temporal.client, { email: bad });
    const allow = await refuseInserts('email_outbox', `NEW."to" = '${bad}'`, 'mailbox unavailable');
    try {
      await submitCard(payment.paymentUrl, SANDBOX_CARDS.frictionless);
      expect((await waitForStatus(payment.handle, 'NEEDS_ATTENTION')).attention?.stage).toBe('DELIVERY');
      const malformed = await refusalOf(operator.caller.operations.retryReceiptDelivery({ paymentId: payment.paymentId, email: 'not-an-email' }));
      expect(malformed.code).toBe('BAD_REQUEST');
      // Posting is done: retrying it is the wrong action, and the message says so.
      const wrong = await refusalOf(operator.caller.operations.retryPaymentPosting({ paymentId: payment.paymentId }));
      expect(wrong.code).toBe('CONFLICT');
      expect(wrong.message).toMatch(/требует вмешательства/);
    } finally {
      await allow();
    }
    const fixed = `Fixed-${Date.now()}@Example.ru`;
    const result = await operator.caller.operations.retryReceiptDelivery({ paymentId: payment.paymentId, email: fixed });
    expect(result).toMatchObject({ before: 'NEEDS_ATTENTION', after: 'COMPLETED' });
    expect(await prisma.emailOutbox.count({ where: { to: fixed.toLowerCase() } })).toBe(1);
    expect((await booksOf(payment.paymentId)).kinds).toEqual(['PAYMENT']);
    const audit = await auditOf(payment.paymentId, 'payment.retryDelivery');
    // The malformed address never reached the workflow (input validation): only the delivery is audited.
    expect(audit.map((row) => row.details)).toEqual([expect.objectContaining({ outcome: 'DONE', email: fixed.toLowerCase() })]);
    expect(audit[0]).toMatchObject({ before: { status: 'NEEDS_ATTENTION' }, after: { status: 'COMPLETED' } });
  });

  it('refund: one procedure whatever the state — a parked payment by its own workflow, a COMPLETED one by refund-<id> — once, however often it is asked', async () => {
    const parkedAgain = await confirmedPayment(temporal.client);
    const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${parkedAgain.paymentId}'`, 'ledger is closed for maintenance');
    try {
      await submitCard(parkedAgain.paymentUrl, SANDBOX_CARDS.frictionless);
      await waitForStatus(parkedAgain.handle, 'NEEDS_ATTENTION');
      await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: parkedAgain.paymentId } }))?.status).toBe('NEEDS_ATTENTION'); // the read model catches up
      expect((await refusalOf(operator.caller.operations.refundPayment({ paymentId: parkedAgain.paymentId, reason: '   ' }))).code).toBe('BAD_REQUEST');
      // Its workflow is open and waits for an operator: its own update refunds it.
      const refunded = await operator.caller.operations.refundPayment({ paymentId: parkedAgain.paymentId, reason: 'resident asked, ledger down' });
      expect(refunded).toMatchObject({ before: 'NEEDS_ATTENTION', after: 'REFUNDED', settled: true, via: 'PAYMENT_WORKFLOW', joined: false });
    } finally {
      await allow();
    }
    expect((await parkedAgain.handle.result()).status).toBe('REFUNDED');
    // Asked again once its workflow has closed: the same procedure finds the refund done and does nothing.
    const again = await operator.caller.operations.refundPayment({ paymentId: parkedAgain.paymentId, reason: 'asked twice' });
    expect(again).toMatchObject({ before: 'REFUNDED', after: 'REFUNDED', settled: true, via: 'REFUND_WORKFLOW' });
    expect(again.message).toMatch(/уже был возвращён/);
    expect((await booksOf(parkedAgain.paymentId)).kinds).toEqual([]); // never posted: nothing to reverse
    expect((await auditOf(parkedAgain.paymentId, 'payment.refund')).map((row) => row.details)).toEqual([
      expect.objectContaining({ reason: 'resident asked, ledger down', via: 'payment-workflow', outcome: 'DONE' }),
      expect.objectContaining({ reason: 'asked twice', via: 'refund-workflow', outcome: 'DONE' }),
    ]);

    // A completed payment (the one the re-check completed), refunded by two operators at once and again later.
    const paymentId = unconfirmed.paymentId;
    expect((await readPaymentState({ client: temporal.client, paymentId })).status).toBe('COMPLETED');
    const reason = 'claim: the resident paid this bill twice';
    const [a, b] = await Promise.all([
      operator.caller.operations.refundPayment({ paymentId, reason }),
      operator.caller.operations.refundPayment({ paymentId, reason: `${reason} (second operator)` }),
    ]);
    expect([a, b]).toEqual([
      expect.objectContaining({ before: 'COMPLETED', after: 'REFUNDED', settled: true, via: 'REFUND_WORKFLOW' }),
      expect.objectContaining({ before: 'COMPLETED', after: 'REFUNDED', settled: true, via: 'REFUND_WORKFLOW' }),
    ]);
    expect([a.joined, b.joined].filter(Boolean)).toHaveLength(1);
    const later = await operator.caller.operations.refundPayment({ paymentId, reason });
    expect(later).toMatchObject({ after: 'REFUNDED', joined: true, settled: true });
    expect(later.message).toMatch(/ничего не сделано/);

    const books = await booksOf(paymentId);
    expect(books.kinds).toEqual(['PAYMENT', 'REFUND']);
    expect(Object.values(books.net).every((n) => n === 0)).toBe(true);
    expect(books.payment?.status).toBe('REFUNDED');
    // One reader of the status: the closed workflow still says COMPLETED, the reader says REFUNDED.
    expect((await unconfirmed.handle.query(getStateQuery)).status).toBe('COMPLETED');
    expect((await readPaymentState({ client: temporal.client, paymentId })).status).toBe('REFUNDED');
    const view = await operator.caller.operations.getPaymentRefund({ paymentId });
    expect(view).toMatchObject({ kind: 'DONE', state: { status: 'REFUNDED' } });
    expect(await sales.caller.operations.getPaymentRefund({ paymentId })).toEqual(view);
    const audit = await auditOf(paymentId, 'payment.refund');
    expect(audit).toHaveLength(3);
    expect(audit.every((row) => (row.after as { status: string }).status === 'REFUNDED' && (row.details as { via: string }).via === 'refund-workflow')).toBe(
      true,
    );
  });
});
