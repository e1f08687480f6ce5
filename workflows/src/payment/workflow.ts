// The payment workflow: one per payment attempt, from "I agree" to a delivered receipt (DESIGN §3).
// It only wires (STYLE 13): the rules live in ./machine.ts; here the updates, the signal and the
// queries are defined, the machine's commands run as activities and waits, their outcomes go back
// to it as events, and the main flow keeps the timers (idle draft, the acquirer's deadline, the
// re-check schedule). Every waiting state has a timer or an operator action out of it.
//
// Versioning: any change that alters the commands a running payment issues goes behind
// `patched('<change-id>')` (the ids and what each changed are in machine.ts), and the replay test
// (test/payment-replay.integration-test.ts) replays the recorded histories in
// test/fixtures/payment-histories/ against the current code.
/* eslint-disable @typescript-eslint/no-unsafe-argument -- Temporal types an update validator's
   arguments as `any`; the machine's validate.* functions read them as untrusted input and refuse
   what is not their shape, which is the validator's whole point. */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_PAYMENT_SETTINGS,
  PaymentErrorType,
  acquirerEventSignal,
  cancelUpdate,
  confirmUpdate,
  getFulfilmentAttemptsQuery,
  getStateQuery,
  recheckUpdate,
  refundUpdate,
  retryDeliveryUpdate,
  retryPostingUpdate,
  returnFromAcquirerUpdate,
  setAccountUpdate,
  setElectricityUpdate,
  setLineOptionsUpdate,
  setPeriodUpdate,
  setReceiptEmailUpdate,
  type PaymentActivities,
  type PaymentStartInput,
  type PaymentState,
} from './definitions';
import {
  FULFILMENT_FACTS_IN_INPUT,
  OPERATOR_ACTIONS_AWAIT_OUTCOME,
  RECEIPT_BEFORE_POSTING,
  check,
  initialMachine,
  isWaitingForAcquirer,
  mustReleaseReadings,
  needsRecord,
  recordOf,
  transition,
  validate,
  type Command,
  type Env,
  type Machine,
  type MachineEvent,
  type Quoted,
  type Refusal,
  type RequestEvent,
  type ResultEvent,
  type Verdict,
} from './machine';
import { errorMessage, failure } from '../failures';

export {
  DRAFT_FROZEN_WHILE_CONFIRMING,
  EVENTS_CONFIRMED_WITH_ACQUIRER,
  FULFILMENT_FACTS_IN_INPUT,
  OPERATOR_ACTIONS_AWAIT_OUTCOME,
  RECEIPT_BEFORE_POSTING,
  SERVER_OWNED_READINGS,
} from './machine';

const lookups = proxyActivities<Pick<PaymentActivities, 'findAccount' | 'loadPeriodBill' | 'holdReadings'>>({
  // The resident is waiting on these: a few quick tries, then a clear "try again".
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '300 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 3 },
});

const acquirer = proxyActivities<Pick<PaymentActivities, 'createAcquirerOrder' | 'getAcquirerOrder' | 'voidAcquirerOrder' | 'refundAcquirerOrder'>>({
  // Someone waits on each call (the resident, an operator, or the re-check schedule, which has
  // its own backoff): fail fast and let the caller decide.
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '3 seconds', maximumAttempts: 3 },
});

