import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_SETTINGS } from './definitions';
import { TERMINAL_STATUSES, type AccountView, type AcquirerOrder, type AcquirerOrderStatus, type PeriodBill, type PaymentStatus } from '@voltpay/domain';
import {
  DRAFT_FROZEN_WHILE_CONFIRMING,
  EVENTS_CONFIRMED_WITH_ACQUIRER,
  FULFILMENT_FACTS_IN_INPUT,
  RECEIPT_BEFORE_POSTING,
  SERVER_OWNED_READINGS,
  check,
  initialMachine,
  mustReleaseReadings,
  transition,
  validate,
  waitOf,
  type Command,
  type CommandResults,
  type Env,
  type Machine,
  type MachineEvent,
  type PatchId,
  type RequestEvent,
  type ResultEvent,
  type Step,
} from './machine';

// ─── A small world: one account, one period, an acquirer that answers what the test says ───

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
const start = (now = T0) =>
  initialMachine({ paymentId: 'pay-1', terms: { version: '2026-11-01', acceptedAt: iso(now) }, locale: 'ru' }, DEFAULT_PAYMENT_SETTINGS, now);
const iso = (ms: number) => new Date(ms).toISOString();
const allPatches: Env['patched'] = () => true;
const envAt = (now: number, patched: Env['patched'] = allPatches): Env => ({ now, patched });

const ok = <C extends Command>(command: C, value: CommandResults[C['kind']]): ResultEvent =>
  ({ type: 'result', kind: command.kind, command, ok: true, value }) as ResultEvent;
const failed = (command: Command, error: string): ResultEvent => ({ type: 'result', kind: command.kind, command, ok: false, error }) as ResultEvent;
const order = (status: AcquirerOrderStatus, amountKopecks: number, orderId = 'ord-1'): AcquirerOrder => ({
  orderId,
  reference: 'pay-1',
  status,
  amountKopecks,
  currency: 'RUB',
  cardLast4: status === 'APPROVED' ? '4242' : null,
  declineReason: status === 'DECLINED' ? 'insufficient_funds' : null,
});

/** Runs a sequential flow, answering each command with `answer` (an operator's wait is left pending); returns the final step and the commands seen. */
const runFlow = (m: Machine, event: MachineEvent, answer: (command: Command, m: Machine) => ResultEvent, env: Env = envAt(T0)) => {
  const commands: Command[] = [];
  let step: Step = transition(m, event, env);
  while (step.command && !step.refusal) {
    commands.push(step.command);
    if (step.command.kind === 'waitForOperator') break;
    step = transition(step.state, answer(step.command, step.state), env);
  }
  return { step, commands };
};

/** The happy world: every activity succeeds; the acquirer approves what it was asked for. */
const happy = (command: Command, m: Machine): ResultEvent => {
  switch (command.kind) {
    case 'findAccount':
      return ok(command, { found: true, account, periods: [{ period: '2026-10', debtKopecks: 10_000 }] });
    case 'loadPeriodBill':
      return ok(command, bill);
    case 'holdReadings':
      return ok(command, { ok: true });
    case 'createAcquirerOrder':
      return ok(command, { orderId: 'ord-1', paymentUrl: 'https://acquirer.test/pay/ord-1' });
    case 'getAcquirerOrder':
      return ok(command, order('APPROVED', m.payment.quote!.totalKopecks));
    case 'voidAcquirerOrder':
      return ok(command, { voided: true, order: order('VOIDED', 0) });
    case 'refundAcquirerOrder':
      return ok(command, order('REFUNDED', command.input.amountKopecks));
    case 'postRefundToLedger':
      return ok(command, { postingId: 'rev-1', created: true });
    case 'issueReceipt':
      return ok(command, {
        number: 'R-1',
        verificationCode: 'c',
        verificationUrl: 'https://v',
        issuedAt: iso(T0),
        totalKopecks: m.payment.quote!.totalKopecks,
      });
    case 'postToLedger':
      return ok(command, { postingId: 'p-1', created: true });
    case 'deliverReceipt':
      return ok(command, { channel: 'outbox', to: command.input.email, messageId: 'm-1' });
    case 'waitWhile':
    case 'waitForOperator':
      return ok(command, undefined);
  }
};

/** A draft with account, period and 100 kWh entered, ready to confirm. */
const readyDraft = (): Machine => {
  let m = start();
  const steps: RequestEvent[] = [
    { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '9999 1234567' } },
    { type: 'setPeriod', period: '2026-10' },
    { type: 'setElectricity', electricity: { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1100 }] } },
  ];
  for (const event of steps) {
    const { step } = runFlow(m, event, happy);
    expect(step.refusal).toBeUndefined();
    m = step.state;
  }
  return m;
};

