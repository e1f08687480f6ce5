// The sales desk's procedures against the real stack: receipt checks, payment search, a payment's
// whole story (ledger, emails, the acquirer asked live, the Temporal timeline), and a claim's
// lifecycle with its audit rows and the ledger guards on "posted" and "refunded".
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { createSandboxGateway } from '@voltpay/acquirer-gateway';
import { createCaller, createTRPCContext, fetchAcquirerView, type StaffIdentity } from '@voltpay/admin/testing';
import { prisma, type StaffRole } from '@voltpay/prisma';
import { confirmUpdate, refundUpdate, retryPostingUpdate, setReceiptEmailUpdate } from '@voltpay/workflows/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booksOf, confirmedPayment, refuseInserts } from './support/fulfilment';
import { connectPaymentClient, createTestAccount, fillDraft, startPayment, waitForStatus, type TestAccount } from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

type PaidPayment = {
  paymentId: string;
  account: TestAccount;
  receipt: { number: string; verificationCode: string; totalKopecks: number };
};

/** A completed payment of `kwh` on a fresh account, paid with the frictionless card, its receipt emailed to `email`. */
const payCompleted = async (client: Connected['client'], { email, kwh }: { email: string; kwh: number }): Promise<PaidPayment> => {
  const account = await createTestAccount(prisma);
  const { paymentId, handle } = await startPayment(client);
  await fillDraft(handle, account, { kwh });
  await handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email }] });
  const { paymentUrl } = await handle.executeUpdate(confirmUpdate);
  await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
  await waitForStatus(handle, 'COMPLETED');
  await handle.result(); // the read model has caught up once the workflow has ended
  const receipt = await prisma.receipt.findUniqueOrThrow({ where: { paymentId } });
  return { paymentId, account, receipt };
};

const createStaff = async (roles: StaffRole[]): Promise<StaffIdentity> => {
  const email = `sales-test-${randomUUID().slice(0, 8)}@voltpay.test`;
  const user = await prisma.staffUser.create({ data: { email, name: `Тест ${roles.join('+')}`, roles } });
  return { id: user.id, email: user.email, name: user.name, roles: user.roles };
};

