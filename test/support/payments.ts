// Fixtures for payment tests: a Temporal client with the stack's payload key, a fresh account per
// test (so runs never share readings or debts), and drivers for the draft steps.
import { randomInt, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { PrismaClient } from '@voltpay/prisma';
import { createDataConverter, createEncryptionCodec } from '@voltpay/stack/payload-codec';
import {
  CURRENT_TERMS_VERSION,
  PAYMENT_WORKFLOW_TYPE,
  getStateQuery,
  paymentWorkflowId,
  setAccountUpdate,
  setElectricityUpdate,
  setPeriodUpdate,
  type PaymentSettings,
  type PaymentStartInput,
  type PaymentState,
} from '@voltpay/workflows/payment';
import type { MeterZone, PaymentStatus, Period } from '@voltpay/domain';
import { addMonths, periodOf } from '@voltpay/domain/period';
import { stackEnv } from './stack-env';

export type PaymentHandle = WorkflowHandle<(input: PaymentStartInput) => Promise<PaymentState>>;

export const connectPaymentClient = async () => {
  const connection = await Connection.connect({ address: stackEnv.temporalAddress });
  const client = new Client({ connection, namespace: stackEnv.namespace, dataConverter: createDataConverter({ key: stackEnv.payloadEncryptionKey }) });
  return { connection, client };
};

/** Seconds instead of minutes, so every timer of the workflow can be tested for real. */
export const FAST_SETTINGS: Partial<PaymentSettings> = {
  draftIdleTimeoutMs: 60_000,
  acquirerWaitTimeoutMs: 60_000,
  recheckScheduleMs: [2_000, 4_000],
  fulfilmentAttempts: 2,
};

export const startPayment = async (client: Client, settings: Partial<PaymentSettings> = FAST_SETTINGS) => {
  const paymentId = randomUUID();
  const handle: PaymentHandle = await client.workflow.start(PAYMENT_WORKFLOW_TYPE, {
    taskQueue: stackEnv.taskQueue,
    workflowId: paymentWorkflowId(paymentId),
    args: [{ paymentId, terms: { version: CURRENT_TERMS_VERSION, acceptedAt: new Date().toISOString() }, locale: 'ru', settings }],
  });
  return { paymentId, handle };
};

/** Last month: always selectable, always priced by a seeded tariff. */
export const testPeriod = (): Period => addMonths(periodOf(new Date().toISOString()), -1);

export type TestAccount = { id: string; number: string; districtCode: string; settlementId: string };

/**
 * A city account of its own under the demo housing office 9999, with a closing reading for the
 * month before `period`, and the extras and debt asked for.
 */
export const createTestAccount = async (
  prisma: PrismaClient,
  {
    plan = 'SINGLE_RATE',
    stove = 'GAS',
    lastReadings = plan === 'SINGLE_RATE' ? { SINGLE: 1000 } : { DAY: 2000, NIGHT: 500 },
    commonAreaKopecks = 0,
    penaltyKopecks = 0,
    debtKopecks = 0,
    period = testPeriod(),
  }: {
    plan?: 'SINGLE_RATE' | 'DAY_NIGHT';
    stove?: 'GAS' | 'ELECTRIC';
    lastReadings?: Partial<Record<MeterZone, number>>;
    commonAreaKopecks?: number;
    penaltyKopecks?: number;
    debtKopecks?: number;
    period?: Period;
  } = {},
): Promise<TestAccount> => {
  const city = await prisma.district.findUniqueOrThrow({ where: { code: 'omsk' }, include: { settlements: true } });
  const office = await prisma.housingOffice.findUniqueOrThrow({ where: { index: '9999' } });
  const settlement = city.settlements.find((s) => s.name === 'Омск')!;
  const number = `9999${randomInt(10_000_000, 99_999_999)}`;
  const account = await prisma.account.create({
    data: {
      districtId: city.id,
      settlementId: settlement.id,
      housingOfficeId: office.id,
      number,
      street: 'ул. Тестовая',
      house: String(randomInt(1, 200)),
      flat: String(randomInt(1, 300)),
      tariffPlan: plan,
      stove,
      locality: 'URBAN',
      isDemo: true,
      readings: {
        create: Object.entries(lastReadings).map(([zone, value]) => ({
          zone: zone as MeterZone,
          value: value,
          period: addMonths(period, -1),
          source: 'BILLING' as const,
        })),
      },
      charges: {
        create: [
          ...(commonAreaKopecks ? [{ period, kind: 'COMMON_AREA' as const, amountKopecks: commonAreaKopecks }] : []),
          ...(penaltyKopecks ? [{ period, kind: 'PENALTY' as const, amountKopecks: penaltyKopecks }] : []),
        ],
      },
      debts: { create: debtKopecks ? [{ period, amountKopecks: debtKopecks }] : [] },
    },
  });
  return { id: account.id, number, districtCode: 'omsk', settlementId: settlement.id };
};

/** Account, period and single-rate readings (`kwh` on top of the last reading): a confirmable draft. */
export const fillDraft = async (handle: PaymentHandle, account: TestAccount, { kwh = 150, period = testPeriod() }: { kwh?: number; period?: Period } = {}) => {
  await handle.executeUpdate(setAccountUpdate, { args: [{ districtCode: account.districtCode, accountNumber: account.number }] });
  const { bill } = await handle.executeUpdate(setPeriodUpdate, { args: [{ period }] });
  const start = bill.lastReadings.find((r) => r.zone === 'SINGLE')?.value ?? 0;
  return handle.executeUpdate(setElectricityUpdate, { args: [{ kind: 'readings', readings: [{ zone: 'SINGLE', start, end: start + kwh }] }] });
};

export const getState = (handle: PaymentHandle) => handle.query(getStateQuery);

/** Polls the query until the payment reaches `status` (webhooks and timers move it on their own). */
export const waitForStatus = async (handle: PaymentHandle, status: PaymentStatus | PaymentStatus[], timeoutMs = 45_000): Promise<PaymentState> => {
  const wanted = Array.isArray(status) ? status : [status];
  const until = Date.now() + timeoutMs;
  let last: PaymentState | undefined;
  while (Date.now() < until) {
    last = await getState(handle);
    if (wanted.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `payment ${handle.workflowId} is ${last?.status}, not ${wanted.join('/')}, after ${timeoutMs} ms; timeline: ${JSON.stringify(last?.timeline.slice(-5))}`,
  );
};

const HISTORIES_DIR = new URL('../fixtures/payment-histories/', import.meta.url);

const isPayload = (value: unknown): value is Payload =>
  value !== null && typeof value === 'object' && 'metadata' in value && (value as Payload).data instanceof Uint8Array;

/** Replaces, in place, every encrypted payload of a history (any depth) by its decrypted original. */
const decryptPayloads = async (node: unknown, codec: ReturnType<typeof createEncryptionCodec>): Promise<void> => {
  if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
  const container = node as Record<string | number, unknown>;
  for (const key of Object.keys(container)) {
    const value = container[key];
    if (isPayload(value)) container[key] = (await codec.decode([value]))[0];
    else await decryptPayloads(value, codec);
  }
};

/**
 * With VOLTPAY_RECORD_HISTORIES=1, saves the payment's history, decrypted, as a replay fixture
 * (test/fixtures/payment-histories/<name>.json) for test/payment-replay.integration-test.ts.
 * Record again only when a change is meant to be incompatible, i.e. never for shipped code.
 */
export const recordHistory = async (handle: PaymentHandle, name: string) => {
  if (process.env.VOLTPAY_RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  await decryptPayloads(history, createEncryptionCodec({ key: stackEnv.payloadEncryptionKey }));
  await mkdir(HISTORIES_DIR, { recursive: true });
  // protobufjs's own object form (enums by name, bytes as base64): readable, and exactly what
  // History.fromObject reads back in the replay test.
  const json = proto.temporal.api.history.v1.History.toObject(proto.temporal.api.history.v1.History.fromObject(history), {
    enums: String,
    longs: String,
    bytes: String,
  });
  await writeFile(new URL(`${name}.json`, HISTORIES_DIR), `${JSON.stringify(json, null, 1)}\n`);
};