describe('payment machine: draft steps', () => {
  it('looks the account up by its normalised number and starts the bill over', () => {
    const { step, commands } = runFlow(start(), { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '9999 1234567' } }, happy);
    expect(commands).toEqual([{ kind: 'findAccount', input: { districtCode: 'omsk', accountNumber: '99991234567' } }]);
    expect(step.state.payment.account).toEqual(account);
    expect(step.state.payment.revision).toBe(2);
    expect(step.state.payment.timeline.at(-1)?.event).toBe('ACCOUNT_SET');
  });

  it('answers every miss the same way, and an unavailable lookup as temporary', () => {
    const notFound = runFlow(start(), { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '99991234567' } }, (c) =>
      ok(c as Extract<Command, { kind: 'findAccount' }>, { found: false, reason: 'HOUSING_OFFICE_NOT_FOUND' }),
    );
    expect(notFound.step.refusal).toMatchObject({ type: 'ACCOUNT_NOT_FOUND', message: 'no such account' });
    expect(notFound.step.state.payment.revision).toBe(1);
    const down = runFlow(start(), { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '99991234567' } }, (c) => failed(c, 'db down'));
    expect(down.step.refusal).toMatchObject({ type: 'TEMPORARILY_UNAVAILABLE', message: 'Account lookup is temporarily unavailable: db down' });
  });

  it('loads the bill with the payment id once readings are server-owned, and without it before', () => {
    const withAccount = runFlow(start(), { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '99991234567' } }, happy).step.state;
    const owned = runFlow(withAccount, { type: 'setPeriod', period: '2026-10' }, happy);
    expect(owned.commands[0]).toMatchObject({ kind: 'loadPeriodBill', input: { accountId: 'acc-1', period: '2026-10', paymentId: 'pay-1' } });
    const legacy = runFlow(
      withAccount,
      { type: 'setPeriod', period: '2026-10' },
      happy,
      envAt(T0, () => false),
    );
    expect(legacy.commands[0]).toEqual({ kind: 'loadPeriodBill', input: { accountId: 'acc-1', period: '2026-10' }, owned: false });
  });

  it('quotes readings from the recorded start and refuses another start', () => {
    const m = readyDraft();
    expect(m.payment.quote?.totalKopecks).toBe(100 * 600 + 5_000);
    expect(validate.setElectricity(m, { kind: 'readings', readings: [{ zone: 'SINGLE', start: 900, end: 1100 }] })).toMatchObject({
      type: 'QUOTE_REFUSED',
    });
  });

  it('refuses draft steps before their turn and with malformed input, changing nothing', () => {
    const m = start();
    expect(validate.setPeriod(m, { period: '2026-10' }, T0)).toMatchObject({ type: 'STEP_MISSING' });
    expect(validate.setElectricity(m, { kind: 'amount', amountKopecks: 100 })).toMatchObject({ type: 'STEP_MISSING' });
    expect(validate.setAccount(m, { districtCode: 'Omsk!', accountNumber: '1' })).toMatchObject({ type: 'INVALID_INPUT' });
    expect(validate.setReceiptEmail(m, { email: 'not-an-email' })).toMatchObject({ type: 'INVALID_INPUT' });
    expect(validate.confirm(m)).toMatchObject({ type: 'STEP_MISSING' });
  });
});

