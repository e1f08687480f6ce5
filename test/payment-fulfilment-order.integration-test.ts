// The order of the fulfilment steps, activities mocked on the time-skipping test server (STYLE
// rule 8): the receipt is issued before the posting and only once, an amount the resident did not
// agree to gets no receipt, and the attempts query counts each step's runs. Also the draft frozen
// while confirm creates the order (here, not in a file of its own: one test server less to start).
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { workflowsPath } from '@voltpay/activities/worker';
import {
  CURRENT_TERMS_VERSION,
  PAYMENT_WORKFLOW_TYPE,
  confirmUpdate,
  getFulfilmentAttemptsQuery,
  getStateQuery,
  paymentWorkflowId,
  refundUpdate,
  retryPostingUpdate,
  setAccountUpdate,
  setElectricityUpdate,
  setLineOptionsUpdate,
  setPeriodUpdate,
  setReceiptEmailUpdate,
  type PaymentStartInput,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { AcquirerOrder, PaymentStatus } from '@voltpay/domain';
import { addMonths, periodOf } from '@voltpay/domain/period';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentActivityMocks, MOCK_TOTAL_KOPECKS, resetPaymentActivityMocks } from './support/payment-activity-mocks';
import { createTimeSkippingEnv } from './support/time-skipping';

const taskQueue = 'payment-fulfilment-order';
const TOTAL = MOCK_TOTAL_KOPECKS;
let period = '';

const approved = (amountKopecks: number): AcquirerOrder => ({
  orderId: 'ord_f',
  reference: 'x',
  status: 'APPROVED',
  amountKopecks,
  currency: 'RUB',
  cardLast4: '1111',
  declineReason: null,
});

const mocks = createPaymentActivityMocks();

const resetMocks = () => {
  resetPaymentActivityMocks(mocks, { period, orderId: 'ord_f' });
  mocks.getAcquirerOrder.mockResolvedValue(approved(TOTAL));
  mocks.deliverReceipt.mockResolvedValue({ channel: 'outbox', to: 'resident@example.ru', messageId: 'm1' });
  mocks.refundAcquirerOrder.mockResolvedValue({ ...approved(TOTAL), status: 'REFUNDED' });
  mocks.postRefundToLedger.mockResolvedValue({ postingId: null, created: false });
};

