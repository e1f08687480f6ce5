// The draft is frozen while "confirm" creates the acquirer order (activities mocked on the
// time-skipping server, the order's creation held open by the test): an edit in that window is
// refused, so no charged payment can be left without the quote it was charged for.
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '@voltpay/activities/worker';
import {
  CURRENT_TERMS_VERSION,
  PAYMENT_WORKFLOW_TYPE,
  confirmUpdate,
  getStateQuery,
  paymentWorkflowId,
  setAccountUpdate,
  setElectricityUpdate,
  setLineOptionsUpdate,
  setPeriodUpdate,
  type PaymentStartInput,
  type PaymentState,
} from '@voltpay/workflows/payment';
import { addMonths, periodOf } from '@voltpay/workflows/payment/period';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentActivityMocks, MOCK_TOTAL_KOPECKS, resetPaymentActivityMocks } from './support/payment-activity-mocks';
import { createTimeSkippingEnv } from './support/time-skipping';

const taskQueue = 'payment-draft-frozen';
const mocks = createPaymentActivityMocks();
let period = '';

describe('the draft while confirm creates the order (time-skipping, activities mocked)', () => {
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
    resetPaymentActivityMocks(mocks, { period, orderId: 'ord_frozen' });
  });

  it('refuses a change of account, readings or lines sent while the order is being created', async () => {
    // The acquirer takes its time: the order is created only when the test says so.
    let createOrder!: () => void;
    const orderAsked = new Promise<void>((asked) => {
      mocks.createAcquirerOrder.mockImplementation(
        () =>
          new Promise((resolve) => {
            asked();
            createOrder = () => resolve({ orderId: 'ord_frozen', paymentUrl: 'http://acquirer.test/pay/ord_frozen' });
          }),
      );
    });
    const paymentId = randomUUID();
    const input: PaymentStartInput = { paymentId, terms: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date().toISOString() }, locale: 'ru' };
    const handle = await env.client.workflow.start<(i: PaymentStartInput) => Promise<PaymentState>>(PAYMENT_WORKFLOW_TYPE, { taskQueue, workflowId: paymentWorkflowId(paymentId), args: [input] });
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
      const error = await edit().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((error as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
      expect(((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('WRONG_STATE');
    }
    createOrder();
    expect(await confirming).toMatchObject({ orderId: 'ord_frozen' });
    const state = await handle.query(getStateQuery);
    expect(state).toMatchObject({ status: 'AWAITING_CARD', quote: { totalKopecks: MOCK_TOTAL_KOPECKS } });
    expect(mocks.findAccount).toHaveBeenCalledTimes(1);
    expect(mocks.createAcquirerOrder).toHaveBeenCalledWith(expect.objectContaining({ amountKopecks: MOCK_TOTAL_KOPECKS }));
    expect(mocks.holdReadings).toHaveBeenCalledWith(expect.objectContaining({ paymentId, readings: [{ zone: 'SINGLE', start: 1000, end: 1100, declared: false }] }));
    expect(mocks.voidAcquirerOrder).not.toHaveBeenCalled();
    await handle.terminate('test over');
  });
});
