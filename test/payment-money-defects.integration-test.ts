// The attacker's view of the money path (issue "The attacker's view", items 1–5), on the stack's
// real worker, Temporal, Postgres and sandbox acquirer: readings that cannot be forged or priced
// twice, webhook news that moves nothing the acquirer does not confirm, a worker that takes no
// unencrypted approval, and demo accounts only in the demo mode.
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@voltpay/sandbox-acquirer/webhook-signature';
import { findAccount } from '@voltpay/activities/payments';
import { prisma } from '@voltpay/prisma';
import {
  acquirerEventSignal,
  cancelUpdate,
  confirmUpdate,
  paymentWorkflowId,
  setAccountUpdate,
  setElectricityUpdate,
  setPeriodUpdate,
} from '@voltpay/workflows/payment';
import type { AcquirerEvent, QuoteError } from '@voltpay/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectPaymentClient,
  createTestAccount,
  getState,
  startPayment,
  testPeriod,
  waitForStatus,
  type PaymentHandle,
  type TestAccount,
} from './support/payments';
import { SANDBOX_CARDS, submitCard } from './support/sandbox-card';
import { createStaffUser, staffCaller } from './support/staff';
import { stackEnv } from './support/stack-env';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
};
const quoteRefusal = async (promise: Promise<unknown>): Promise<QuoteError> => {
  const failure = await refusal(promise);
  expect(failure.type).toBe('QUOTE_REFUSED');
  return failure.details?.[0] as QuoteError;
};

const single = (start: number, end: number) => ({ kind: 'readings' as const, readings: [{ zone: 'SINGLE' as const, start, end }] });

/** Account and period set; the bill as the workflow holds it. */
const opened = async (client: Client, account: TestAccount) => {
  const payment = await startPayment(client);
  await payment.handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: account.districtCode, accountNumber: account.number }] });
  const { bill, quote } = await payment.handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] });
  return { ...payment, bill, quote };
};