describe('payment machine: update arguments and the quote, once', () => {
  it('refuses malformed arguments with the shared schema’s rule, naming the field', () => {
    const m = start();
    expect(validate.setAccount(m, { districtCode: 'omsk', accountNumber: '12 34' })).toMatchObject({
      type: 'INVALID_INPUT',
      details: [{ field: 'accountNumber', code: 'ACCOUNT_NUMBER_CITY_LENGTH' }],
    });
    expect(validate.setAccount(m, { districtCode: 'omsk', accountNumber: '12ab5' })).toMatchObject({
      details: [{ field: 'accountNumber', code: 'ACCOUNT_NUMBER_NOT_DIGITS' }],
    });
    expect(validate.setAccount(m, { districtCode: 'omsk', settlementId: 'x', accountNumber: '123456' })).toMatchObject({
      details: [{ field: 'settlementId', code: 'SETTLEMENT_ID_INVALID' }],
    });
    expect(validate.setAccount(m, { districtCode: ' OMSK ', accountNumber: '9999 123-45 67' })).toBeNull();
    expect(validate.setAccount(m, undefined)).toMatchObject({ type: 'INVALID_INPUT' });
    const draft = readyDraft();
    expect(validate.setPeriod(draft, { period: '2026-1' }, T0)).toMatchObject({ details: [{ field: 'period', code: 'PERIOD_INVALID' }] });
    expect(validate.setPeriod(draft, { period: '2999-01' }, T0)).toMatchObject({ details: [{ field: 'period', code: 'PERIOD_IN_FUTURE' }] });
    expect(validate.setElectricity(draft, { kind: 'readings', readings: [] })).toMatchObject({
      details: [{ field: 'electricity', code: 'READINGS_REQUIRED' }],
    });
    expect(validate.setElectricity(draft, { kind: 'amount', amountKopecks: 1.5 })).toMatchObject({ details: [{ field: 'electricity' }] });
    expect(validate.setLineOptions(draft, { debt: 'yes' })).toMatchObject({ details: [{ field: 'lines' }] });
    expect(validate.setLineOptions(draft, { debt: true, extra: 1 })).toMatchObject({ type: 'INVALID_INPUT' });
    expect(validate.setReceiptEmail(draft, { email: ' Resident@Example.RU ' })).toBeNull();
    expect(validate.setReceiptEmail(draft, { email: null })).toBeNull();
    expect(validate.setReceiptEmail(draft, { email: 'resident@' })).toMatchObject({ details: [{ field: 'email', code: 'EMAIL_INVALID' }] });
  });

  it('refuses operator actions without an actor, a reason, or with a bad address', () => {
    let m = runFlow(readyDraft(), { type: 'setReceiptEmail', email: 'resident@example.ru' }, happy).step.state;
    m = runFlow(m, { type: 'confirm' }, happy).step.state;
    m = runFlow(m, { type: 'acquirerWaitOver' }, happy).step.state;
    m = runFlow(m, { type: 'fulfil', receiptFirst: true, factsInInput: true }, (c, s) => (c.kind === 'deliverReceipt' ? failed(c, 'mailbox') : happy(c, s)))
      .step.state;
    expect(m.payment.attention?.stage).toBe('DELIVERY');
    expect(validate.retryDelivery(m, { actor: ' ' })).toMatchObject({ type: 'INVALID_INPUT', details: [{ field: 'actor' }] });
    expect(validate.retryDelivery(m, { actor: 'op', email: 'not-an-email' })).toMatchObject({ type: 'INVALID_INPUT', details: [{ field: 'email' }] });
    expect(validate.retryDelivery(m, { actor: 'op', email: null })).toBeNull();
    expect(validate.retryDelivery(m, { actor: 'op', email: 'fixed@example.ru' })).toBeNull();
    expect(validate.refund(m, { actor: 'op', reason: ' ' })).toMatchObject({ type: 'INVALID_INPUT', details: [{ field: 'reason' }] });
    expect(validate.refund(m, { actor: 'op', reason: 'x'.repeat(501) })).toMatchObject({ details: [{ field: 'reason' }] });
    expect(validate.refund(m, { actor: 'op', reason: 'claim' })).toBeNull();
    expect(validate.recheck(m, {})).toMatchObject({ type: 'INVALID_INPUT', details: [{ field: 'actor' }] });
  });

  it('the transition applies the quote its validator computed, and computes one only without it', () => {
    const m = readyDraft();
    const electricity = { kind: 'readings' as const, readings: [{ zone: 'SINGLE' as const, start: 1000, end: 1200 }] };
    const verdict = check.setElectricity(m, electricity);
    expect(verdict.refusal).toBeNull();
    const computed = transition(m, { type: 'setElectricity', electricity }, envAt(T0)).state.payment.quote;
    expect(verdict.quoted?.result).toEqual({ ok: true, quote: computed });
    expect(transition(m, { type: 'setElectricity', electricity, quoted: verdict.quoted! }, envAt(T0)).state.payment.quote).toEqual(computed);
    // Proof that it is applied, not recomputed: a marked quote comes through as it is…
    const marked = { ...verdict.quoted!, result: { ok: true as const, quote: { ...computed!, totalKopecks: 1 } } };
    expect(transition(m, { type: 'setElectricity', electricity, quoted: marked }, envAt(T0)).state.payment.quote?.totalKopecks).toBe(1);
    // …unless it was made for another revision, or under another rule than the payment's.
    expect(transition(m, { type: 'setElectricity', electricity, quoted: { ...marked, revision: 0 } }, envAt(T0)).state.payment.quote).toEqual(computed);
    const legacy = envAt(T0, (id) => id !== SERVER_OWNED_READINGS);
    expect(transition(m, { type: 'setElectricity', electricity, quoted: marked }, legacy).state.payment.quote?.totalKopecks).not.toBe(1);

    const lines = check.setLineOptions(m, { debt: true });
    const withDebt = transition(m, { type: 'setLineOptions', patch: { debt: true } }, envAt(T0)).state.payment.quote;
    expect(lines.quoted?.result).toEqual({ ok: true, quote: withDebt });
    expect(transition(m, { type: 'setLineOptions', patch: { debt: true }, quoted: lines.quoted! }, envAt(T0)).state.payment.quote).toEqual(withDebt);
  });

  it('confirm trusts the quote in the state, and says why when there is none', () => {
    const m = readyDraft();
    expect(validate.confirm(m)).toBeNull();
    const noQuote = { ...m, payment: { ...m.payment, quote: null, electricity: null, options: { commonArea: false, penalty: false, debt: false } } };
    expect(validate.confirm(noQuote)).toMatchObject({ type: 'QUOTE_REFUSED', details: [{ code: 'TOTAL_NOT_POSITIVE' }] });
  });
});