/** `656,99` for 65699 kopecks: how a clerk types an amount. */
const typedRoubles = (kopecks: number) => `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;

/** Today in Omsk, `YYYY-MM-DD`. */
const omskToday = () => new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);

const trpcError = async (promise: Promise<unknown>): Promise<TRPCError> => {
  const error = await promise.then(
    () => {
      throw new Error('the procedure succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

/** Prisma answers JSON columns as plain JSON; tests read the parts they check. */
const asRecord = (value: unknown) => value as Record<string, unknown>;

describe('console: the sales desk', () => {
  let temporal: Connected;
  let clerk: StaffIdentity;
  let operatorOnly: StaffIdentity;
  let first: PaidPayment;
  let second: PaidPayment;
  const residentEmail = `Resident-${randomUUID().slice(0, 8)}@Example.ru`;

  const callerFor = (staff: StaffIdentity) =>
    createCaller(() => createTRPCContext({ headers: new Headers(), staff, prisma, temporal: async () => temporal.client }));

  beforeAll(async () => {
    temporal = await connectPaymentClient();
    clerk = await createStaff(['sales']);
    operatorOnly = await createStaff(['operator']);
    // Two payments to one address, different amounts: enough to see filters, sorting and paging work.
    first = await payCompleted(temporal.client, { email: residentEmail, kwh: 100 });
    second = await payCompleted(temporal.client, { email: residentEmail, kwh: 150 });
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  describe('receipt check', () => {
    it('a genuine receipt names its payment, and the check is audited', async () => {
      const sales = callerFor(clerk);
      const result = await sales.receipts.checkReceipt({ number: first.receipt.number, code: first.receipt.verificationCode.toLowerCase() });
      expect(result).toMatchObject({
        outcome: 'GENUINE',
        paymentId: first.paymentId,
        totalKopecks: first.receipt.totalKopecks,
        accountNumber: first.account.number,
      });
      const audit = await prisma.auditLog.findFirst({
        where: { action: 'receipt.check', actorId: clerk.email, targetId: first.receipt.number },
        orderBy: { createdAt: 'desc' },
      });
      expect(asRecord(audit?.details)).toMatchObject({ outcome: 'GENUINE', paymentId: first.paymentId });
    });

    it('a wrong code is a forgery of a real number; an unknown number is not ours', async () => {
      const sales = callerFor(clerk);
      const code = first.receipt.verificationCode;
      const tampered = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
      expect(await sales.receipts.checkReceipt({ number: first.receipt.number, code: tampered })).toEqual({
        outcome: 'FORGED',
        number: first.receipt.number,
        paymentId: first.paymentId,
      });
      expect(await sales.receipts.checkReceipt({ number: '19990101-999999', code })).toMatchObject({ outcome: 'NOT_FOUND' });
      expect((await trpcError(sales.receipts.checkReceipt({ number: ' ', code }))).code).toBe('BAD_REQUEST');
    });

    it('is for sales (and admins): an operator alone is refused', async () => {
      const error = await trpcError(callerFor(operatorOnly).receipts.checkReceipt({ number: first.receipt.number, code: first.receipt.verificationCode }));
      expect(error.code).toBe('FORBIDDEN');
    });
  });

  describe('payment search', () => {
    it('finds by receipt number (as typed, without the dash), account number and email of any case', async () => {
      const sales = callerFor(clerk);
      const byReceipt = await sales.payments.findPayments({ receiptNumber: first.receipt.number.replace('-', ' ') });
      expect(byReceipt.items.map((i) => i.id)).toEqual([first.paymentId]);
      expect(byReceipt.items[0]).toMatchObject({
        receiptNumber: first.receipt.number,
        accountNumber: first.account.number,
        status: 'COMPLETED',
        cardLast4: '1111',
      });

      const byAccount = await sales.payments.findPayments({ accountNumber: second.account.number });
      expect(byAccount.items.map((i) => i.id)).toEqual([second.paymentId]);

      const byEmail = await sales.payments.findPayments({ email: ` ${residentEmail.toUpperCase()} ` });
      expect(byEmail.items.map((i) => i.id).sort()).toEqual([first.paymentId, second.paymentId].sort());
    });

    it('card last 4 + typed amount + today + status narrow to the one payment; another amount finds none', async () => {
      const sales = callerFor(clerk);
      const filter = {
        cardLast4: '1111',
        amount: typedRoubles(first.receipt.totalKopecks),
        createdFrom: omskToday(),
        createdTo: omskToday(),
        statuses: ['COMPLETED' as const],
      };
      const found = await sales.payments.findPayments({ ...filter, email: residentEmail });
      expect(found.items.map((i) => i.id)).toEqual([first.paymentId]);
      expect(found.items[0]!.totalKopecks).toBe(first.receipt.totalKopecks);
      // Without the email the amount and card still find it among everyone's payments of today.
      expect((await sales.payments.findPayments({ ...filter, pageSize: 100 })).items.map((i) => i.id)).toContain(first.paymentId);
      expect((await sales.payments.findPayments({ ...filter, email: residentEmail, amount: typedRoubles(first.receipt.totalKopecks + 1) })).total).toBe(0);
      expect((await sales.payments.findPayments({ email: residentEmail, statuses: ['NEEDS_ATTENTION'] })).total).toBe(0);
      expect((await sales.payments.findPayments({ email: residentEmail, createdFrom: '2000-01-01', createdTo: '2000-01-31' })).total).toBe(0);
    });

    it('sorts and pages in the database', async () => {
      const sales = callerFor(clerk);
      const [cheaper, dearer] = [first, second].sort((a, b) => a.receipt.totalKopecks - b.receipt.totalKopecks);
      const ascending = await sales.payments.findPayments({ email: residentEmail, sort: 'totalKopecks', direction: 'asc' });
      expect(ascending.items.map((i) => i.id)).toEqual([cheaper!.paymentId, dearer!.paymentId]);
      const descending = await sales.payments.findPayments({ email: residentEmail, sort: 'totalKopecks', direction: 'desc' });
      expect(descending.items.map((i) => i.id)).toEqual([dearer!.paymentId, cheaper!.paymentId]);
      const page2 = await sales.payments.findPayments({ email: residentEmail, sort: 'totalKopecks', direction: 'asc', page: 2, pageSize: 1 });
      expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page2.items.map((i) => i.id)).toEqual([dearer!.paymentId]);
    });

    it('refuses an amount that is not roubles and kopecks, with the field named', async () => {
      const error = await trpcError(callerFor(clerk).payments.findPayments({ amount: '12,345' }));
      expect(error.code).toBe('BAD_REQUEST');
      const fieldErrors = (error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues?.map((i) => i.path[0]);
      expect(fieldErrors).toContain('amount');
    });
  });

  describe('payment page', () => {
    it('has every line, the receipt, balanced ledger entries, the email sent and the Temporal UI link', async () => {
      const details = await callerFor(clerk).payments.getPayment({ paymentId: first.paymentId });
      expect(details.payment).toMatchObject({ status: 'COMPLETED', totalKopecks: first.receipt.totalKopecks, workflowId: `payment-${first.paymentId}` });
      expect(details.lines.reduce((sum, line) => sum + line.amountKopecks, 0)).toBe(details.payment.totalKopecks);
      expect(details.lines.find((l) => l.kind === 'ELECTRICITY')?.kwh).toBe(100);
      expect(details.receipt).toMatchObject({ number: first.receipt.number, verificationCode: first.receipt.verificationCode });
      expect(details.receipt?.pdfUrl).toContain(`/api/v1/receipts/${first.receipt.number}.pdf`);

      expect(details.ledger).toMatchObject({ posted: true, refunded: false, balanced: true });
      const [posting] = details.ledger.postings;
      expect(posting).toMatchObject({
        kind: 'PAYMENT',
        totalKopecks: details.payment.totalKopecks,
        debitKopecks: details.payment.totalKopecks,
        creditKopecks: details.payment.totalKopecks,
      });
      expect(posting!.entries.filter((e) => e.direction === 'CREDIT' && e.accountId === first.account.id).reduce((s, e) => s + e.amountKopecks, 0)).toBe(
        details.payment.totalKopecks,
      );

      expect(details.emails).toHaveLength(1);
      expect(details.emails[0]).toMatchObject({ to: residentEmail.toLowerCase(), status: 'STORED', attachmentName: `receipt-${first.receipt.number}.pdf` });
      expect(details.emails[0]!.subject).toContain(first.receipt.number);
      expect(details.emails[0]!.preview.length).toBeLessThanOrEqual(241);

      if (process.env.TEMPORAL_UI_URL)
        expect(details.temporalUiUrl).toBe(
          `${process.env.TEMPORAL_UI_URL.replace(/\/+$/, '')}/namespaces/${process.env.TEMPORAL_NAMESPACE}/workflows/payment-${first.paymentId}`,
        );
      expect((await trpcError(callerFor(clerk).payments.getPayment({ paymentId: randomUUID() }))).code).toBe('NOT_FOUND');
    });

    it('asks the acquirer live, and says so plainly when the acquirer does not answer', async () => {
      const view = await callerFor(clerk).payments.getPaymentAcquirerView({ paymentId: first.paymentId });
      expect(view).toMatchObject({
        kind: 'OK',
        order: { status: 'APPROVED', amountKopecks: first.receipt.totalKopecks, reference: first.paymentId, cardLast4: '1111' },
      });
      const payment = await prisma.payment.findUniqueOrThrow({ where: { id: first.paymentId } });
      // Nothing listens on port 9 (discard): a real connection refusal, as when the acquirer is down.
      const down = createSandboxGateway({ baseUrl: 'http://127.0.0.1:9', apiKey: 'x'.repeat(16), webhookSecret: 'x'.repeat(32), timeoutMs: 2_000 });
      expect(await fetchAcquirerView({ gateway: down, orderId: payment.acquirerOrderId })).toMatchObject({
        kind: 'UNAVAILABLE',
        message: expect.stringContaining('unreachable'),
      });
    });

    it('tells the story from the workflow history: updates by name, activities by type, status changes', async () => {
      const timeline = await callerFor(clerk).payments.getPaymentTimeline({ paymentId: first.paymentId });
      if (timeline.kind !== 'OK') throw new Error(`timeline: ${JSON.stringify(timeline)}`);
      const seen = (kind: string, name: string, outcome: string) => timeline.steps.some((s) => s.kind === kind && s.name === name && s.outcome === outcome);
      expect(seen('WORKFLOW', 'paymentWorkflow', 'STARTED')).toBe(true);
      expect(seen('UPDATE', 'confirm', 'ACCEPTED')).toBe(true);
      expect(seen('UPDATE', 'confirm', 'COMPLETED')).toBe(true);
      expect(seen('ACTIVITY', 'postToLedger', 'COMPLETED')).toBe(true);
      expect(seen('ACTIVITY', 'issueReceipt', 'COMPLETED')).toBe(true);
      expect(seen('STATE', 'COMPLETED', 'CHANGED')).toBe(true);
      expect(seen('WORKFLOW', 'workflow', 'COMPLETED')).toBe(true);
      expect(timeline.state?.status).toBe('COMPLETED');
      const times = timeline.steps.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // Payloads stay encrypted: no step carries the resident's address.
      expect(JSON.stringify(timeline.steps).toLowerCase()).not.toContain(residentEmail.toLowerCase());
    });
  });

  describe('claims', () => {
    it('lifecycle: open from a genuine receipt, note, investigate, resolve as posted with the evidence frozen; every step audited', async () => {
      const sales = callerFor(clerk);
      const claim = await sales.claims.openClaim({
        receiptNumber: first.receipt.number,
        receiptCode: first.receipt.verificationCode,
        residentName: 'Петрова Анна Ивановна',
        residentContact: '+7 913 000-00-00',
        description: 'Оплатила картой, на лицевой счёт не поступило.',
      });
      expect(claim).toMatchObject({ status: 'OPEN', paymentId: first.paymentId, receiptNumber: first.receipt.number, receiptGenuine: true });

      await sales.claims.addClaimNote({ claimId: claim.id, body: 'Позвонила, квитанция на руках.' });
      expect((await sales.claims.startClaimInvestigation({ claimId: claim.id })).status).toBe('INVESTIGATING');
      expect((await trpcError(sales.claims.startClaimInvestigation({ claimId: claim.id }))).code).toBe('CONFLICT');

      // Posted and never refunded: "refunded" is refused, "posted" accepted.
      const refused = await trpcError(sales.claims.resolveClaim({ claimId: claim.id, resolution: 'REFUNDED', note: 'Возврат на карту.' }));
      expect(refused.code).toBe('PRECONDITION_FAILED');
      const resolved = await sales.claims.resolveClaim({ claimId: claim.id, resolution: 'POSTED', note: 'Платёж зачислен, проводка от сегодняшнего числа.' });
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'POSTED' });
      expect(resolved.resolvedAt).toBeInstanceOf(Date);
      expect((await trpcError(sales.claims.resolveClaim({ claimId: claim.id, resolution: 'REJECTED', note: 'Ещё раз.' }))).code).toBe('CONFLICT');

      const loaded = await sales.claims.getClaim({ claimId: claim.id });
      expect(loaded.notes.map((n) => n.body)).toEqual(['Позвонила, квитанция на руках.']);
      expect(loaded.claim.resolvedBy).toMatchObject({ email: clerk.email });
      const evidence = asRecord(loaded.claim.evidence);
      expect(asRecord(evidence.payment)).toMatchObject({ id: first.paymentId, status: 'COMPLETED' });
      expect(asRecord(evidence.ledger)).toMatchObject({ posted: true, refunded: false, balanced: true });
      expect(asRecord(evidence.acquirer)).toMatchObject({ kind: 'OK' });
      expect(asRecord(evidence.timeline)).toMatchObject({ kind: 'OK' });
      expect((evidence.emails as unknown[]).length).toBe(1);
      expect(evidence.resolvedBy).toBe(clerk.email);

      const audit = await prisma.auditLog.findMany({ where: { targetType: 'claim', targetId: claim.id }, orderBy: { createdAt: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(['claim.open', 'claim.addNote', 'claim.startInvestigation', 'claim.resolve']);
      expect(audit.every((a) => a.actorType === 'STAFF' && a.actorId === clerk.email)).toBe(true);
      const resolveRow = audit.at(-1)!;
      expect(asRecord(resolveRow.before)).toMatchObject({ status: 'INVESTIGATING', resolution: null });
      expect(asRecord(resolveRow.after)).toMatchObject({ status: 'RESOLVED', resolution: 'POSTED' });

      const listed = await sales.claims.findClaims({ status: 'RESOLVED', pageSize: 100 });
      expect(listed.items.map((c) => c.id)).toContain(claim.id);
      expect(listed.items.every((c) => c.status === 'RESOLVED')).toBe(true);
      expect((await sales.payments.getPayment({ paymentId: first.paymentId })).claims.map((c) => c.id)).toContain(claim.id);
    });

    it('a forged receipt is recorded as such, is not linked to a payment, and can only be rejected', async () => {
      const sales = callerFor(clerk);
      const claim = await sales.claims.openClaim({
        receiptNumber: second.receipt.number,
        receiptCode: 'AAAA-BBBB-CCCC',
        residentName: 'Сидоров П. П.',
        description: 'Квитанция есть, денег нет.',
      });
      expect(claim).toMatchObject({ receiptGenuine: false, paymentId: null });
      expect((await trpcError(sales.claims.resolveClaim({ claimId: claim.id, resolution: 'POSTED', note: 'Зачислен.' }))).code).toBe('PRECONDITION_FAILED');
      expect((await sales.claims.resolveClaim({ claimId: claim.id, resolution: 'REJECTED', note: 'Квитанция поддельная: код не совпал.' })).resolution).toBe(
        'REJECTED',
      );
      expect((await trpcError(sales.claims.openClaim({ residentName: 'А', description: 'x' }))).code).toBe('BAD_REQUEST');
      expect((await trpcError(callerFor(operatorOnly).claims.openClaim({ residentName: 'Оператор', description: 'не его работа' }))).code).toBe('FORBIDDEN');
    });

    it('a payment stuck at posting cannot be resolved as posted until the posting is retried', async () => {
      const sales = callerFor(clerk);
      const { paymentId, handle, paymentUrl } = await confirmedPayment(temporal.client);
      const allow = await refuseInserts('ledger_postings', `NEW.payment_id = '${paymentId}'`, 'ledger closed for the test');
      let claimId: string;
      try {
        await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
        await waitForStatus(handle, 'NEEDS_ATTENTION');
        await expect.poll(async () => (await prisma.payment.findUnique({ where: { id: paymentId } }))?.status, { timeout: 30_000 }).toBe('NEEDS_ATTENTION');
        const details = await sales.payments.getPayment({ paymentId });
        expect(details.ledger).toMatchObject({ posted: false, postings: [] });
        const timeline = await sales.payments.getPaymentTimeline({ paymentId });
        expect(
          timeline.kind === 'OK' &&
            timeline.steps.some((s) => s.kind === 'ACTIVITY' && s.name === 'postToLedger' && s.outcome === 'FAILED' && /ledger closed/.test(s.detail ?? '')),
        ).toBe(true);
        expect(timeline.kind === 'OK' && timeline.state?.attention?.stage).toBe('POSTING');

        claimId = (await sales.claims.openClaim({ paymentId, residentName: 'Кузнецова Е.', description: 'Деньги списаны, на счёт не пришли.' })).id;
        const refused = await trpcError(sales.claims.resolveClaim({ claimId, resolution: 'POSTED', note: 'Зачислен.' }));
        expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('не проведён') });
      } finally {
        await allow();
      }
      await handle.executeUpdate(retryPostingUpdate, { args: [{ actor: clerk.email }] });
      await expect.poll(async () => (await booksOf(paymentId)).kinds, { timeout: 45_000 }).toEqual(['PAYMENT']);
      expect((await sales.claims.resolveClaim({ claimId, resolution: 'POSTED', note: 'Оператор провёл платёж повторно.' })).resolution).toBe('POSTED');
    });

    it('"refunded" needs a REFUND posting; a refunded payment cannot be resolved as posted', async () => {
      const sales = callerFor(clerk);
      const badAddress = `bounce-${randomUUID().slice(0, 8)}@example.ru`;
      const { paymentId, handle, paymentUrl } = await confirmedPayment(temporal.client, { email: badAddress });
      const allow = await refuseInserts('email_outbox', `NEW."to" = '${badAddress}'`, 'mailbox unavailable');
      try {
        await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
        await waitForStatus(handle, 'NEEDS_ATTENTION');
        const claimId = (await sales.claims.openClaim({ paymentId, residentName: 'Орлов И.', description: 'Прошу вернуть деньги на карту.' })).id;
        expect((await trpcError(sales.claims.resolveClaim({ claimId, resolution: 'REFUNDED', note: 'Вернули.' }))).code).toBe('PRECONDITION_FAILED');
        await handle.executeUpdate(refundUpdate, { args: [{ actor: clerk.email, reason: 'claim: resident asked for a refund' }] });
        await expect.poll(async () => (await booksOf(paymentId)).kinds.sort(), { timeout: 45_000 }).toEqual(['PAYMENT', 'REFUND']);
        expect((await trpcError(sales.claims.resolveClaim({ claimId, resolution: 'POSTED', note: 'Зачислен.' }))).message).toContain('возвращён');
        const resolved = await sales.claims.resolveClaim({ claimId, resolution: 'REFUNDED', note: 'Деньги возвращены на карту.' });
        expect(resolved.resolution).toBe('REFUNDED');
        const evidence = asRecord((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).evidence);
        expect(asRecord(evidence.ledger)).toMatchObject({ posted: true, refunded: true });
      } finally {
        await allow();
      }
    });
  });
});