const holds = (paymentId: string) => prisma.meterReadingReservation.findMany({ where: { paymentId }, orderBy: { zone: 'asc' } });
const stays = async (handle: PaymentHandle, status: string, ms = 2_500) => {
  // A negative: nothing may move it. Checked for a while, not asserted as a duration.
  const until = Date.now() + ms;
  while (Date.now() < until) {
    expect((await getState(handle)).status).toBe(status);
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe('the money path, as an attacker would try it', () => {
  let temporal: Connected;
  beforeAll(async () => {
    temporal = await connectPaymentClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('takes the start reading from the last recorded one: paying 1 kWh cannot record 199 more as paid', async () => {
    const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 12390 } });
    const { handle, bill } = await opened(temporal.client, account);
    expect(bill.lastReadings.map((r) => r.value)).toEqual([12390]);
    const refused = await quoteRefusal(handle.executeUpdate(setElectricityUpdate, { args: [single(12589, 12590)] }));
    expect(refused).toMatchObject({ code: 'READING_START_MISMATCH', params: { zone: 'SINGLE', start: 12390, given: 12589 } });
    const honest = await handle.executeUpdate(setElectricityUpdate, { args: [single(12390, 12590)] });
    expect(honest.lines.find((l) => l.kind === 'ELECTRICITY')?.kwh).toBe(200);
    await handle.executeUpdate(cancelUpdate);
  });

  it('a first payment declares its start: recorded unverified, never the next one’s start', async () => {
    const account = await createTestAccount(prisma, { lastReadings: {} });
    const { handle, paymentId, bill } = await opened(temporal.client, account);
    expect(bill.lastReadings).toEqual([]);
    const quote = await handle.executeUpdate(setElectricityUpdate, { args: [single(500, 600)] });
    expect(quote.lines.find((l) => l.kind === 'ELECTRICITY')?.zones?.[0]).toMatchObject({ start: 500, startDeclared: true });
    const { paymentUrl } = await handle.executeUpdate(confirmUpdate);
    expect(await holds(paymentId)).toMatchObject([{ zone: 'SINGLE', startValue: 500, endValue: 600, declared: true, status: 'HELD' }]);
    await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
    await waitForStatus(handle, 'COMPLETED');
    expect(await prisma.meterReading.findMany({ where: { paymentId }, select: { value: true, verified: true } })).toEqual([{ value: 600, verified: false }]);
    expect(await holds(paymentId)).toMatchObject([{ status: 'RECORDED' }]);

    const next = await opened(temporal.client, account);
    expect(next.bill.lastReadings).toEqual([]);
    await next.handle.executeUpdate(cancelUpdate);

    // Staff check it and approve: only then is it where the meter's next payment starts. A clerk
    // may see it, not approve it; the approval is audited.
    const clerk = staffCaller({ prisma, staff: await createStaffUser({ prisma, roles: ['sales'] }) });
    expect(await clerk.payments.getPaymentReadings({ paymentId })).toMatchObject([{ zone: 'SINGLE', start: 500, end: 600, verified: false }]);
    await expect(clerk.operations.approveDeclaredReadings({ paymentId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const operator = await createStaffUser({ prisma, roles: ['operator'] });
    expect(await staffCaller({ prisma, staff: operator }).operations.approveDeclaredReadings({ paymentId })).toEqual({ approved: 1 });
    expect(await prisma.auditLog.count({ where: { action: 'readings.approve', targetId: paymentId, actorId: operator.email } })).toBe(1);
    await expect(staffCaller({ prisma, staff: operator }).operations.approveDeclaredReadings({ paymentId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const approved = await opened(temporal.client, account);
    expect(approved.bill.lastReadings.map((r) => r.value)).toEqual([600]);
    await approved.handle.executeUpdate(cancelUpdate);
  });

  it('two payments of one meter: the second starts where the first ends, and a paid charge is not charged again', async () => {
    const account = await createTestAccount(prisma, { lastReadings: { SINGLE: 12540 }, commonAreaKopecks: 12_345 });
    // Two tabs: both load the bill before either confirms.
    const first = await opened(temporal.client, account);
    const second = await opened(temporal.client, account);
    expect([first.bill.lastReadings[0]?.value, second.bill.lastReadings[0]?.value]).toEqual([12540, 12540]);

    await first.handle.executeUpdate(setElectricityUpdate, { args: [single(12540, 12590)] });
    const { paymentUrl } = await first.handle.executeUpdate(confirmUpdate);
    expect(await holds(first.paymentId)).toMatchObject([{ startValue: 12540, endValue: 12590, status: 'HELD' }]);

    await second.handle.executeUpdate(setElectricityUpdate, { args: [single(12540, 12600)] });
    const changed = await quoteRefusal(second.handle.executeUpdate(confirmUpdate));
    expect(changed).toMatchObject({ code: 'READINGS_CHANGED', params: { zone: 'SINGLE', start: 12590 } });
    const after = await getState(second.handle);
    expect(after).toMatchObject({ status: 'DRAFT', electricity: null, acquirer: null });
    expect(after.bill?.lastReadings.map((r) => r.value)).toEqual([12590]);
    expect(await holds(second.paymentId)).toEqual([]);

    await submitCard(paymentUrl, SANDBOX_CARDS.frictionless);
    await waitForStatus(first.handle, 'COMPLETED');

    // A third tab opened now: the start is the first payment's end, and the МОП it paid is shown paid, left out.
    const third = await opened(temporal.client, account);
    expect(third.bill.lastReadings.map((r) => r.value)).toEqual([12590]);
    expect(third.bill.paid?.commonAreaKopecks).toBe(12_345);
    expect(third.quote).toBeNull(); // nothing to pay but what the resident adds
    const repriced = await third.handle.executeUpdate(setElectricityUpdate, { args: [single(12590, 12600)] });
    expect(repriced.lines.find((l) => l.kind === 'COMMON_AREA')).toMatchObject({ included: false, alreadyPaid: true });
    await third.handle.executeUpdate(cancelUpdate);

    await second.handle.executeUpdate(setElectricityUpdate, { args: [single(12590, 12600)] });
    await second.handle.executeUpdate(confirmUpdate);
    await second.handle.executeUpdate(cancelUpdate);
    // Cancelled unpaid: its hold is released, and the meter stands where the paid payment left it.
    await expect.poll(async () => (await holds(second.paymentId)).map((h) => h.status), { timeout: 20_000 }).toEqual(['RELEASED']);
    const fourth = await opened(temporal.client, account);
    expect(fourth.bill.lastReadings.map((r) => r.value)).toEqual([12590]);
    await fourth.handle.executeUpdate(cancelUpdate);
  });

  it('an approval that is not the acquirer’s moves nothing: neither a plain signal nor a signed event the acquirer does not confirm', async () => {
    const account = await createTestAccount(prisma);
    const { handle, paymentId, bill } = await opened(temporal.client, account);
    const start = bill.lastReadings[0]!.value;
    const quote = await handle.executeUpdate(setElectricityUpdate, { args: [single(start, start + 10)] });
    const { orderId } = await handle.executeUpdate(confirmUpdate);
    const approval: AcquirerEvent = {
      eventId: `evt_forged_${paymentId}`,
      orderId,
      reference: paymentId,
      type: 'APPROVED',
      amountKopecks: quote.totalKopecks,
      currency: 'RUB',
      cardLast4: '4242',
      declineReason: null,
      occurredAt: new Date().toISOString(),
    };

    // Anyone who reaches Temporal's frontend: a client without our payload key.
    const connection = await Connection.connect({ address: stackEnv.temporalAddress });
    try {
      const plain = new Client({ connection, namespace: stackEnv.namespace });
      await plain.workflow.getHandle(paymentWorkflowId(paymentId)).signal(acquirerEventSignal, approval);
    } finally {
      await connection.close();
    }
    await stays(handle, 'AWAITING_CARD');

    // A correctly signed notification (the acquirer's own key) for an order the acquirer still shows unpaid.
    const body = JSON.stringify({ ...approval, eventId: `${approval.eventId}_signed` });
    const answer = await fetch(`${stackEnv.webUrl}/api/acquirer/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook({ secret: stackEnv.acquirerWebhookSecret!, rawBody: body }) },
      body,
    });
    expect(answer.status).toBe(200);
    await stays(handle, 'AWAITING_CARD');
    expect(await prisma.ledgerPosting.count({ where: { paymentId } })).toBe(0);
    await handle.executeUpdate(cancelUpdate);
  });

  it('a demo account exists only in the demo mode', async () => {
    const account = await createTestAccount(prisma);
    const ref = { districtCode: account.districtCode, accountNumber: account.number };
    expect(await findAccount({ prisma, ref, demoMode: true })).toMatchObject({ found: true });
    expect(await findAccount({ prisma, ref, demoMode: false })).toEqual({ found: false, reason: 'ACCOUNT_NOT_FOUND' });
  });
});
