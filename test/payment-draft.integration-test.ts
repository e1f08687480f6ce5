// The draft phase of the payment workflow, on the stack's real worker, Temporal and Postgres:
// account look-up, period, quote, line options, email, cancel and idle expiry.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { prisma } from '@voltpay/prisma';
import {
  cancelUpdate,
  confirmUpdate,
  setAccountUpdate,
  setElectricityUpdate,
  setLineOptionsUpdate,
  setPeriodUpdate,
  setReceiptEmailUpdate,
} from '@voltpay/workflows/payment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPaymentClient, createTestAccount, getState, startPayment, testPeriod, waitForStatus } from './support/payments';

type Connected = Awaited<ReturnType<typeof connectPaymentClient>>;

/** The ApplicationFailure an update was refused with. */
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

describe('payment workflow: the draft', () => {
  let temporal: Connected;
  beforeAll(async () => {
    temporal = await connectPaymentClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
  });

  it('shows the account with the flat hidden, then prices readings and extras for the period', async () => {
    const account = await createTestAccount(prisma, { commonAreaKopecks: 12_345, penaltyKopecks: 678, debtKopecks: 50_000 });
    const { handle } = await startPayment(temporal.client);

    const { account: view, periods } = await handle.executeUpdate(setAccountUpdate, {
      args: [{ districtCode: 'omsk', accountNumber: ` ${account.number.slice(0, 4)} ${account.number.slice(4)} ` }],
    });
    expect(view.number).toBe(account.number);
    expect(view.maskedAddress).toMatch(/^г\. Омск, ул\. Тестовая, д\. \d+, кв\. ••$/);
    expect(periods.find((p) => p.period === testPeriod())?.debtKopecks).toBe(50_000);

    const { bill, quote: extrasOnly } = await handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] });
    expect(bill.lastReadings).toEqual([{ zone: 'SINGLE', value: 1000, period: expect.any(String) }]);
    expect(bill.tariff?.rates.find((r) => r.zone === 'SINGLE')?.rateCentikopecks).toBeGreaterThan(0);
    expect(extrasOnly?.totalKopecks).toBe(12_345 + 678);

    const rate = bill.tariff!.rates.find((r) => r.zone === 'SINGLE')!.rateCentikopecks;
    const quote = await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1150 }] }] });
    const electricity = Math.floor((150 * rate + 50) / 100);
    expect(quote.lines.find((l) => l.kind === 'ELECTRICITY')).toMatchObject({ amountKopecks: electricity, kwh: 150, included: true });
    expect(quote.totalKopecks).toBe(electricity + 12_345 + 678);

    const withDebt = await handle.executeUpdate(setLineOptionsUpdate, { args: [{ debt: true, penalty: false }] });
    expect(withDebt?.totalKopecks).toBe(electricity + 12_345 + 50_000);
    expect(withDebt?.lines.find((l) => l.kind === 'PENALTY')).toMatchObject({ included: false, amountKopecks: 678 });

    await handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email: ' Resident@Example.RU ' }] });
    const state = await getState(handle);
    expect(state).toMatchObject({ status: 'DRAFT', receiptEmail: 'resident@example.ru', options: { commonArea: true, penalty: false, debt: true } });
    expect(state.quote?.totalKopecks).toBe(withDebt?.totalKopecks);
    await handle.executeUpdate(cancelUpdate);
  });

  it('refuses bad input with a reason and changes nothing', async () => {
    const account = await createTestAccount(prisma, { debtKopecks: 16_000_000 });
    const { handle } = await startPayment(temporal.client);

    expect((await refusal(handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '12ab' }] }))).type).toBe('INVALID_INPUT');
    expect((await refusal(handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99990000001' }] }))).type).toBe(
      'ACCOUNT_NOT_FOUND',
    );
    // An unknown housing office and an unknown account look the same to whoever is guessing.
    const unknownOffice = await refusal(handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '00001234567' }] }));
    expect(unknownOffice.type).toBe('ACCOUNT_NOT_FOUND');
    expect(unknownOffice.details).toEqual([]);
    expect((await refusal(handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] }))).type).toBe('STEP_MISSING');

    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: account.number }] });
    expect((await refusal(handle.executeUpdate(setPeriodUpdate, { args: [{ period: '2999-01' }] }))).details).toEqual([
      { field: 'period', code: 'PERIOD_IN_FUTURE' },
    ]);
    await handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] });

    const backwards = await refusal(
      handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 900 }] }] }),
    );
    expect(backwards.type).toBe('QUOTE_REFUSED');
    expect(backwards.details?.[0]).toMatchObject({ code: 'READING_WENT_BACKWARDS' });
    const wrongZones = await refusal(
      handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'DAY', start: 1000, end: 1100 }] }] }),
    );
    expect(wrongZones.details?.[0]).toMatchObject({ code: 'READINGS_ZONES_MISMATCH' });

    await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'amount', amountKopecks: 100_000 }] });
    // The debt of 160 000 ₽ would take the total over the 150 000 ₽ ceiling.
    const ceiling = await refusal(handle.executeUpdate(setLineOptionsUpdate, { args: [{ debt: true }] }));
    expect(ceiling.details?.[0]).toMatchObject({ code: 'TOTAL_OVER_CEILING' });
    expect((await refusal(handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email: 'not-an-email' }] }))).type).toBe('INVALID_INPUT');

    const state = await getState(handle);
    expect(state.options.debt).toBe(false);
    expect(state.quote?.totalKopecks).toBe(100_000);
    expect(state.receiptEmail).toBeNull();
    // Input refused by a validator never reaches the history; only the three good steps and the
    // two look-ups that needed the database to say "no such account" were accepted.
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const failed = history.events!.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.failure).length;
    expect({ accepted, failed }).toEqual({ accepted: 5, failed: 2 });
    await handle.executeUpdate(cancelUpdate);
  });

  it('"Change account" starts the bill over', async () => {
    const first = await createTestAccount(prisma, { commonAreaKopecks: 1_000 });
    const second = await createTestAccount(prisma, { plan: 'DAY_NIGHT' });
    const { handle } = await startPayment(temporal.client);
    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: first.number }] });
    await handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] });
    await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'amount', amountKopecks: 5_000 }] });

    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: second.number }] });
    const state = await getState(handle);
    expect(state).toMatchObject({ period: null, bill: null, electricity: null, quote: null, account: { number: second.number, tariffPlan: 'DAY_NIGHT' } });
    expect((await refusal(handle.executeUpdate(confirmUpdate))).type).toBe('STEP_MISSING');
    await handle.executeUpdate(cancelUpdate);
  });

  it('cancels a draft, after which no step is accepted', async () => {
    const { handle } = await startPayment(temporal.client);
    expect((await handle.executeUpdate(cancelUpdate)).status).toBe('CANCELLED');
    expect((await handle.result()).status).toBe('CANCELLED');
    // The workflow has ended: Temporal itself refuses further steps, and the state stays readable.
    await expect(handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99991234567' }] })).rejects.toThrow(
      /already completed/,
    );
    expect((await getState(handle)).status).toBe('CANCELLED');
    // A draft that never reached the acquirer is not a payment staff need to see.
    expect(await prisma.payment.findUnique({ where: { id: (await getState(handle)).paymentId } })).toBeNull();
  });

  it('expires a draft nobody touches, and keeps one that is being filled in', async () => {
    const account = await createTestAccount(prisma);
    const idle = await startPayment(temporal.client, { draftIdleTimeoutMs: 1_500 });
    const busy = await startPayment(temporal.client, { draftIdleTimeoutMs: 4_000 });
    await busy.handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: account.number }] });

    const expired = await waitForStatus(idle.handle, 'EXPIRED', 20_000);
    expect(expired.timeline.at(-1)?.event).toBe('EXPIRED');
    expect((await getState(busy.handle)).status).toBe('DRAFT');
    await busy.handle.executeUpdate(setPeriodUpdate, { args: [{ period: testPeriod() }] });
    expect((await waitForStatus(busy.handle, 'EXPIRED', 20_000)).period).toBe(testPeriod());
  });
});