describe('payment machine: confirm, cancel and the acquirer', () => {
  it('holds the readings, then creates the order for the quoted total', () => {
    const m = readyDraft();
    const { step, commands } = runFlow(m, { type: 'confirm' }, happy);
    expect(commands.map((c) => c.kind)).toEqual(['holdReadings', 'createAcquirerOrder']);
    expect(commands[1]).toMatchObject({ input: { amountKopecks: m.payment.quote!.totalKopecks, attempt: 1 } });
    expect(step.state.payment.status).toBe('AWAITING_CARD');
    expect(step.state.confirming).toBe(false);
    expect(step.state.readingsHeld).toBe(true);
  });

  it('asks the patches at the points the workflow always asked them', () => {
    const asked: PatchId[] = [];
    const env = envAt(T0, (id) => (asked.push(id), true));
    runFlow(readyDraft(), { type: 'confirm' }, happy, env);
    expect(asked).toEqual([DRAFT_FROZEN_WHILE_CONFIRMING, SERVER_OWNED_READINGS]);
  });

  it('voids an order whose draft was cancelled while it was being made', () => {
    const first = transition(readyDraft(), { type: 'confirm' }, envAt(T0));
    const hold = first.command!;
    const afterHold = transition(first.state, happy(hold, first.state), envAt(T0));
    expect(afterHold.command?.kind).toBe('createAcquirerOrder');
    // A cancel arrives while the order is being made: it waits for confirm to finish.
    const cancel = transition(afterHold.state, { type: 'cancel' }, envAt(T0));
    expect(cancel.command).toMatchObject({ kind: 'waitWhile', flag: 'confirming' });
    // …but an expiry (the draft's timer) gets there first.
    const expired = transition(cancel.state, { type: 'draftIdle' }, envAt(T0)).state;
    const created = transition(expired, happy(afterHold.command!, expired), envAt(T0));
    expect(created.command).toMatchObject({ kind: 'voidAcquirerOrder', purpose: { kind: 'confirmOverrun' } });
    const refused = transition(created.state, happy(created.command!, created.state), envAt(T0));
    expect(refused.refusal).toMatchObject({ type: 'WRONG_STATE' });
    expect(refused.state.payment.status).toBe('EXPIRED');
    expect(refused.state.confirming).toBe(false);
  });

  it('confirms a webhook with the acquirer, and ignores a repeated or foreign one', () => {
    const m = runFlow(readyDraft(), { type: 'confirm' }, happy).step.state;
    const event = {
      eventId: 'e1',
      orderId: 'ord-1',
      reference: 'pay-1',
      type: 'APPROVED',
      amountKopecks: 1,
      currency: 'RUB',
      cardLast4: null,
      declineReason: null,
      occurredAt: iso(T0),
    } as const;
    const asked = transition(m, { type: 'acquirerEvent', event }, envAt(T0));
    expect(asked.command).toMatchObject({ kind: 'getAcquirerOrder', purpose: { kind: 'webhook' } });
    const again = transition(asked.state, { type: 'acquirerEvent', event }, envAt(T0));
    expect(again.command).toBeUndefined();
    expect(again.state).toBe(asked.state);
    const foreign = transition(m, { type: 'acquirerEvent', event: { ...event, eventId: 'e2', orderId: 'ord-9' } }, envAt(T0));
    expect(foreign.state.payment.timeline.at(-1)?.event).toBe('ACQUIRER_EVENT_IGNORED');
    // Before the patch, the event itself moved the payment (amount as the event said).
    const legacy = transition(
      m,
      { type: 'acquirerEvent', event },
      envAt(T0, (id) => id !== EVENTS_CONFIRMED_WITH_ACQUIRER),
    );
    expect(legacy.state.payment.status).toBe('POSTING');
    expect(legacy.state.approvedKopecks).toBe(1);
  });

  it('re-checks an unconfirmed payment on the schedule, then leaves it to the operators', () => {
    let m = runFlow(readyDraft(), { type: 'confirm' }, happy).step.state;
    const silent = (c: Command) => failed(c, 'timeout');
    m = runFlow(m, { type: 'acquirerWaitOver' }, silent).step.state;
    expect(m.payment.status).toBe('UNCONFIRMED');
    expect(m.payment.unconfirmed).toMatchObject({ checks: 0, lastError: 'timeout', nextCheckAt: iso(T0 + DEFAULT_PAYMENT_SETTINGS.recheckScheduleMs[0]!) });
    for (let round = 1; round < DEFAULT_PAYMENT_SETTINGS.recheckScheduleMs.length; round += 1) {
      m = runFlow(m, { type: 'recheckDue' }, silent).step.state;
      expect(waitOf(m)).toMatchObject({ kind: 'timer', event: 'recheckDue' });
    }
    m = runFlow(m, { type: 'recheckDue' }, silent).step.state;
    expect(m.payment.unconfirmed?.checks).toBe(DEFAULT_PAYMENT_SETTINGS.recheckScheduleMs.length);
    expect(waitOf(m)).toEqual({ kind: 'operator', queue: 'UNCONFIRMED' });
  });
});

