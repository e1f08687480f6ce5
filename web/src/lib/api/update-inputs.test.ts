// One schema per update (@voltpay/domain/inputs): the route's request schema and the workflow's
// update validator agree, input for input. What the route refuses the workflow refuses as
// INVALID_INPUT; what the route accepts (as it hands it on) the workflow takes in shape. Only what
// depends on the payment or the clock (a period in the future, a reading below the recorded one)
// is the validator's alone.
import { DEFAULT_PAYMENT_SETTINGS } from '@voltpay/workflows/payment';
import { initialMachine, transition, validate, type Command, type Machine, type RequestEvent, type ResultEvent } from '@voltpay/workflows/payment/machine';
import type { AccountView, PeriodBill } from '@voltpay/domain';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiError } from './errors';
import { validate as validateRequest } from './http';
import { SetAccountRequest, SetElectricityRequest, SetLineOptionsRequest, SetPeriodRequest, SetReceiptEmailRequest } from './schemas';

const T0 = Date.parse('2026-11-15T06:00:00.000Z');
const account: AccountView = {
  accountId: 'acc-1',
  number: '99991234567',
  districtCode: 'omsk',
  districtName: 'Омск',
  districtKind: 'CITY',
  settlementName: 'Омск',
  maskedAddress: 'ул. Ленина, д. 12, кв. ••',
  tariffPlan: 'SINGLE_RATE',
  stove: 'GAS',
  locality: 'URBAN',
  meterCapacity: 99_999,
};
const bill: PeriodBill = {
  period: '2026-10',
  tariff: { validFrom: '2026-07-01', rates: [{ zone: 'SINGLE', rateCentikopecks: 60_000 }] },
  lastReadings: [{ zone: 'SINGLE', value: 1000, period: '2026-09' }],
  commonAreaKopecks: 5_000,
  penaltyKopecks: 0,
  debtKopecks: 10_000,
};

/** The machine after `events`, each command answered as a healthy world would. */
const draftAfter = (...events: RequestEvent[]): Machine => {
  const env = { now: T0, patched: () => true };
  let m = initialMachine(
    { paymentId: 'pay-1', terms: { version: '2026-11-01', acceptedAt: new Date(T0).toISOString() }, locale: 'ru' },
    DEFAULT_PAYMENT_SETTINGS,
    T0,
  );
  for (const event of events) {
    let step = transition(m, event, env);
    while (step.command) {
      const command: Command = step.command;
      const value = command.kind === 'findAccount' ? { found: true, account, periods: [{ period: '2026-10', debtKopecks: 10_000 }] } : bill;
      step = transition(step.state, { type: 'result', kind: command.kind, command, ok: true, value } as ResultEvent, env);
    }
    expect(step.refusal).toBeUndefined();
    m = step.state;
  }
  return m;
};
const fresh = draftAfter();
const withBill = draftAfter({ type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '99991234567' } }, { type: 'setPeriod', period: '2026-10' });

/** What the route makes of `input`: refused, or the arguments it hands the workflow. */
const route = (schema: z.ZodType, input: unknown): { refused: true } | { refused: false; args: unknown } => {
  try {
    return { refused: false, args: validateRequest({ schema, input, locale: 'ru' }) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return { refused: true };
    throw error;
  }
};

/** Each input: the route and the validator both refuse it, or the validator accepts what the route hands on. */
const agree = (schema: z.ZodType, validator: (args: unknown) => { type: string } | null, inputs: unknown[]) => {
  for (const input of inputs) {
    const atRoute = route(schema, input);
    const label = JSON.stringify(input);
    if (atRoute.refused) expect(validator(input), `refused at the route: ${label}`).toMatchObject({ type: 'INVALID_INPUT' });
    else expect(validator(atRoute.args), `accepted at the route: ${label}`).toBeNull();
  }
};

describe('update arguments: the route and the workflow validator agree', () => {
  it('setAccount', () => {
    agree(SetAccountRequest, (args) => validate.setAccount(fresh, args), [
      { districtCode: 'omsk', accountNumber: '99991234567' },
      { districtCode: ' OMSK ', accountNumber: '9999 123-45 67' },
      { districtCode: 'azovsky', settlementId: '3f0c8f9e-2b1a-4c7d-9e55-0a1b2c3d4e5f', accountNumber: '123456' },
      { districtCode: 'omsk', accountNumber: '12a45' },
      { districtCode: 'omsk', accountNumber: '1234' },
      { districtCode: 'omsk', accountNumber: '1234567890123' },
      { districtCode: 'omsk', accountNumber: 99991234567 },
      { districtCode: 'a b', accountNumber: '99991234567' },
      { districtCode: 'omsk', settlementId: 'x', accountNumber: '123456' },
      { accountNumber: '99991234567' },
      {},
      null,
    ]);
  });

  it('setPeriod', () => {
    agree(SetPeriodRequest, (args) => validate.setPeriod(withBill, args, T0), [
      { period: '2026-10' },
      { period: '2026-09' },
      { period: '2026-13' },
      { period: '2026-1' },
      { period: '10.2026' },
      { period: 202610 },
      { period: null },
      {},
    ]);
  });

  it('setElectricity', () => {
    agree(SetElectricityRequest, (args) => validate.setElectricity(withBill, args), [
      { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1150 }] },
      { kind: 'amount', amountKopecks: 123456 },
      { kind: 'amount', amount: '1 234,56' },
      { kind: 'readings', readings: [] },
      { kind: 'readings', readings: [{ zone: 'EVENING', start: 1000, end: 1100 }] },
      { kind: 'readings', readings: [{ zone: 'SINGLE', start: -1, end: 1100 }] },
      { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1100.5 }] },
      { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 100_000_000 }] },
      { kind: 'readings', readings: Array.from({ length: 4 }, () => ({ zone: 'SINGLE', start: 1000, end: 1100 })) },
      { kind: 'amount', amountKopecks: 12.5 },
      { kind: 'amount', amountKopecks: -100 },
      { kind: 'amount', amountKopecks: '100' },
      { kind: 'guess' },
      null,
    ]);
  });

  it('setLineOptions', () => {
    agree(SetLineOptionsRequest, (args) => validate.setLineOptions(withBill, args), [
      { debt: true },
      { commonArea: false, penalty: true, debt: false },
      {},
      { debt: 'yes' },
      { debt: null },
      { debt: true, extra: true },
      null,
    ]);
  });

  it('setReceiptEmail', () => {
    agree(SetReceiptEmailRequest, (args) => validate.setReceiptEmail(fresh, args), [
      { email: 'resident@example.ru' },
      { email: '  Resident@Example.RU ' },
      { email: null },
      { email: 'resident@' },
      { email: 'not-an-email' },
      { email: 'a@b.c' },
      { email: `${'a'.repeat(250)}@example.ru` },
      { email: 5 },
      {},
    ]);
  });
});