const readModel = proxyActivities<Pick<PaymentActivities, 'recordPayment' | 'releaseReadings'>>({
  // The staff's view of the payment must catch up eventually, however long the database is away.
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const paymentWorkflow = async (input: PaymentStartInput): Promise<PaymentState> => {
  // The worker reads a payload it could not decrypt as null (stack/src/payload-codec.ts).
  if (typeof input?.paymentId !== 'string' || typeof input.terms?.version !== 'string') {
    throw ApplicationFailure.nonRetryable('the start input is unreadable', PaymentErrorType.INVALID_INPUT);
  }
  const settings = { ...DEFAULT_PAYMENT_SETTINGS, ...input.settings };
  const fulfilment = proxyActivities<Pick<PaymentActivities, 'postToLedger' | 'postRefundToLedger' | 'issueReceipt' | 'deliverReceipt'>>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: settings.fulfilmentAttempts },
  });
  const { workflowId } = workflowInfo();
  const env = (): Env => ({ now: Date.now(), patched });
  let machine: Machine = initialMachine(input, settings, Date.now());

  // ─── Commands: each runs as an activity (or a wait) and comes back as a result event ───────

  /** Not async on purpose: a result resumes its flow as promptly as the hand-written awaits did. */
  const execute = (command: Command): Promise<ResultEvent> => {
    const settle = (promise: Promise<unknown>) =>
      promise.then(
        (value) => ({ type: 'result', kind: command.kind, command, ok: true, value }) as ResultEvent,
        (error: unknown) => ({ type: 'result', kind: command.kind, command, ok: false, error: errorMessage(error) }) as ResultEvent,
      );
    switch (command.kind) {
      case 'findAccount':
        return settle(lookups.findAccount(command.input));
      case 'loadPeriodBill':
        return settle(lookups.loadPeriodBill(command.input));
      case 'holdReadings':
        return settle(lookups.holdReadings(command.input));
      case 'createAcquirerOrder':
        return settle(acquirer.createAcquirerOrder(command.input));
      case 'getAcquirerOrder':
        return settle(acquirer.getAcquirerOrder(command.input));
      case 'voidAcquirerOrder':
        return settle(acquirer.voidAcquirerOrder(command.input));
      case 'refundAcquirerOrder':
        return settle(acquirer.refundAcquirerOrder(command.input));
      case 'postRefundToLedger':
        return settle(fulfilment.postRefundToLedger(command.input));
      case 'issueReceipt':
        return settle(fulfilment.issueReceipt(command.input));
      case 'postToLedger':
        return settle(fulfilment.postToLedger(command.input));
      case 'deliverReceipt':
        return settle(fulfilment.deliverReceipt(command.input));
      case 'waitWhile': {
        const { flag } = command;
        return settle(condition(() => !machine[flag]));
      }
      case 'waitForOperator':
        return settle(condition(() => machine.payment.status !== 'NEEDS_ATTENTION'));
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  };

  /** Feeds an event to the machine and runs its commands until the flow is done or refused. */
  const drive = async (event: MachineEvent): Promise<void> => {
    let step = transition(machine, event, env());
    for (;;) {
      machine = step.state;
      if (step.refusal) throw failure(step.refusal);
      if (!step.command) return;
      const result = await execute(step.command);
      step = transition(machine, result, env()); // the state as it is now, after the wait
    }
  };

  /** An update's body: its flow, then the open draft's idle deadline starts again; the reply reads the state after. */
  const handle = async <R>(event: RequestEvent, reply: (m: Machine) => R | Promise<R>): Promise<R> => {
    try {
      await drive(event);
    } finally {
      machine = transition(machine, { type: 'handlerFinished' }, env()).state;
    }
    return reply(machine);
  };
  const refuseIf = (refusal: Refusal | null) => {
    if (refusal) throw failure(refusal);
  };
  const state = (m: Machine) => m.payment;

  // The quote an accepted update's validator computed, by update id: the handler starts right after
  // its validator, on the same state, and applies that quote rather than computing it again.
  const quotedByUpdate = new Map<string, Quoted>();
  const keepQuote = ({ refusal, quoted }: Verdict) => {
    refuseIf(refusal);
    const id = currentUpdateInfo()?.id;
    if (id !== undefined && quoted) quotedByUpdate.set(id, quoted);
  };
  const takeQuote = (): { quoted?: Quoted } => {
    const id = currentUpdateInfo()?.id;
    const quoted = id === undefined ? undefined : quotedByUpdate.get(id);
    if (id !== undefined) quotedByUpdate.delete(id);
    return quoted ? { quoted } : {};
  };

  // ─── The resident's steps ───────────────────────────────────────────────────────────────────

  setHandler(setAccountUpdate, (ref) => handle({ type: 'setAccount', ref }, (m) => ({ account: m.payment.account!, periods: m.payment.periods })), {
    validator: (ref) => refuseIf(validate.setAccount(machine, ref)),
  });
  setHandler(setPeriodUpdate, ({ period }) => handle({ type: 'setPeriod', period }, (m) => ({ bill: m.payment.bill!, quote: m.payment.quote })), {
    validator: (args) => refuseIf(validate.setPeriod(machine, args, Date.now())),
  });
  setHandler(setElectricityUpdate, (electricity) => handle({ type: 'setElectricity', electricity, ...takeQuote() }, (m) => m.payment.quote!), {
    validator: (electricity) => keepQuote(check.setElectricity(machine, electricity)),
  });
  setHandler(setLineOptionsUpdate, (patch) => handle({ type: 'setLineOptions', patch, ...takeQuote() }, (m) => m.payment.quote), {
    validator: (patch) => keepQuote(check.setLineOptions(machine, patch)),
  });
  setHandler(setReceiptEmailUpdate, ({ email }) => handle({ type: 'setReceiptEmail', email }, (m) => ({ receiptEmail: m.payment.receiptEmail })), {
    validator: (args) => refuseIf(validate.setReceiptEmail(machine, args)),
  });
  setHandler(confirmUpdate, () => handle({ type: 'confirm' }, (m) => ({ paymentUrl: m.payment.acquirer!.paymentUrl, orderId: m.payment.acquirer!.orderId })), {
    validator: () => refuseIf(validate.confirm(machine)),
  });
  setHandler(cancelUpdate, () => handle({ type: 'cancel' }, state), { validator: () => refuseIf(validate.cancel(machine)) });
  setHandler(returnFromAcquirerUpdate, () => handle({ type: 'returnFromAcquirer' }, state));

  // The acquirer's webhook: the handler stays in progress while the acquirer is asked, so the
  // main flow's timers wait for it (allHandlersFinished) as they wait for an update's.
  setHandler(acquirerEventSignal, (event) => drive({ type: 'acquirerEvent', event }));

  // ─── Operator actions ─────────────────────────────────────────────────────────────────────

  /**
   * An operator's action answers with its outcome (OPERATOR_ACTIONS_AWAIT_OUTCOME): when it leaves
   * the payment POSTING (approved by a re-check, a retried posting or delivery), the main flow
   * fulfils it, and the reply waits until that ended, COMPLETED or parked again. Otherwise the
   * reply is the plain state, returned in the same tick as before: an update that completes a
   * microtask later lands after the main flow's next command, and old histories would not replay.
   */
  const outcome = (m: Machine): PaymentState | Promise<PaymentState> => {
    if (m.payment.status !== 'POSTING' || !patched(OPERATOR_ACTIONS_AWAIT_OUTCOME)) return m.payment;
    return condition(() => machine.payment.status !== 'POSTING').then(() => machine.payment);
  };
  setHandler(recheckUpdate, ({ actor }) => handle({ type: 'recheck', actor }, outcome), { validator: (args) => refuseIf(validate.recheck(machine, args)) });
  setHandler(retryPostingUpdate, ({ actor }) => handle({ type: 'retryPosting', actor }, outcome), {
    validator: (args) => refuseIf(validate.retryPosting(machine, args)),
  });
  setHandler(retryDeliveryUpdate, ({ actor, email }) => handle({ type: 'retryDelivery', actor, email }, outcome), {
    validator: (args) => refuseIf(validate.retryDelivery(machine, args)),
  });
  setHandler(refundUpdate, ({ actor, reason }) => handle({ type: 'refund', actor, reason }, outcome), {
    validator: (args) => refuseIf(validate.refund(machine, args)),
  });

  setHandler(getStateQuery, () => machine.payment);
  setHandler(getFulfilmentAttemptsQuery, () => machine.attempts);

  // ─── The read model: every change from confirmation on reaches Postgres, in order ─────────

  let recordedRevision = 0;
  void (async () => {
    for (;;) {
      await condition(() => needsRecord(machine, recordedRevision));
      const record = recordOf(machine, workflowId);
      await readModel.recordPayment(record);
      recordedRevision = record.revision;
    }
  })();
  const flushRecord = () => condition(() => !needsRecord(machine, recordedRevision));

  // ─── Main flow: the timers ────────────────────────────────────────────────────────────────

  // Draft: every step pushes the idle deadline (see `handle`); nothing for that long → EXPIRED.
  while (machine.payment.status === 'DRAFT') {
    const deadline = machine.payment.expiresAt;
    const remaining = Date.parse(deadline!) - Date.now();
    const moved = () => machine.payment.status !== 'DRAFT' || machine.payment.expiresAt !== deadline;
    if (remaining > 0) await condition(moved, remaining);
    if (moved()) continue;
    if (!allHandlersFinished()) {
      await condition(allHandlersFinished);
      continue;
    }
    machine = transition(machine, { type: 'draftIdle' }, env()).state;
  }

  // The acquirer: its webhooks (signal) and the operator's re-checks move the status; the
  // deadline and the re-check schedule are this loop's.
  while (isWaitingForAcquirer(machine.payment.status)) {
    const { status, revision, unconfirmed, expiresAt } = machine.payment;
    const wakeAt = status === 'UNCONFIRMED' ? unconfirmed?.nextCheckAt : expiresAt;
    const wait = wakeAt ? Date.parse(wakeAt) - Date.now() : undefined;
    const changed = () => machine.payment.revision !== revision;
    const woken = wait === undefined ? (await condition(changed), true) : wait > 0 && (await condition(changed, wait));
    if (woken || machine.payment.status !== status) continue;
    if (!allHandlersFinished()) {
      // A cancel or re-check is talking to the acquirer: let it finish, then look again.
      await condition(allHandlersFinished);
      continue;
    }
    await drive({ type: status === 'UNCONFIRMED' ? 'recheckDue' : 'acquirerWaitOver' });
  }

  // Fulfilment (receipt, ledger, delivery; NEEDS_ATTENTION waits for an operator).
  if (machine.payment.status === 'POSTING') {
    const factsInInput = patched(FULFILMENT_FACTS_IN_INPUT);
    // The receipt, the posting and its readings reference the payments row (foreign keys), so the
    // row must exist; its facts travel in the activities' input. Before FULFILMENT_FACTS_IN_INPUT
    // the activities read them back from the row, so its latest revision had to be written first.
    await (factsInInput ? condition(() => recordedRevision > 0) : flushRecord());
    await drive({ type: 'fulfil', receiptFirst: patched(RECEIPT_BEFORE_POSTING), factsInInput });
  }

  await condition(allHandlersFinished);
  if (mustReleaseReadings(machine)) await readModel.releaseReadings({ paymentId: machine.payment.paymentId });
  await flushRecord();
  return machine.payment;
};