describe('payment machine: fulfilment and refund', () => {
  const approved = () => {
    const m = runFlow(readyDraft(), { type: 'confirm' }, happy).step.state;
    return runFlow(m, { type: 'acquirerWaitOver' }, happy).step.state;
  };

  it('issues the receipt before posting (patched), else posts first', () => {
    const first = runFlow(approved(), { type: 'fulfil', receiptFirst: true, factsInInput: true }, happy);
    expect(first.commands.map((c) => c.kind)).toEqual(['issueReceipt', 'postToLedger']);
    expect(first.step.state.payment.status).toBe('COMPLETED');
    const legacy = runFlow(approved(), { type: 'fulfil', receiptFirst: false, factsInInput: true }, happy);
    expect(legacy.commands.map((c) => c.kind)).toEqual(['postToLedger', 'issueReceipt']);
    expect(legacy.step.state.attempts).toEqual({ posting: 1, delivery: 1 });
  });

  it('parks a failing posting for an operator, who retries or refunds', () => {
    const parked = runFlow(approved(), { type: 'fulfil', receiptFirst: true, factsInInput: true }, (c, m) =>
      c.kind === 'postToLedger' ? failed(c, 'ledger down') : happy(c, m),
    );
    expect(parked.step.command).toEqual({ kind: 'waitForOperator' });
    const m = parked.step.state;
    expect(m.payment.attention).toMatchObject({ stage: 'POSTING', error: 'ledger down' });
    expect(waitOf(m)).toEqual({ kind: 'operator', queue: 'NEEDS_ATTENTION' });
    expect(validate.retryDelivery(m, { actor: 'op' })).toMatchObject({ type: 'WRONG_STATE' });
    const refunded = runFlow(m, { type: 'refund', actor: 'op', reason: 'ledger' }, happy);
    expect(refunded.commands.map((c) => c.kind)).toEqual(['refundAcquirerOrder', 'postRefundToLedger']);
    expect(refunded.step.state.payment.status).toBe('REFUNDED');
    // The parked fulfilment wakes and ends: a refunded payment is not posted.
    const woke = transition(refunded.step.state, happy({ kind: 'waitForOperator' }, refunded.step.state), envAt(T0));
    expect(woke.command).toBeUndefined();
  });

  it('gives the receipt the facts it certifies (patched), the payment id alone before', () => {
    const m = approved();
    const issue = (factsInInput: boolean, receiptFirst: boolean) =>
      runFlow(m, { type: 'fulfil', receiptFirst, factsInInput }, happy).commands.find((c) => c.kind === 'issueReceipt');
    const facts = { paymentId: 'pay-1', accountNumber: '99991234567', totalKopecks: m.payment.quote!.totalKopecks };
    expect(issue(true, true)).toEqual({ kind: 'issueReceipt', input: facts, stage: 'POSTING' });
    expect(issue(true, false)).toEqual({ kind: 'issueReceipt', input: facts, stage: 'DELIVERY' });
    expect(issue(false, true)).toEqual({ kind: 'issueReceipt', input: { paymentId: 'pay-1' }, stage: 'POSTING' });
    expect(issue(false, false)).toEqual({ kind: 'issueReceipt', input: { paymentId: 'pay-1' }, stage: 'DELIVERY' });
    // The posting has always carried its facts; it is the same either way.
    const posting = (factsInInput: boolean) =>
      runFlow(m, { type: 'fulfil', receiptFirst: true, factsInInput }, happy).commands.find((c) => c.kind === 'postToLedger');
    expect(posting(true)).toEqual(posting(false));
    expect(posting(true)).toMatchObject({ input: { paymentId: 'pay-1', accountId: 'acc-1', totalKopecks: facts.totalKopecks, period: '2026-10' } });
  });

  it('an operator’s retry of the posting issues a missing receipt with the same facts', () => {
    const parked = runFlow(approved(), { type: 'fulfil', receiptFirst: true, factsInInput: true }, (c, m) =>
      c.kind === 'issueReceipt' ? failed(c, 'db down') : happy(c, m),
    );
    expect(parked.step.state.payment.attention?.stage).toBe('POSTING');
    const retried = transition(parked.step.state, { type: 'retryPosting', actor: 'op' }, envAt(T0)).state;
    const woke = transition(retried, happy({ kind: 'waitForOperator' }, retried), envAt(T0));
    expect(woke.command).toMatchObject({
      kind: 'issueReceipt',
      input: { paymentId: 'pay-1', accountNumber: '99991234567', totalKopecks: retried.payment.quote!.totalKopecks },
    });
  });

  it('refuses to certify an amount the resident did not agree to', () => {
    let m = runFlow(readyDraft(), { type: 'confirm' }, happy).step.state;
    m = runFlow(m, { type: 'acquirerWaitOver' }, (c, s) =>
      c.kind === 'getAcquirerOrder' ? ok(c, order('APPROVED', s.payment.quote!.totalKopecks + 1)) : happy(c, s),
    ).step.state;
    const { step, commands } = runFlow(m, { type: 'fulfil', receiptFirst: true, factsInInput: true }, happy);
    expect(commands).toEqual([{ kind: 'waitForOperator' }]);
    expect(step.command).toEqual({ kind: 'waitForOperator' });
    expect(step.state.payment.attention?.error).toMatch(/^the acquirer approved .* refund$/);
  });
});