describe('payment fulfilment order (time-skipping, activities mocked)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: mocks });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });
  beforeEach(async () => {
    period = addMonths(periodOf(new Date(await env.currentTimeMs()).toISOString()), -1);
    resetMocks();
  });

  /** A confirmed payment whose acquirer wait (15 min, skipped) ends in the mocked getAcquirerOrder's answer. */
  const confirmed = async (email?: string) => {
    const paymentId = randomUUID();
    const input: PaymentStartInput = {
      paymentId,
      terms: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date().toISOString() },
      locale: 'ru',
      settings: { fulfilmentAttempts: 2 },
    };
    const handle = await env.client.workflow.start<(i: PaymentStartInput) => Promise<PaymentState>>(PAYMENT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: paymentWorkflowId(paymentId),
      args: [input],
    });
    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99991234567' }] });
    await handle.executeUpdate(setPeriodUpdate, { args: [{ period }] });
    await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1100 }] }] });
    if (email) await handle.executeUpdate(setReceiptEmailUpdate, { args: [{ email }] });
    await handle.executeUpdate(confirmUpdate);
    return handle;
  };
  const waitFor = async (handle: Awaited<ReturnType<typeof confirmed>>, status: PaymentStatus) => {
    // Each query lets the server skip ahead to the next timer while the workflow only waits.
    for (let i = 0; i < 200; i += 1) {
      const state = await handle.query(getStateQuery);
      if (state.status === status) return state;
      await env.sleep(60_000);
    }
    throw new Error(`never ${status}`);
  };

  it('issues the receipt first, then posts, then delivers: each once', async () => {
    const handle = await confirmed('resident@example.ru');
    const state = await handle.result();
    expect(state.status).toBe('COMPLETED');
    expect(mocks.issueReceipt).toHaveBeenCalledTimes(1);
    expect(mocks.postToLedger).toHaveBeenCalledTimes(1);
    expect(mocks.deliverReceipt).toHaveBeenCalledTimes(1);
    expect(mocks.issueReceipt.mock.invocationCallOrder[0]).toBeLessThan(mocks.postToLedger.mock.invocationCallOrder[0]!);
    expect(mocks.postToLedger.mock.invocationCallOrder[0]).toBeLessThan(mocks.deliverReceipt.mock.invocationCallOrder[0]!);
    // The payments row was written before the receipt was issued (the receipt references it by
    // foreign key), but the receipt's facts come from the workflow, not from that row.
    expect(mocks.recordPayment.mock.invocationCallOrder.some((n) => n < mocks.issueReceipt.mock.invocationCallOrder[0]!)).toBe(true);
    expect(mocks.issueReceipt).toHaveBeenCalledWith({ paymentId: state.paymentId, accountNumber: '99991234567', totalKopecks: TOTAL });
    expect(await handle.query(getFulfilmentAttemptsQuery)).toEqual({ posting: 1, delivery: 1 });
  });

  it('posting fails: parked with the receipt; the retry posts without issuing again', async () => {
    mocks.postToLedger.mockRejectedValue(ApplicationFailure.retryable('database is away', 'DB_DOWN'));
    const handle = await confirmed();
    const parked = await waitFor(handle, 'NEEDS_ATTENTION');
    expect(parked.attention?.stage).toBe('POSTING');
    expect(parked.receipt?.number).toBe('20261126-000001');
    expect(mocks.postToLedger).toHaveBeenCalledTimes(2); // fulfilmentAttempts
    expect(mocks.deliverReceipt).not.toHaveBeenCalled();
    expect(await handle.query(getFulfilmentAttemptsQuery)).toEqual({ posting: 1, delivery: 0 });

    mocks.postToLedger.mockResolvedValue({ postingId: randomUUID(), created: true });
    await handle.executeUpdate(retryPostingUpdate, { args: [{ actor: 'operator@test' }] });
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(mocks.issueReceipt).toHaveBeenCalledTimes(1);
    expect(mocks.postToLedger).toHaveBeenCalledTimes(3);
    expect(await handle.query(getFulfilmentAttemptsQuery)).toEqual({ posting: 2, delivery: 1 });
  });

  it('the acquirer approved another amount: no receipt, no posting, parked for a refund of what it approved', async () => {
    mocks.getAcquirerOrder.mockResolvedValue(approved(TOTAL + 100));
    const handle = await confirmed();
    const parked = await waitFor(handle, 'NEEDS_ATTENTION');
    expect(parked.attention).toMatchObject({ stage: 'POSTING' });
    expect(parked.attention?.error).toMatch(/refund/);
    expect(parked.receipt).toBeNull();
    await handle.executeUpdate(refundUpdate, { args: [{ actor: 'operator@test', reason: 'amount mismatch' }] });
    const state = await handle.result();
    expect(state.status).toBe('REFUNDED');
    expect(state.receipt).toBeNull();
    expect(mocks.issueReceipt).not.toHaveBeenCalled();
    expect(mocks.postToLedger).not.toHaveBeenCalled();
    expect(mocks.refundAcquirerOrder).toHaveBeenCalledWith({ paymentId: state.paymentId, orderId: 'ord_f', amountKopecks: TOTAL + 100 });
  });

  // The draft is frozen while confirm creates the order (held open here by the test): an edit in
  // that window is refused, so no charged payment is left without the quote it was charged for.
  it('refuses a change of account, readings or lines sent while the order is being created', async () => {
    // The acquirer takes its time: the order is created only when the test says so.
    let createOrder!: () => void;
    const orderAsked = new Promise<void>((asked) => {
      mocks.createAcquirerOrder.mockImplementation(
        () =>
          new Promise((resolve) => {
            asked();
            createOrder = () => resolve({ orderId: 'ord_f', paymentUrl: 'http://acquirer.test/pay/ord_f' });
          }),
      );
    });
    const paymentId = randomUUID();
    const input: PaymentStartInput = { paymentId, terms: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date().toISOString() }, locale: 'ru' };
    const handle = await env.client.workflow.start<(i: PaymentStartInput) => Promise<PaymentState>>(PAYMENT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: paymentWorkflowId(paymentId),
      args: [input],
    });
    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99991234567' }] });
    await handle.executeUpdate(setPeriodUpdate, { args: [{ period }] });
    await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1100 }] }] });

    const confirming = handle.executeUpdate(confirmUpdate);
    await orderAsked;
    const edits = [
      () => handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99997654321' }] }),
      () => handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'amount', amountKopecks: 100 }] }),
      () => handle.executeUpdate(setLineOptionsUpdate, { args: [{ debt: true }] }),
    ];
    for (const edit of edits) {
      const error = await edit().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((error as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
      expect(((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('WRONG_STATE');
    }
    createOrder();
    expect(await confirming).toMatchObject({ orderId: 'ord_f' });
    const state = await handle.query(getStateQuery);
    expect(state).toMatchObject({ status: 'AWAITING_CARD', quote: { totalKopecks: MOCK_TOTAL_KOPECKS } });
    expect(mocks.findAccount).toHaveBeenCalledTimes(1);
    expect(mocks.createAcquirerOrder).toHaveBeenCalledWith(expect.objectContaining({ amountKopecks: MOCK_TOTAL_KOPECKS }));
    expect(mocks.holdReadings).toHaveBeenCalledWith(
      expect.objectContaining({ paymentId, readings: [{ zone: 'SINGLE', start: 1000, end: 1100, declared: false }] }),
    );
    expect(mocks.voidAcquirerOrder).not.toHaveBeenCalled();
    await handle.terminate('test over');
  });
});
