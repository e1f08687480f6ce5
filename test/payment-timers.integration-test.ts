// The payment workflow's real default timers (30-minute idle draft, 15-minute acquirer wait,
// re-checks after 1 min, 5 min, 1 h, 1 d) on the time-skipping test server, activities mocked
// (STYLE rule 8): what was called, how often, and when.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '@voltpay/activities/worker';
import {
  CURRENT_TERMS_VERSION,
  PAYMENT_WORKFLOW_TYPE,
  confirmUpdate,
  getStateQuery,
  paymentWorkflowId,
  recheckUpdate,
  setAccountUpdate,
  setElectricityUpdate,
  setPeriodUpdate,
  type PaymentStartInput,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { AcquirerOrder } from '@voltpay/domain';
import { addMonths, periodOf } from '@voltpay/domain/period';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentActivityMocks, resetPaymentActivityMocks } from './support/payment-activity-mocks';
import { createTimeSkippingEnv } from './support/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'payment-timers';
// The test server's clock is its own (earlier tests may have skipped it far ahead): each test
// takes its period from it, and measures time from what the workflow itself recorded.
let period = '';

const order = (status: AcquirerOrder['status']): AcquirerOrder => ({
  orderId: 'ord_timers',
  reference: 'x',
  status,
  currency: 'RUB',
  amountKopecks: 65_700,
  cardLast4: status === 'APPROVED' ? '1111' : null,
  declineReason: null,
});

// One mock per activity, reset before each test; the worker (one bundle) lives for the file.
const mocks = createPaymentActivityMocks();
const resetMocks = () => resetPaymentActivityMocks(mocks, { period, orderId: 'ord_timers' });

describe('payment workflow timers at their defaults (time-skipping)', () => {
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

  const start = async () => {
    const paymentId = randomUUID();
    const input: PaymentStartInput = { paymentId, terms: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date().toISOString() }, locale: 'ru' };
    return env.client.workflow.start<(i: PaymentStartInput) => Promise<PaymentState>>(PAYMENT_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: paymentWorkflowId(paymentId),
      args: [input],
    });
  };
  const confirmDraft = async (handle: Awaited<ReturnType<typeof start>>) => {
    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99991234567' }] });
    await handle.executeUpdate(setPeriodUpdate, { args: [{ period }] });
    await handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1100 }] }] });
    return handle.executeUpdate(confirmUpdate);
  };

  const at = (state: PaymentState, event: string) => Date.parse(state.timeline.find((t) => t.event === event)!.at);

  it('expires an untouched draft after 30 minutes, not before', async () => {
    const handle = await start();
    await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: 'omsk', accountNumber: '99991234567' }] });
    const state = await handle.result();
    const waited = at(state, 'EXPIRED') - at(state, 'ACCOUNT_SET');
    expect(state.status).toBe('EXPIRED');
    expect(waited).toBeGreaterThanOrEqual(30 * MINUTE);
    expect(waited).toBeLessThan(35 * MINUTE);
    expect(mocks.recordPayment).not.toHaveBeenCalled(); // never confirmed: not a payment for staff
  });

  it('acquirer silent: UNCONFIRMED after 15 minutes, re-checked at 1 min and 5 min in vain, completed at the 1-hour check', async () => {
    const checkedAt: number[] = [];
    let checks = 0;
    mocks.getAcquirerOrder.mockImplementation(async () => {
      checkedAt.push(await env.currentTimeMs());
      checks += 1;
      // Each check is up to 3 activity attempts: the deadline check and the first two re-checks fail.
      if (checks <= 9) throw new Error('acquirer answered 503');
      return order('APPROVED');
    });
    mocks.postToLedger.mockResolvedValue({ postingId: randomUUID(), created: true });
    const handle = await start();
    expect(await confirmDraft(handle)).toEqual({ paymentUrl: 'http://acquirer.test/pay/ord_timers', orderId: 'ord_timers' });

    const state = await handle.result();
    expect(state.status).toBe('COMPLETED');
    expect(mocks.getAcquirerOrder).toHaveBeenCalledTimes(10);
    const minutesAfterStart = (t: number) => Math.round((t - at(state, 'AWAITING_CARD')) / MINUTE);
    // First tries of each check: the 15-minute deadline, then +1 min, +5 min, +1 h.
    expect([checkedAt[0], checkedAt[3], checkedAt[6], checkedAt[9]].map((t) => minutesAfterStart(t!))).toEqual([15, 16, 21, 81]);
    expect(mocks.postToLedger).toHaveBeenCalledTimes(1);
    expect(mocks.issueReceipt).toHaveBeenCalledTimes(1);
    expect(mocks.deliverReceipt).not.toHaveBeenCalled(); // no email asked for
    const statuses = mocks.recordPayment.mock.calls.map(([record]) => record.status);
    expect(statuses).toContain('UNCONFIRMED');
    expect(statuses.at(-1)).toBe('COMPLETED');
    // The read model's revisions only go up.
    const revisions = mocks.recordPayment.mock.calls.map(([record]) => record.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  });

  it('after the last scheduled re-check (1 day) it waits for an operator, whose re-check completes it', async () => {
    let acquirerBack = false;
    mocks.getAcquirerOrder.mockImplementation(async () => {
      if (!acquirerBack) throw new Error('acquirer answered 503');
      return order('APPROVED');
    });
    const handle = await start();
    await confirmDraft(handle);
    const before = await env.currentTimeMs();
    // Skip past the deadline and the whole schedule: 15 min + 1 min + 5 min + 1 h + 1 d.
    await env.sleep(15 * MINUTE + MINUTE + 5 * MINUTE + 60 * MINUTE + 24 * 60 * MINUTE + MINUTE);
    const waiting = await handle.query(getStateQuery);
    expect(waiting.status).toBe('UNCONFIRMED');
    expect(waiting.unconfirmed).toMatchObject({ checks: 4, nextCheckAt: null });
    expect(mocks.getAcquirerOrder).toHaveBeenCalledTimes(15); // deadline + 4 re-checks, 3 attempts each
    expect((await env.currentTimeMs()) - before).toBeGreaterThan(24 * 60 * MINUTE);

    acquirerBack = true;
    const afterRecheck = await handle.executeUpdate(recheckUpdate, { args: [{ actor: 'operator@test' }] });
    // The operator's re-check answers with its outcome (operator-actions-await-outcome): the
    // payment it found approved, already fulfilled.
    expect(afterRecheck.status).toBe('COMPLETED');
    expect((await handle.result()).status).toBe('COMPLETED');
    expect(mocks.postToLedger).toHaveBeenCalledTimes(1);
  });
});