// ─── Properties: any interleaving of events and outcomes keeps the invariants ─────────────────

type Flow = { id: number; update: boolean; pending: Command };
type Choice = [pick: number, variant: number, good: boolean];

const ORDER_STATUSES: AcquirerOrderStatus[] = ['CREATED', 'AWAITING_OTP', 'PROCESSING', 'APPROVED', 'DECLINED', 'VOIDED', 'REFUNDED'];

/** An outcome the world may give to a command: mostly plausible, sometimes hostile. */
const answer = (command: Command, m: Machine, variant: number, good: boolean): ResultEvent => {
  if (!good && command.kind !== 'waitWhile' && command.kind !== 'waitForOperator') return failed(command, `failure ${variant}`);
  const total = m.payment.quote?.totalKopecks ?? 1;
  const anyOrder = () => order(ORDER_STATUSES[variant % ORDER_STATUSES.length]!, variant % 5 === 0 ? total + 1 : total, m.payment.acquirer?.orderId ?? 'ord-1');
  switch (command.kind) {
    case 'findAccount':
      return variant % 4 === 0 ? ok(command, { found: false, reason: 'ACCOUNT_NOT_FOUND' }) : happy(command, m);
    case 'holdReadings':
      return variant % 3 === 0 ? ok(command, { ok: false, lastReadings: [{ zone: 'SINGLE', value: 1050, period: '2026-10' }] }) : ok(command, { ok: true });
    case 'createAcquirerOrder':
      return ok(command, { orderId: `ord-${variant % 3}`, paymentUrl: 'https://acquirer.test/pay' });
    case 'getAcquirerOrder':
      return ok(command, anyOrder());
    case 'voidAcquirerOrder': {
      const o = anyOrder();
      return ok(command, variant % 2 === 0 ? { voided: true, order: { ...o, status: 'VOIDED' } } : { voided: false, order: o });
    }
    case 'refundAcquirerOrder':
      return ok(command, variant % 3 === 0 ? order('APPROVED', command.input.amountKopecks) : order('REFUNDED', command.input.amountKopecks));
    default:
      return happy(command, m);
  }
};

const requests = (m: Machine, variant: number): RequestEvent[] => [
  { type: 'setAccount', ref: { districtCode: 'omsk', accountNumber: '99991234567' } },
  { type: 'setPeriod', period: '2026-10' },
  {
    type: 'setElectricity',
    electricity:
      variant % 2
        ? { kind: 'amount', amountKopecks: 100 + variant }
        : { kind: 'readings', readings: [{ zone: 'SINGLE', start: 1000, end: 1000 + (variant % 300) }] },
  },
  { type: 'setLineOptions', patch: { debt: variant % 2 === 0, commonArea: variant % 3 !== 0 } },
  { type: 'setReceiptEmail', email: variant % 2 ? 'Resident@Example.test ' : null },
  { type: 'confirm' },
  { type: 'cancel' },
  { type: 'returnFromAcquirer' },
  {
    type: 'acquirerEvent',
    event: {
      eventId: `e${variant % 4}`,
      orderId: variant % 7 === 0 ? 'ord-x' : (m.payment.acquirer?.orderId ?? 'ord-1'),
      reference: 'pay-1',
      type: (['OTP_PASSED', 'APPROVED', 'DECLINED', 'VOIDED', 'REFUNDED'] as const)[variant % 5]!,
      amountKopecks: m.payment.quote?.totalKopecks ?? 1,
      currency: 'RUB',
      cardLast4: null,
      declineReason: null,
      occurredAt: iso(T0),
    },
  },
  { type: 'recheck', actor: 'op' },
  { type: 'retryPosting', actor: 'op' },
  { type: 'retryDelivery', actor: 'op', ...(variant % 3 === 0 ? { email: null } : {}) },
  { type: 'refund', actor: 'op', reason: 'claim' },
];

const refusalOf = (m: Machine, e: RequestEvent, now: number) => {
  switch (e.type) {
    case 'setAccount':
      return validate.setAccount(m, e.ref);
    case 'setPeriod':
      return validate.setPeriod(m, e, now);
    case 'setElectricity':
      return validate.setElectricity(m, e.electricity);
    case 'setLineOptions':
      return validate.setLineOptions(m, e.patch);
    case 'setReceiptEmail':
      return validate.setReceiptEmail(m, e);
    case 'confirm':
      return validate.confirm(m);
    case 'cancel':
      return validate.cancel(m);
    case 'recheck':
      return validate.recheck(m, e);
    case 'retryPosting':
      return validate.retryPosting(m, e);
    case 'retryDelivery':
      return validate.retryDelivery(m, e);
    case 'refund':
      return validate.refund(m, e);
    default:
      return null;
  }
};

/** What the workflow's main flow would do now, when no handler is running and no timer flow is. */
const mainFlowEvent = (m: Machine, factsInInput: boolean): RequestEvent | null => {
  const wait = waitOf(m);
  if (wait.kind === 'timer') return { type: wait.event };
  if (m.payment.status === 'POSTING' && !m.fulfilment) return { type: 'fulfil', receiptFirst: true, factsInInput };
  return null;
};

type Trace = { statuses: PaymentStatus[]; commands: Command[]; posted: number[]; frozenTotal: number | null; cancelledAt: number | null; violations: string[] };

/** Plays the choices against the machine the way the workflow would: handlers interleave at their waits. */
const play = (choices: Choice[], patches: Record<PatchId, boolean>): { m: Machine; trace: Trace } => {
  const env = (now: number): Env => ({ now, patched: (id) => patches[id] });
  let now = T0;
  let m = start(now);
  let nextId = 1;
  let flows: Flow[] = [];
  const trace: Trace = { statuses: [m.payment.status], commands: [], posted: [], frozenTotal: null, cancelledAt: null, violations: [] };
  const check = (where: string) => {
    const p = m.payment;
    const wait = waitOf(m);
    if ((wait.kind === 'final') !== TERMINAL_STATUSES.includes(p.status)) trace.violations.push(`${where}: ${p.status} has wait ${wait.kind}`);
    if (wait.kind === 'timer' && !wait.at) trace.violations.push(`${where}: ${p.status} has a timer without a time`);
    if (p.acquirer && trace.frozenTotal === null) trace.frozenTotal = p.quote?.totalKopecks ?? null;
    if (trace.frozenTotal !== null && p.quote?.totalKopecks !== trace.frozenTotal) trace.violations.push(`${where}: total moved after confirm`);
    const previous = trace.statuses.at(-1)!;
    if (TERMINAL_STATUSES.includes(previous) && p.status !== previous) trace.violations.push(`${where}: left final ${previous} for ${p.status}`);
    if (p.status === 'CANCELLED' && trace.cancelledAt === null) trace.cancelledAt = trace.commands.length;
    if (p.status !== previous) trace.statuses.push(p.status);
  };
  const settle = (flow: Flow | null, step: Step) => {
    m = step.state;
    if (step.command && !step.refusal) {
      trace.commands.push(step.command);
      if (flow) flow.pending = step.command;
      else flows.push({ id: nextId++, update: true, pending: step.command });
      return;
    }
    if (flow) flows = flows.filter((f) => f !== flow);
    if (flow?.update !== false) m = transition(m, { type: 'handlerFinished' }, env(now)).state;
  };
  for (const [pick, variant, good] of choices) {
    now += 1000 + (variant % 5) * 60_000;
    const ready = flows
      .filter((f) => f.pending.kind !== 'waitWhile' || !m[f.pending.flag])
      .filter((f) => f.pending.kind !== 'waitForOperator' || m.payment.status !== 'NEEDS_ATTENTION');
    const all = requests(m, variant);
    // Two choices in three make progress (a resident who goes on, an acquirer that answers); the
    // third is anything at all: a click twice, a late webhook, an operator, a timer.
    const progress = pick % 3 !== 0;
    const p = m.payment;
    const wanted: RequestEvent['type'] | null = !p.account
      ? 'setAccount'
      : !p.bill
        ? 'setPeriod'
        : !p.electricity
          ? 'setElectricity'
          : p.status === 'DRAFT'
            ? 'confirm'
            : null;
    let action: { flow: Flow } | { main: true } | { request: RequestEvent };
    if (progress && ready.length) action = { flow: ready[variant % ready.length]! };
    else if (progress && wanted && flows.length === 0) action = { request: all.find((e) => e.type === wanted)! };
    else if (progress) action = { main: true };
    else {
      const slot = Math.floor(pick / 3) % (all.length + ready.length + 1);
      action = slot < ready.length ? { flow: ready[slot]! } : slot === ready.length ? { main: true } : { request: all[slot - ready.length - 1]! };
    }
    if ('flow' in action) {
      const { flow } = action;
      if (flow.pending.kind === 'postToLedger' && good) trace.posted.push(trace.commands.length);
      settle(flow, transition(m, answer(flow.pending, m, variant, good), env(now)));
    } else if ('main' in action) {
      // The main flow's turn: its timer fires when due, and only when no handler runs (allHandlersFinished).
      const event = flows.length > 0 ? null : mainFlowEvent(m, patches[FULFILMENT_FACTS_IN_INPUT]);
      if (!event) continue;
      const wait = waitOf(m);
      if (wait.kind === 'timer' && wait.at) now = Math.max(now, Date.parse(wait.at));
      const step = transition(m, event, env(now));
      m = step.state;
      if (step.command && !step.refusal) {
        trace.commands.push(step.command);
        flows.push({ id: 0, update: false, pending: step.command });
      }
    } else {
      const event = action.request;
      if (refusalOf(m, event, now)) continue; // the validator refused: nothing happened
      const step = transition(m, event, env(now));
      if (event.type === 'acquirerEvent') {
        m = step.state;
        if (step.command) {
          trace.commands.push(step.command);
          flows.push({ id: nextId++, update: false, pending: step.command });
        }
      } else settle(null, step);
    }
    check(`after choice ${trace.commands.length}`);
  }
  return { m, trace };
};

/** [which action, which variant of it, whether the world cooperates (three times in four)] */
const choicesArb = fc.array(
  fc.tuple(
    fc.nat(3000),
    fc.nat(1000),
    fc.nat(3).map((n) => n > 0),
  ),
  { minLength: 10, maxLength: 80, size: 'max' },
);
const patchesArb = fc.record<Record<PatchId, boolean>>({
  [RECEIPT_BEFORE_POSTING]: fc.boolean(),
  [DRAFT_FROZEN_WHILE_CONFIRMING]: fc.constant(true),
  [EVENTS_CONFIRMED_WITH_ACQUIRER]: fc.boolean(),
  [SERVER_OWNED_READINGS]: fc.boolean(),
  [FULFILMENT_FACTS_IN_INPUT]: fc.boolean(),
});

describe('payment machine: properties', () => {
  it('every state is final or has a timer or an operator queue; final states stay final; the total is frozen from confirm', () => {
    fc.assert(
      fc.property(choicesArb, patchesArb, (choices, patches) => {
        expect(play(choices, patches).trace.violations).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('a payment is posted at most once, only when approved for its total, and a cancelled one is never charged', () => {
    fc.assert(
      fc.property(choicesArb, patchesArb, (choices, patches) => {
        const { m, trace } = play(choices, patches);
        // Posting is retried after a failure (idempotent by payment id), never after a success.
        expect(trace.posted.length).toBeLessThanOrEqual(1);
        if (trace.posted.length) {
          expect(trace.commands.slice(trace.posted[0]).filter((c) => c.kind === 'postToLedger')).toEqual([]);
          expect(m.approvedKopecks).toBe(trace.frozenTotal);
        }
        for (const posting of trace.commands.filter((c) => c.kind === 'postToLedger')) {
          expect(posting).toMatchObject({ input: { totalKopecks: trace.frozenTotal } });
        }
        if (trace.cancelledAt !== null) {
          const after = trace.commands.slice(trace.cancelledAt);
          expect(after.filter((c) => ['postToLedger', 'issueReceipt', 'deliverReceipt', 'createAcquirerOrder'].includes(c.kind))).toEqual([]);
          expect(trace.statuses).not.toContain('POSTING');
        }
        if (m.payment.status === 'COMPLETED') expect(m.readingsRecorded || !m.readingsHeld).toBe(true);
        if (TERMINAL_STATUSES.includes(m.payment.status) && m.payment.status !== 'COMPLETED' && m.payment.status !== 'REFUNDED') {
          expect(mustReleaseReadings(m)).toBe(m.readingsHeld);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('payment machine: the random world', () => {
  it('reaches every status, so the properties above are not vacuous', () => {
    const seen = new Set<PaymentStatus>();
    for (const [choices, patches] of fc.sample(fc.tuple(choicesArb, patchesArb), { numRuns: 600, seed: 13 })) {
      const r = play(choices, patches);
      for (const status of r.trace.statuses) seen.add(status);
    }
    expect([...seen].sort()).toEqual(
      ['AWAITING_CARD', 'CANCELLED', 'COMPLETED', 'DECLINED', 'DRAFT', 'EXPIRED', 'NEEDS_ATTENTION', 'POSTING', 'PROCESSING', 'REFUNDED', 'UNCONFIRMED'].sort(),
    );
  });
});
