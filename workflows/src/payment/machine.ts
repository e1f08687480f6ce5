// The payment's rules as a pure state machine (DESIGN §3, STYLE 13): `transition(machine, event,
// env)` returns the next state and at most one command (an activity or a wait) for the workflow to
// run; the workflow feeds the command's outcome back as a `result` event. No Temporal import here:
// the clock and `patched()` come in through `env`, so these rules run in plain unit tests.
//
// Each flow issues its commands in exactly the order the hand-written workflow did, and asks
// `env.patched()` at the same points: payments already running replay the same commands.
import { normalizeAccountNumber } from '@voltpay/domain/account-number';
import {
  ElectricityArgs,
  LineOptionsPatchArgs,
  OperatorArgs,
  RetryDeliveryArgs,
  SetAccountArgs,
  SetPeriodArgs,
  SetReceiptEmailArgs,
} from '@voltpay/domain/inputs';
import type { ZodType } from 'zod';
import {
  PaymentErrorType,
  type AccountLookup,
  type AttentionStage,
  type DeliverySummary,
  type FulfilmentAttempts,
  type IssueReceiptInput,
  type LedgerPostingInput,
  type PaymentActivities,
  type PaymentRecord,
  type PaymentStartInput,
  type PaymentState,
  type ReadingsHoldResult,
  type ReceiptSummary,
} from './definitions';
import {
  DEFAULT_LINE_OPTIONS,
  TERMINAL_STATUSES,
  type AccountRef,
  type AcquirerEvent,
  type AcquirerOrder,
  type ElectricityInput,
  type Kopecks,
  type LineOptions,
  type PaymentStatus,
  type PeriodBill,
  type Quote,
  type QuoteError,
  type QuoteResult,
} from '@voltpay/domain';
import { validatePeriod } from '@voltpay/domain/period';
import { computeQuote, leaveOutPaidLines } from '@voltpay/domain/quote';

// ─── Patches: changes to running code, asked through `env.patched` where the rule changed ─────

/**
 * A resident whose card was charged holds the proof of payment even when our ledger posting then
 * fails: "money not received" claims start from that receipt, so it must exist first. Payments
 * that reached fulfilment before this patch keep the old order (post, then issue) on replay.
 */
export const RECEIPT_BEFORE_POSTING = 'receipt-before-posting';

/**
 * The draft is frozen from "confirm" on: its edits are refused while the acquirer order is being
 * created, and an order whose draft changed meanwhile (revision before ≠ after) is voided rather
 * than charged for a quote the resident no longer sees.
 */
export const DRAFT_FROZEN_WHILE_CONFIRMING = 'draft-frozen-while-confirming';

/**
 * The acquirer is the source of truth: an event (the webhook's signal) only tells the workflow to
 * ask it. A signal is data anyone who reaches Temporal's frontend could send; the order the
 * acquirer reports is what moves the payment.
 */
export const EVENTS_CONFIRMED_WITH_ACQUIRER = 'events-confirmed-with-acquirer';

/**
 * Readings are one sequence per meter, owned by the server (DESIGN §4): a zone's start is its last
 * recorded reading (the quote refuses any other; with none, the resident's start is declared and
 * recorded unverified); confirm holds the range, so a second payment of the meter starts where this
 * one ends, and a payment that ends unpaid releases it. Charges another payment of the period
 * already pays start left out. Payments quoted before keep the rule they were quoted under.
 */
export const SERVER_OWNED_READINGS = 'server-owned-readings';

/**
 * Fulfilment takes its facts from the workflow, the one owner of the payment (STYLE 14): the
 * receipt is issued for the account number and total the machine holds instead of those the
 * activity read back from the `payments` row, and the workflow no longer waits for the row's latest
 * revision before fulfilment, only for the row to exist (receipts, ledger postings and readings
 * reference it by foreign key). Payments that reached fulfilment before keep `{ paymentId }` and
 * the full flush on replay; the activities accept both inputs.
 */
export const FULFILMENT_FACTS_IN_INPUT = 'fulfilment-facts-in-input';

/**
 * An operator's action answers with its outcome: a re-check that found the payment approved, or a
 * retry of the posting or the delivery, leaves it POSTING while the main flow fulfils it; the
 * update now waits (no timer: the flow always ends COMPLETED or parked again) until it has, so its
 * result is the outcome instead of "still posting" for the console to poll. Asked in the workflow
 * (not here), only when an operator's update leaves the payment POSTING; histories without the
 * marker answer at once, as they did.
 */
export const OPERATOR_ACTIONS_AWAIT_OUTCOME = 'operator-actions-await-outcome';
/** The patches the machine asks through `env.patched` (OPERATOR_ACTIONS_AWAIT_OUTCOME is the workflow's own). */
export type PatchId =
  | typeof RECEIPT_BEFORE_POSTING
  | typeof DRAFT_FROZEN_WHILE_CONFIRMING
  | typeof EVENTS_CONFIRMED_WITH_ACQUIRER
  | typeof SERVER_OWNED_READINGS
  | typeof FULFILMENT_FACTS_IN_INPUT;

/** What the machine may ask of the world without a command: the time, and whether a patch is on. */
export type Env = { now: number; patched: (id: PatchId) => boolean };

// ─── State ───────────────────────────────────────────────────────────────────────────────────

export type Machine = {
  /** What the `getState` query shows. */
  payment: PaymentState;
  /** The amount the acquirer approved (normally the quote's total); what a refund gives back. */
  approvedKopecks: Kopecks | null;
  /** "Confirm" is creating the acquirer order: the draft is frozen meanwhile. */
  confirming: boolean;
  refunding: boolean;
  /** Acquirer event ids already applied: webhooks are at-least-once. */
  seenEvents: readonly string[];
  /** The readings' hold taken at confirm; released when the payment ends without being posted. */
  readingsHeld: boolean;
  readingsRecorded: boolean;
  returnChecks: number;
  recheckRound: number;
  /** Why the last question to the acquirer got no answer (shown in `unconfirmed.lastError`). */
  lastCheckError: string | null;
  attempts: FulfilmentAttempts;
  /** Set when fulfilment starts; `posted` once the ledger has the payment; `factsInInput`: FULFILMENT_FACTS_IN_INPUT. */
  fulfilment: { receiptFirst: boolean; posted: boolean; factsInInput: boolean } | null;
};

export const WAITING_FOR_ACQUIRER: readonly PaymentStatus[] = ['AWAITING_CARD', 'PROCESSING', 'UNCONFIRMED'];
/** Bounded: each return asks the acquirer once and is kept in history; a reloading page must not grow it without end. */
export const MAX_RETURN_CHECKS = 5;
const MAX_TIMELINE = 200;

const iso = (ms: number) => new Date(ms).toISOString();

export const initialMachine = (input: PaymentStartInput, settings: PaymentState['settings'], now: number): Machine => {
  const startedAt = iso(now);
  return {
    payment: {
      paymentId: input.paymentId,
      status: 'DRAFT',
      revision: 1,
      locale: input.locale,
      terms: input.terms,
      startedAt,
      updatedAt: startedAt,
      settings,
      account: null,
      periods: [],
      period: null,
      bill: null,
      electricity: null,
      options: { ...DEFAULT_LINE_OPTIONS },
      quote: null,
      receiptEmail: null,
      acquirer: null,
      expiresAt: iso(now + settings.draftIdleTimeoutMs),
      declineReason: null,
      unconfirmed: null,
      attention: null,
      receipt: null,
      delivery: null,
      refund: null,
      timeline: [{ at: startedAt, event: 'TERMS_ACCEPTED', detail: `terms ${input.terms.version} at ${input.terms.acceptedAt}` }],
    },
    approvedKopecks: null,
    confirming: false,
    refunding: false,
    seenEvents: [],
    readingsHeld: false,
    readingsRecorded: false,
    returnChecks: 0,
    recheckRound: 0,
    lastCheckError: null,
    attempts: { posting: 0, delivery: 0 },
    fulfilment: null,
  };
};

// ─── Events, commands, outcomes ──────────────────────────────────────────────────────────────

/** What starts a flow: an update, the signal, or one of the workflow's timers. */
export type RequestEvent =
  | { type: 'setAccount'; ref: AccountRef }
  | { type: 'setPeriod'; period: string }
  /** `quoted`: what the update's validator already quoted (see `check`). */
  | { type: 'setElectricity'; electricity: ElectricityInput; quoted?: Quoted }
  | { type: 'setLineOptions'; patch: Partial<LineOptions>; quoted?: Quoted }
  | { type: 'setReceiptEmail'; email: string | null }
  | { type: 'confirm' }
  | { type: 'cancel' }
  | { type: 'returnFromAcquirer' }
  | { type: 'acquirerEvent'; event: AcquirerEvent }
  | { type: 'recheck'; actor: string }
  | { type: 'retryPosting'; actor: string }
  | { type: 'retryDelivery'; actor: string; email?: string | null }
  | { type: 'refund'; actor: string; reason: string }
  /** An update's handler ended: an open draft's idle deadline starts again. */
  | { type: 'handlerFinished' }
  /** Timers of the main flow. */
  | { type: 'draftIdle' }
  | { type: 'acquirerWaitOver' }
  | { type: 'recheckDue' }
  /** The payment was approved: issue the receipt, post, deliver. */
  | { type: 'fulfil'; receiptFirst: boolean; factsInInput: boolean };

/** Why the acquirer is asked about the order: the flow its answer continues. */
export type CheckPurpose =
  | { kind: 'return' }
  | { kind: 'webhook'; eventType: AcquirerEvent['type'] }
  /** `deadlinePassed`: the resident's time on the acquirer's pages is over. */
  | { kind: 'check'; via: string; deadlinePassed: boolean };
export type VoidPurpose = { kind: 'confirmOverrun' } | { kind: 'cancel' } | { kind: 'unfinished'; via: string };
/** The confirm flow's memory while the order is made: the draft it started from. */
export type ConfirmContext = { revision: number; quote: Quote | null; frozen: boolean };

type Input<K extends keyof PaymentActivities> = Parameters<PaymentActivities[K]>[0];

export type Command =
  | { kind: 'findAccount'; input: AccountRef }
  | { kind: 'loadPeriodBill'; input: Input<'loadPeriodBill'>; owned: boolean }
  | { kind: 'holdReadings'; input: Input<'holdReadings'>; confirm: ConfirmContext }
  | { kind: 'createAcquirerOrder'; input: Input<'createAcquirerOrder'>; confirm: ConfirmContext }
  | { kind: 'getAcquirerOrder'; input: Input<'getAcquirerOrder'>; purpose: CheckPurpose }
  | { kind: 'voidAcquirerOrder'; input: Input<'voidAcquirerOrder'>; purpose: VoidPurpose }
  | { kind: 'refundAcquirerOrder'; input: Input<'refundAcquirerOrder'>; actor: string; reason: string }
  | { kind: 'postRefundToLedger'; input: Input<'postRefundToLedger'>; actor: string }
  | { kind: 'issueReceipt'; input: Input<'issueReceipt'>; stage: AttentionStage }
  | { kind: 'postToLedger'; input: LedgerPostingInput }
  | { kind: 'deliverReceipt'; input: Input<'deliverReceipt'> }
  /** Wait (no command to Temporal) until the flag is false: another handler holds the step. */
  | { kind: 'waitWhile'; flag: 'confirming' | 'refunding'; then: 'confirm' | 'cancel' | 'refund'; actor?: string; reason?: string }
  /** Fulfilment parked: wait until an operator moves the payment out of NEEDS_ATTENTION. */
  | { kind: 'waitForOperator' };

export type CommandKind = Command['kind'];
type Activity = Exclude<CommandKind, 'waitWhile' | 'waitForOperator'>;
export type CommandResults = { [K in Activity]: Awaited<ReturnType<PaymentActivities[K]>> } & { waitWhile: void; waitForOperator: void };

/** A command's outcome, fed back to the machine; `error` is the failure's message. */
export type ResultEvent = {
  [K in CommandKind]:
    | { type: 'result'; kind: K; command: Extract<Command, { kind: K }>; ok: true; value: CommandResults[K] }
    | { type: 'result'; kind: K; command: Extract<Command, { kind: K }>; ok: false; error: string };
}[CommandKind];

export type MachineEvent = RequestEvent | ResultEvent;

/** An update refused: the ApplicationFailure the workflow throws (type, message, details). */
export type Refusal = { type: PaymentErrorType; message: string; details: unknown[] };

/** A step: the next state and either the next command, a refusal, or neither (the flow is done). */
export type Step = { state: Machine; command?: Command; refusal?: Refusal };

const refuse = (state: Machine, type: PaymentErrorType, message: string, ...details: unknown[]): Step => ({
  state,
  refusal: { type, message, details },
});
const done = (state: Machine): Step => ({ state });
const next = (state: Machine, command: Command): Step => ({ state, command });

// ─── Small pure helpers over the payment ────────────────────────────────────────────────────

export const isWaitingForAcquirer = (status: PaymentStatus) => WAITING_FOR_ACQUIRER.includes(status);
export const isFinal = (status: PaymentStatus) => TERMINAL_STATUSES.includes(status);

const changed = (m: Machine, now: number, event: string, detail?: string, patch: Partial<PaymentState> = {}): Machine => {
  const at = iso(now);
  const timeline = [...m.payment.timeline, { at, event, ...(detail ? { detail } : {}) }];
  if (timeline.length > MAX_TIMELINE) timeline.splice(1, timeline.length - MAX_TIMELINE);
  return { ...m, payment: { ...m.payment, ...patch, revision: m.payment.revision + 1, updatedAt: at, timeline } };
};

const setStatus = (m: Machine, now: number, status: PaymentStatus, detail?: string, patch: Partial<PaymentState> = {}): Machine => {
  const p = { ...m.payment, ...patch };
  return changed(m, now, status, detail, {
    ...patch,
    status,
    unconfirmed: status !== 'UNCONFIRMED' ? null : p.unconfirmed,
    attention: status !== 'NEEDS_ATTENTION' ? null : p.attention,
    expiresAt: TERMINAL_STATUSES.includes(status) ? null : p.expiresAt,
  });
};

const withPayment = (m: Machine, patch: Partial<PaymentState>): Machine => ({ ...m, payment: { ...m.payment, ...patch } });

const draftOpen = (m: Machine) => m.payment.status === 'DRAFT' && !m.confirming;

/** `serverStart`: false only in payments quoted before SERVER_OWNED_READINGS. */
export const quoteWith = (m: Machine, electricity: ElectricityInput | null, options: LineOptions, serverStart = true): QuoteResult | null => {
  const { account, bill, settings } = m.payment;
  if (!account || !bill) return null;
  return computeQuote({
    serverStart,
    bill,
    tariffPlan: account.tariffPlan,
    meterCapacity: account.meterCapacity,
    electricity,
    options,
    ceilingKopecks: settings.ceilingKopecks,
  });
};

const quoteRefusal = (error: QuoteError): Refusal => ({ type: PaymentErrorType.QUOTE_REFUSED, message: `quote refused: ${error.code}`, details: [error] });
const wrongState = (status: PaymentStatus): Refusal => ({
  type: PaymentErrorType.WRONG_STATE,
  message: `not allowed while the payment is ${status}`,
  details: [status],
});
const unavailable = (what: string, error: string): Refusal => ({
  type: PaymentErrorType.TEMPORARILY_UNAVAILABLE,
  message: `${what} is temporarily unavailable: ${error}`,
  details: [],
});
const withRefusal = (state: Machine, refusal: Refusal): Step => ({ state, refusal });

const mergeOptions = (m: Machine, patch: Partial<LineOptions>): LineOptions => ({
  commonArea: patch.commonArea ?? m.payment.options.commonArea,
  penalty: patch.penalty ?? m.payment.options.penalty,
  debt: patch.debt ?? m.payment.options.debt,
});

// ─── Validators: refuse an update before it is accepted (nothing changes) ──────────────────

const requireStatus = (m: Machine, ...allowed: PaymentStatus[]): Refusal | null => (allowed.includes(m.payment.status) ? null : wrongState(m.payment.status));

/** A draft step: only while the draft is open, never while "confirm" is creating the order. */
const requireOpenDraft = (m: Machine): Refusal | null =>
  requireStatus(m, 'DRAFT') ??
  (m.confirming ? { type: PaymentErrorType.WRONG_STATE, message: 'the payment is being confirmed', details: [m.payment.status] } : null);

const invalid = (message: string, details: Record<string, unknown>): Refusal => ({ type: PaymentErrorType.INVALID_INPUT, message, details: [details] });
const stepMissing = (message: string, step: string): Refusal => ({ type: PaymentErrorType.STEP_MISSING, message, details: [step] });

/**
 * The update's arguments against their shared schema (@voltpay/domain/inputs, the one the API
 * validates requests with): INVALID_INPUT naming the field and the rule (the schema's issue key,
 * or the account number's own rule, e.g. ACCOUNT_NUMBER_CITY_LENGTH). `field` names the whole
 * input where the API's error mapping expects one name for it (`electricity`, `lines`).
 */
const parseArgs = (schema: ZodType, args: unknown, field?: string): Refusal | null => {
  const parsed = schema.safeParse(args);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const reason = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  const name = field ?? (typeof issue.path[0] === 'string' ? issue.path[0] : 'input');
  return invalid(`${name} refused: ${issue.message}`, { field: name, code: typeof reason === 'string' ? reason : issue.message });
};

/** An operator action's actor, as every operator update's schema has it. */
const requireActor = (args: unknown): Refusal | null => parseArgs(OperatorArgs, args, 'actor');

/**
 * A quote an update's validator computed for the draft as the update would leave it: the
 * transition applies it rather than computing it again, when it was made from the same revision
 * under the same rule (`serverStart`). Validators do not run on replay; the transition computes it then.
 */
export type Quoted = { revision: number; serverStart: boolean; result: QuoteResult | null };

/** A validator's answer: refused, or accepted with the quote it computed on the way (if any). */
export type Verdict = { refusal: Refusal; quoted?: never } | { refusal: null; quoted: Quoted | null };

const refused = (refusal: Refusal): Verdict => ({ refusal });
const accepted = (quoted: Quoted | null = null): Verdict => ({ refusal: null, quoted });

/** The validator's quote if it fits this state and rule; otherwise computed now. */
const requote = (m: Machine, quoted: Quoted | undefined, serverStart: boolean, compute: () => QuoteResult | null): QuoteResult | null =>
  quoted && quoted.revision === m.payment.revision && quoted.serverStart === serverStart ? quoted.result : compute();

/**
 * The draft steps that quote: the quote refuses before the update is accepted. Validators cannot
 * ask `patched()`, so they quote under the current rule (server-owned start readings); a payment
 * quoted before SERVER_OWNED_READINGS has its transition quote again under its own rule.
 */
export const check = {
  setElectricity: (m: Machine, electricity: unknown): Verdict => {
    const refusal =
      requireOpenDraft(m) ??
      (!m.payment.bill ? stepMissing('choose the period first', 'period') : null) ??
      parseArgs(ElectricityArgs, electricity, 'electricity');
    if (refusal) return refused(refusal);
    const result = quoteWith(m, electricity as ElectricityInput, m.payment.options);
    return result && !result.ok ? refused(quoteRefusal(result.error)) : accepted({ revision: m.payment.revision, serverStart: true, result });
  },
  setLineOptions: (m: Machine, patch: unknown): Verdict => {
    const refusal =
      requireOpenDraft(m) ?? (!m.payment.bill ? stepMissing('choose the period first', 'period') : null) ?? parseArgs(LineOptionsPatchArgs, patch, 'lines');
    if (refusal) return refused(refusal);
    // Adding a line may push the total over the ceiling: refuse before anything changes.
    const result = quoteWith(m, m.payment.electricity, mergeOptions(m, patch as Partial<LineOptions>));
    if (m.payment.electricity && result && !result.ok) return refused(quoteRefusal(result.error));
    return accepted({ revision: m.payment.revision, serverStart: true, result });
  },
};

/**
 * Update validators: what is refused before the update is accepted (and written to history). The
 * arguments' shape is the shared schema's to say; what is left here depends on the payment's state
 * or the clock.
 */
export const validate = {
  setAccount: (m: Machine, ref: unknown): Refusal | null => requireOpenDraft(m) ?? parseArgs(SetAccountArgs, ref),
  setPeriod: (m: Machine, args: unknown, now: number): Refusal | null => {
    const draft = requireOpenDraft(m);
    if (draft) return draft;
    if (!m.payment.account) return stepMissing('set the account first', 'account');
    const shape = parseArgs(SetPeriodArgs, args, 'period');
    if (shape) return shape;
    const problem = validatePeriod((args as { period: string }).period, iso(now));
    return problem ? invalid(`period refused: ${problem}`, { field: 'period', code: problem }) : null;
  },
  setElectricity: (m: Machine, electricity: unknown): Refusal | null => check.setElectricity(m, electricity).refusal,
  setLineOptions: (m: Machine, patch: unknown): Refusal | null => check.setLineOptions(m, patch).refusal,
  setReceiptEmail: (m: Machine, args: unknown): Refusal | null => requireOpenDraft(m) ?? parseArgs(SetReceiptEmailArgs, args),
  confirm: (m: Machine): Refusal | null => {
    const p = m.payment;
    if (p.acquirer && isWaitingForAcquirer(p.status)) return null; // idempotent repeat
    const status = requireStatus(m, 'DRAFT');
    if (status) return status;
    if (!p.account) return stepMissing('set the account first', 'account');
    if (!p.bill) return stepMissing('choose the period first', 'period');
    // The quote in the state is the draft's, computed when it last changed; only a refusal asks why.
    if (p.quote) return null;
    const result = quoteWith(m, p.electricity, p.options);
    return quoteRefusal(result && !result.ok ? result.error : { code: 'TOTAL_NOT_POSITIVE' });
  },
  cancel: (m: Machine): Refusal | null => {
    const p = m.payment;
    if (p.status === 'CANCELLED') return null;
    if (p.status === 'PROCESSING' || (p.status === 'AWAITING_CARD' && p.acquirer?.otpPassed)) {
      return { type: PaymentErrorType.TOO_LATE_TO_CANCEL, message: 'the bank is already confirming the payment', details: [p.status] };
    }
    return requireStatus(m, 'DRAFT', 'AWAITING_CARD');
  },
  recheck: (m: Machine, args: unknown): Refusal | null => requireActor(args) ?? requireStatus(m, ...WAITING_FOR_ACQUIRER),
  retryPosting: (m: Machine, args: unknown): Refusal | null =>
    requireActor(args) ??
    requireStatus(m, 'NEEDS_ATTENTION') ??
    (m.payment.attention?.stage !== 'POSTING'
      ? { type: PaymentErrorType.WRONG_STATE, message: 'the payment is posted; retry the delivery instead', details: [m.payment.status] }
      : null),
  retryDelivery: (m: Machine, args: unknown): Refusal | null =>
    requireActor(args) ??
    requireStatus(m, 'NEEDS_ATTENTION') ??
    (m.payment.attention?.stage !== 'DELIVERY'
      ? { type: PaymentErrorType.WRONG_STATE, message: 'the payment is not posted yet; retry the posting first', details: [m.payment.status] }
      : null) ??
    parseArgs(RetryDeliveryArgs, args),
  refund: (m: Machine, args: { actor: unknown; reason: unknown }): Refusal | null =>
    requireActor(args) ??
    (typeof args.reason !== 'string' || !args.reason.trim() || args.reason.length > 500
      ? invalid('a refund needs a reason (up to 500 characters)', { field: 'reason' })
      : null) ??
    requireStatus(m, 'NEEDS_ATTENTION') ??
    (!m.payment.acquirer ? { type: PaymentErrorType.WRONG_STATE, message: 'nothing was charged', details: [m.payment.status] } : null),
};

// ─── The acquirer's answers ─────────────────────────────────────────────────────────────────

/** Applies what the acquirer says about the order; `left`: the payment left the acquirer phase. */
export const applyOrder = (m: Machine, order: AcquirerOrder, via: string, now: number): { state: Machine; left: boolean } => {
  const p = m.payment;
  if (!isWaitingForAcquirer(p.status)) return { state: m, left: true };
  switch (order.status) {
    case 'CREATED':
    case 'AWAITING_OTP':
      return { state: m, left: false };
    case 'PROCESSING': {
      if (!p.acquirer || p.acquirer.otpPassed) return { state: m, left: false };
      const acquirer = { ...p.acquirer, otpPassed: true };
      return {
        state:
          p.status === 'AWAITING_CARD'
            ? setStatus(m, now, 'PROCESSING', `3-D Secure passed (${via})`, { acquirer })
            : changed(m, now, 'OTP_PASSED', via, { acquirer }),
        left: false,
      };
    }
    case 'APPROVED': {
      const acquirer = p.acquirer ? { ...p.acquirer, otpPassed: true, cardLast4: order.cardLast4 ?? p.acquirer.cardLast4 } : null;
      const approved = { ...m, approvedKopecks: order.amountKopecks };
      return { state: setStatus(approved, now, 'POSTING', `approved (${via})`, { acquirer, expiresAt: null }), left: true };
    }
    case 'DECLINED': {
      const declineReason = order.declineReason ?? 'declined';
      return { state: setStatus(m, now, 'DECLINED', `${declineReason} (${via})`, { declineReason }), left: true };
    }
    case 'VOIDED':
      return { state: setStatus(m, now, 'CANCELLED', `order voided (${via})`), left: true };
    case 'REFUNDED':
      return { state: setStatus(m, now, 'REFUNDED', via, { refund: { reason: 'refunded at the acquirer', at: iso(now) } }), left: true };
    default: {
      const unknown: never = order.status;
      throw new Error(`unknown acquirer status ${String(unknown)}`);
    }
  }
};

const enterUnconfirmed = (m: Machine, now: number, why: string): Machine => {
  const first = m.payment.settings.recheckScheduleMs[0];
  const unconfirmed = { checks: 0, nextCheckAt: first === undefined ? null : iso(now + first), lastError: m.lastCheckError };
  return setStatus({ ...m, recheckRound: 0 }, now, 'UNCONFIRMED', why, { expiresAt: null, unconfirmed });
};

const askAcquirer = (m: Machine, purpose: CheckPurpose): Step =>
  next(m, { kind: 'getAcquirerOrder', input: { paymentId: m.payment.paymentId, orderId: m.payment.acquirer!.orderId }, purpose });

/** One check of an order whose outcome we do not know, after the acquirer answered (or not). */
const checked = (m: Machine, order: AcquirerOrder | null, via: string, deadlinePassed: boolean, now: number): Step => {
  if (!isWaitingForAcquirer(m.payment.status)) return done(m);
  if (order) {
    const applied = applyOrder(m, order, via, now);
    if (applied.left) return done(applied.state);
    m = applied.state;
    if (deadlinePassed && (order.status === 'CREATED' || order.status === 'AWAITING_OTP')) {
      return next(m, { kind: 'voidAcquirerOrder', input: { paymentId: m.payment.paymentId, orderId: order.orderId }, purpose: { kind: 'unfinished', via } });
    }
  }
  if (m.payment.status === 'UNCONFIRMED') {
    const unconfirmed = {
      checks: (m.payment.unconfirmed?.checks ?? 0) + 1,
      nextCheckAt: m.payment.unconfirmed?.nextCheckAt ?? null,
      lastError: order ? `still ${order.status}` : m.lastCheckError,
    };
    return done(changed(m, now, 'RECHECKED', `${via}: ${order ? order.status : `no answer (${m.lastCheckError})`}`, { unconfirmed }));
  }
  if (deadlinePassed) {
    return done(enterUnconfirmed(m, now, order ? `no outcome when the wait ended (${order.status})` : `the acquirer did not answer (${m.lastCheckError})`));
  }
  return done(m);
};

const orderFetched = (m: Machine, purpose: CheckPurpose, order: AcquirerOrder | null, now: number): Step => {
  switch (purpose.kind) {
    case 'return':
      if (!isWaitingForAcquirer(m.payment.status)) return done(m); // the webhook was faster
      // Back without finishing (the browser's back button): the card page stays open until the deadline.
      return done(
        order
          ? applyOrder(m, order, 'resident returned', now).state
          : enterUnconfirmed(m, now, `the acquirer did not answer after the resident came back (${m.lastCheckError})`),
      );
    case 'webhook':
      // Still "webhook": what brought the news; the order applied is the acquirer's own answer.
      if (order) return done(applyOrder(m, order, 'webhook', now).state);
      return done(changed(m, now, 'ACQUIRER_EVENT_UNCONFIRMED', `${purpose.eventType}: the acquirer did not answer (${m.lastCheckError})`));
    case 'check':
      return checked(m, order, purpose.via, purpose.deadlinePassed, now);
    default: {
      const unknown: never = purpose;
      throw new Error(`unknown check ${JSON.stringify(unknown)}`);
    }
  }
};

const acquirerEvent = (m: Machine, event: AcquirerEvent, env: Env): Step => {
  if (!event?.eventId || m.seenEvents.includes(event.eventId)) return done(m); // webhooks are at-least-once
  m = { ...m, seenEvents: [...m.seenEvents, event.eventId] };
  const p = m.payment;
  if (!p.acquirer || event.orderId !== p.acquirer.orderId)
    return done(changed(m, env.now, 'ACQUIRER_EVENT_IGNORED', `${event.type} for order ${event.orderId}`));
  if (env.patched(EVENTS_CONFIRMED_WITH_ACQUIRER)) {
    // No answer: nothing moves; the wait's deadline and the re-check schedule ask again.
    if (!isWaitingForAcquirer(p.status)) return done(m);
    return askAcquirer(m, { kind: 'webhook', eventType: event.type });
  }
  const asOrder: AcquirerOrder = {
    orderId: event.orderId,
    reference: p.paymentId,
    amountKopecks: event.amountKopecks,
    currency: 'RUB',
    cardLast4: event.cardLast4,
    declineReason: event.declineReason,
    status: event.type === 'OTP_PASSED' ? 'PROCESSING' : event.type,
  };
  return done(applyOrder(m, asOrder, 'webhook', env.now).state);
};

// ─── Confirm and cancel ──────────────────────────────────────────────────────────────────────

const confirmReady = (m: Machine, env: Env): Step => {
  const p = m.payment;
  if (p.acquirer) return done(m);
  if (p.status !== 'DRAFT') return withRefusal(m, wrongState(p.status));
  const frozen = env.patched(DRAFT_FROZEN_WHILE_CONFIRMING);
  const quote = p.quote;
  if (frozen && !quote) return refuse(m, PaymentErrorType.STEP_MISSING, 'nothing to pay yet: enter readings or an amount', 'electricity');
  const confirm: ConfirmContext = { revision: p.revision, quote, frozen };
  m = { ...m, confirming: true };
  if (env.patched(SERVER_OWNED_READINGS)) {
    const zones = quote!.lines.find((line) => line.kind === 'ELECTRICITY' && line.included)?.zones;
    if (zones?.length) {
      return next(m, {
        kind: 'holdReadings',
        input: {
          paymentId: p.paymentId,
          accountId: p.account!.accountId,
          period: quote!.period,
          readings: zones.map((z) => ({ zone: z.zone, start: z.start, end: z.end, declared: z.startDeclared === true })),
        },
        confirm,
      });
    }
  }
  return createOrder(m, confirm);
};

const createOrder = (m: Machine, confirm: ConfirmContext): Step =>
  next(m, {
    kind: 'createAcquirerOrder',
    input: {
      paymentId: m.payment.paymentId,
      attempt: 1,
      amountKopecks: confirm.quote!.totalKopecks,
      description: `Электроэнергия, лицевой счёт ${m.payment.account!.number}, период ${confirm.quote!.period}`,
      locale: m.payment.locale,
    },
    confirm,
  });

const readingsHeld = (m: Machine, command: Extract<Command, { kind: 'holdReadings' }>, hold: ReadingsHoldResult, now: number): Step => {
  if (hold.ok) return createOrder({ ...m, readingsHeld: true }, command.confirm);
  // Another payment of this meter was confirmed or posted first: it ends where this one must start.
  const zones = command.input.readings;
  let moved = withPayment(m, { bill: { ...m.payment.bill!, lastReadings: hold.lastReadings }, electricity: null });
  const result = quoteWith(moved, null, moved.payment.options);
  moved = changed({ ...moved, confirming: false }, now, 'READINGS_CHANGED', hold.lastReadings.map((r) => `${r.zone} ${r.value}`).join(', '), {
    quote: result?.ok ? result.quote : null,
  });
  const at = hold.lastReadings.find((r) => zones.some((z) => z.zone === r.zone && z.start !== r.value)) ?? hold.lastReadings[0];
  return withRefusal(moved, quoteRefusal({ code: 'READINGS_CHANGED', params: at ? { zone: at.zone, start: at.value } : {} }));
};

const orderCreated = (
  m: Machine,
  command: Extract<Command, { kind: 'createAcquirerOrder' }>,
  order: { orderId: string; paymentUrl: string },
  now: number,
): Step => {
  const { confirm } = command;
  const p = m.payment;
  if (p.status !== 'DRAFT' || (confirm.frozen && (p.revision !== confirm.revision || p.quote !== confirm.quote))) {
    // Cancelled, expired or edited while the order was being created: the order must not stay payable.
    return next(m, { kind: 'voidAcquirerOrder', input: { paymentId: p.paymentId, orderId: order.orderId }, purpose: { kind: 'confirmOverrun' } });
  }
  const acquirer = { orderId: order.orderId, paymentUrl: order.paymentUrl, otpPassed: false, cardLast4: null };
  const expiresAt = iso(now + p.settings.acquirerWaitTimeoutMs);
  return done(
    setStatus({ ...m, confirming: false }, now, 'AWAITING_CARD', `order ${order.orderId}, ${confirm.quote!.totalKopecks} kopecks`, { acquirer, expiresAt }),
  );
};

const tooLateToCancel = (m: Machine): Step => refuse(m, PaymentErrorType.TOO_LATE_TO_CANCEL, 'the bank is already confirming the payment', m.payment.status);

const cancelReady = (m: Machine, now: number): Step => {
  const p = m.payment;
  if (p.status === 'DRAFT') return done(setStatus(m, now, 'CANCELLED', 'cancelled by the resident'));
  if (p.status !== 'AWAITING_CARD' || p.acquirer?.otpPassed) return tooLateToCancel(m);
  return next(m, { kind: 'voidAcquirerOrder', input: { paymentId: p.paymentId, orderId: p.acquirer!.orderId }, purpose: { kind: 'cancel' } });
};

const voided = (m: Machine, purpose: VoidPurpose, result: Extract<ResultEvent, { kind: 'voidAcquirerOrder' }>, now: number): Step => {
  switch (purpose.kind) {
    case 'confirmOverrun': {
      const state = { ...m, confirming: false };
      const status = state.payment.status;
      return refuse(state, PaymentErrorType.WRONG_STATE, `the payment was ${status === 'DRAFT' ? 'changed' : status} meanwhile`, status);
    }
    case 'cancel': {
      if (!result.ok) return refuse(m, PaymentErrorType.ACQUIRER_UNAVAILABLE, `the acquirer did not answer: ${result.error}`);
      if (result.value.voided) {
        return done(isWaitingForAcquirer(m.payment.status) ? setStatus(m, now, 'CANCELLED', 'cancelled by the resident; order voided') : m);
      }
      // Too late: the one-time password went through between the click and the void.
      const applied = applyOrder(m, result.value.order, 'void refused', now).state;
      return applied.payment.status === 'CANCELLED' ? done(applied) : tooLateToCancel(applied);
    }
    case 'unfinished': {
      // The resident's time on the acquirer's pages is over, or a re-check found the order unfinished.
      if (!isWaitingForAcquirer(m.payment.status)) return done(m);
      if (!result.ok) return done(enterUnconfirmed(m, now, 'the acquirer did not answer the void'));
      if (result.value.voided) return done(setStatus(m, now, 'EXPIRED', `the resident did not finish on the acquirer's pages; order voided (${purpose.via})`));
      return done(applyOrder(m, result.value.order, purpose.via, now).state);
    }
    default: {
      const unknown: never = purpose;
      throw new Error(`unknown void ${JSON.stringify(unknown)}`);
    }
  }
};

// ─── Refund (operator, from NEEDS_ATTENTION) ────────────────────────────────────────────────

const refundReady = (m: Machine, actor: string, reason: string): Step => {
  if (m.payment.status === 'REFUNDED') return done(m);
  const amountKopecks = m.approvedKopecks ?? m.payment.quote!.totalKopecks;
  return next(
    { ...m, refunding: true },
    {
      kind: 'refundAcquirerOrder',
      input: { paymentId: m.payment.paymentId, orderId: m.payment.acquirer!.orderId, amountKopecks },
      actor,
      reason,
    },
  );
};

const operatorFailed = (m: Machine, message: string, ...details: unknown[]): Step =>
  refuse({ ...m, refunding: false }, PaymentErrorType.OPERATOR_ACTION_FAILED, message, ...details);

// ─── Fulfilment: issue the receipt, post, deliver ───────────────────────────────────────────

/**
 * Issue the receipt, post, deliver the receipt (before RECEIPT_BEFORE_POSTING: post, issue,
 * deliver). A step that keeps failing parks the payment in NEEDS_ATTENTION until an operator
 * retries it (or refunds). Issue and posting are one stage (POSTING): retryPosting resumes
 * whichever of the two is missing, and the receipt once issued is kept.
 */
const fulfilNext = (m: Machine, now: number): Step => {
  const f = m.fulfilment!;
  const p = m.payment;
  if (p.status !== 'POSTING') return done(m);
  if (!f.posted) {
    // Confirm refuses to run without a quote and freezes it; still, a charged payment without
    // one must wait for an operator in plain sight, never fail on a null.
    if (!p.quote || !p.account) return needAttention(m, now, 'POSTING', `charged ${m.approvedKopecks} kopecks, but the payment has no quote: refund`);
    // No receipt either: an amount the resident did not agree to is refunded, not certified.
    if (m.approvedKopecks !== p.quote.totalKopecks) {
      return needAttention(m, now, 'POSTING', `the acquirer approved ${m.approvedKopecks} kopecks, the quote was ${p.quote.totalKopecks}: refund`);
    }
    m = { ...m, attempts: { ...m.attempts, posting: m.attempts.posting + 1 } };
    if (f.receiptFirst && !p.receipt) return next(m, { kind: 'issueReceipt', input: receiptInput(m), stage: 'POSTING' });
    return post(m);
  }
  m = { ...m, attempts: { ...m.attempts, delivery: m.attempts.delivery + 1 } };
  if (!p.receipt) return next(m, { kind: 'issueReceipt', input: receiptInput(m), stage: 'DELIVERY' });
  return deliver(m, now);
};

/** What the receipt certifies: the account and the frozen quote's total (checked equal to the amount approved before any issue). */
export const receiptInput = (m: Machine): IssueReceiptInput => {
  const p = m.payment;
  if (!m.fulfilment?.factsInInput) return { paymentId: p.paymentId };
  return { paymentId: p.paymentId, accountNumber: p.account!.number, totalKopecks: p.quote!.totalKopecks };
};

/** The ledger posting of the frozen quote, with the readings the resident entered. */
export const ledgerPosting = (m: Machine): LedgerPostingInput => {
  const p = m.payment;
  const quote = p.quote!;
  const electricityZones = quote.lines.find((l) => l.kind === 'ELECTRICITY')?.zones;
  return {
    paymentId: p.paymentId,
    accountId: p.account!.accountId,
    period: quote.period,
    acquirerOrderId: p.acquirer!.orderId,
    totalKopecks: quote.totalKopecks,
    lines: quote.lines.filter((l) => l.included).map((l) => ({ kind: l.kind, amountKopecks: l.amountKopecks })),
    readings:
      p.electricity?.kind === 'readings'
        ? p.electricity.readings.map((r) => ({
            zone: r.zone,
            value: r.end,
            ...(electricityZones?.find((z) => z.zone === r.zone)?.startDeclared ? { declared: true } : {}),
          }))
        : [],
    ...(m.readingsHeld ? { held: true } : {}),
  };
};

const post = (m: Machine): Step => next(m, { kind: 'postToLedger', input: ledgerPosting(m) });

const deliver = (m: Machine, now: number): Step => {
  const p = m.payment;
  if (p.receiptEmail) return next(m, { kind: 'deliverReceipt', input: { paymentId: p.paymentId, email: p.receiptEmail, locale: p.locale } });
  return delivered(m, { channel: 'none' }, now);
};

const delivered = (m: Machine, delivery: DeliverySummary, now: number): Step => {
  const receipt = m.payment.receipt!;
  return fulfilNext(
    setStatus(m, now, 'COMPLETED', `receipt ${receipt.number}${delivery.channel === 'none' ? '' : `, sent via ${delivery.channel}`}`, { delivery }),
    now,
  );
};

const needAttention = (m: Machine, now: number, stage: AttentionStage, error: string): Step =>
  next(setStatus(m, now, 'NEEDS_ATTENTION', `${stage}: ${error}`, { attention: { stage, error, since: iso(now) } }), { kind: 'waitForOperator' });

const receiptIssued = (m: Machine, stage: AttentionStage, receipt: ReceiptSummary, now: number): Step => {
  if (stage === 'POSTING') return post(changed(m, now, 'RECEIPT_ISSUED', receipt.number, { receipt }));
  return deliver(withPayment(m, { receipt }), now);
};

// ─── The transition ─────────────────────────────────────────────────────────────────────────

const onResult = (m: Machine, event: ResultEvent, env: Env): Step => {
  const { now } = env;
  switch (event.kind) {
    case 'findAccount': {
      if (!event.ok) return withRefusal(m, unavailable('Account lookup', event.error));
      const lookup: AccountLookup = event.value;
      if (!lookup.found && lookup.reason === 'NUMBER_FORMAT') {
        return refuse(m, PaymentErrorType.INVALID_INPUT, `account number refused: ${lookup.code}`, { field: 'accountNumber', code: lookup.code });
      }
      // One answer for every miss, so guessing cannot tell a missing office from a missing account.
      if (!lookup.found) return refuse(m, PaymentErrorType.ACCOUNT_NOT_FOUND, 'no such account');
      if (!draftOpen(m)) return withRefusal(m, wrongState(m.payment.status));
      // "Change account" starts the bill over: the period, readings and choices belonged to the old one.
      return done(
        changed(m, now, 'ACCOUNT_SET', `${lookup.account.districtCode} ${lookup.account.number}`, {
          account: lookup.account,
          periods: lookup.periods,
          period: null,
          bill: null,
          electricity: null,
          quote: null,
          options: { ...DEFAULT_LINE_OPTIONS },
        }),
      );
    }
    case 'loadPeriodBill': {
      if (!event.ok) return withRefusal(m, unavailable('The bill', event.error));
      const { command } = event;
      if (!draftOpen(m) || m.payment.account?.accountId !== command.input.accountId) {
        return refuse(m, PaymentErrorType.WRONG_STATE, 'the payment changed while the bill was loading', m.payment.status);
      }
      const bill: PeriodBill = event.value;
      // Start readings are prefilled per period, so readings typed for another period no longer apply.
      let state = withPayment(m, { period: command.input.period, bill, electricity: null });
      if (command.owned) state = withPayment(state, { options: leaveOutPaidLines(bill, DEFAULT_LINE_OPTIONS) });
      const result = quoteWith(state, null, state.payment.options, command.owned);
      return done(changed(state, now, 'PERIOD_SET', command.input.period, { quote: result?.ok ? result.quote : null }));
    }
    case 'holdReadings':
      if (!event.ok) return withRefusal({ ...m, confirming: false }, unavailable('The meter readings', event.error));
      return readingsHeld(m, event.command, event.value, now);
    case 'createAcquirerOrder':
      if (!event.ok) return refuse({ ...m, confirming: false }, PaymentErrorType.ACQUIRER_UNAVAILABLE, `the acquirer did not answer: ${event.error}`);
      return orderCreated(m, event.command, event.value, now);
    case 'getAcquirerOrder': {
      const state = { ...m, lastCheckError: event.ok ? null : event.error };
      return orderFetched(state, event.command.purpose, event.ok ? event.value : null, now);
    }
    case 'voidAcquirerOrder':
      return voided(m, event.command.purpose, event, now);
    case 'refundAcquirerOrder': {
      if (!event.ok) return operatorFailed(m, `the acquirer refused or did not answer: ${event.error}`);
      if (event.value.status !== 'REFUNDED') return operatorFailed(m, `the acquirer says the order is ${event.value.status}`, event.value.status);
      const { actor, reason } = event.command;
      return next(m, { kind: 'postRefundToLedger', input: { paymentId: m.payment.paymentId, reason }, actor });
    }
    case 'postRefundToLedger': {
      if (!event.ok) return operatorFailed(m, `refunded at the acquirer, but the ledger reversal failed: ${event.error}; refund again to retry it`);
      const { reason } = event.command.input;
      const refunded = setStatus({ ...m, refunding: false }, now, 'REFUNDED', `refund by ${event.command.actor}: ${reason}`, {
        refund: { reason, at: iso(now) },
      });
      return done(refunded);
    }
    case 'issueReceipt':
      if (!event.ok) return needAttention(m, now, event.command.stage, event.error);
      return receiptIssued(m, event.command.stage, event.value, now);
    case 'postToLedger': {
      if (!event.ok) return needAttention(m, now, 'POSTING', event.error);
      const posted = changed({ ...m, readingsRecorded: true, fulfilment: { ...m.fulfilment!, posted: true } }, now, 'POSTED');
      return fulfilNext(posted, now);
    }
    case 'deliverReceipt':
      if (!event.ok) return needAttention(m, now, 'DELIVERY', event.error);
      return delivered(m, event.value, now);
    case 'waitWhile': {
      const { then, actor, reason } = event.command;
      if (then === 'confirm') return confirmReady(m, env);
      if (then === 'cancel') return cancelReady(m, now);
      return refundReady(m, actor!, reason!);
    }
    case 'waitForOperator':
      return fulfilNext(m, now);
    default: {
      const unknown: never = event;
      throw new Error(`unknown result ${JSON.stringify(unknown)}`);
    }
  }
};

export const transition = (m: Machine, event: MachineEvent, env: Env): Step => {
  const { now } = env;
  const p = m.payment;
  switch (event.type) {
    case 'result':
      return onResult(m, event, env);
    case 'setAccount': {
      // As the schema reads it (district code lower-cased, account number without spaces); the
      // validator accepted nothing else. Unparsed only in a history from before the shared schema.
      const parsed = SetAccountArgs.safeParse(event.ref);
      const ref = parsed.success ? parsed.data : { ...event.ref, accountNumber: normalizeAccountNumber(event.ref.accountNumber) };
      return next(m, { kind: 'findAccount', input: ref });
    }
    case 'setPeriod': {
      const owned = env.patched(SERVER_OWNED_READINGS);
      const accountId = p.account!.accountId;
      return next(m, { kind: 'loadPeriodBill', input: { accountId, period: event.period, ...(owned ? { paymentId: p.paymentId } : {}) }, owned });
    }
    case 'setElectricity': {
      const { electricity } = event;
      const serverStart = env.patched(SERVER_OWNED_READINGS);
      const result = requote(m, event.quoted, serverStart, () => quoteWith(m, electricity, p.options, serverStart));
      if (!result?.ok) return withRefusal(m, quoteRefusal(result?.error ?? { code: 'NO_TARIFF' }));
      const detail = electricity.kind === 'amount' ? `amount ${electricity.amountKopecks}` : 'readings';
      return done(changed(m, now, 'ELECTRICITY_SET', detail, { electricity, quote: result.quote }));
    }
    case 'setLineOptions': {
      const options = mergeOptions(m, event.patch);
      const serverStart = env.patched(SERVER_OWNED_READINGS);
      const result = requote(m, event.quoted, serverStart, () => quoteWith(m, p.electricity, options, serverStart));
      if (p.electricity && !result?.ok) return withRefusal(m, quoteRefusal(result?.error ?? { code: 'NO_TARIFF' }));
      return done(changed(m, now, 'LINES_SET', JSON.stringify(options), { options, quote: result?.ok ? result.quote : null }));
    }
    case 'setReceiptEmail': {
      const receiptEmail = event.email === null ? null : event.email.trim().toLowerCase();
      return done(changed(m, now, 'RECEIPT_EMAIL_SET', receiptEmail ? 'email given' : 'no email', { receiptEmail }));
    }
    case 'confirm':
      // A double click sends two confirms: the second waits for the first and gets the same order.
      if (m.confirming) return next(m, { kind: 'waitWhile', flag: 'confirming', then: 'confirm' });
      return confirmReady(m, env);
    case 'cancel':
      if (p.status === 'CANCELLED') return done(m);
      if (p.status === 'DRAFT' && !m.confirming) return done(setStatus(m, now, 'CANCELLED', 'cancelled by the resident'));
      if (m.confirming) return next(m, { kind: 'waitWhile', flag: 'confirming', then: 'cancel' });
      return cancelReady(m, now);
    case 'returnFromAcquirer':
      if (!p.acquirer || (p.status !== 'AWAITING_CARD' && p.status !== 'PROCESSING') || m.returnChecks >= MAX_RETURN_CHECKS) return done(m);
      return askAcquirer(changed({ ...m, returnChecks: m.returnChecks + 1 }, now, 'RETURNED_FROM_ACQUIRER'), { kind: 'return' });
    case 'acquirerEvent':
      return acquirerEvent(m, event.event, env);
    case 'recheck': {
      const deadlinePassed = p.status === 'UNCONFIRMED' || (p.expiresAt !== null && Date.parse(p.expiresAt) <= now);
      return askAcquirer(m, { kind: 'check', via: `re-check by ${event.actor}`, deadlinePassed });
    }
    case 'retryPosting':
      return done(setStatus(m, now, 'POSTING', `retry of ledger posting by ${event.actor}`));
    case 'retryDelivery': {
      const { email, actor } = event;
      const corrected = email === undefined ? m : withPayment(m, { receiptEmail: email === null ? null : email.trim().toLowerCase() });
      const how = email === undefined ? '' : email === null ? ', email skipped' : ', email corrected';
      return done(setStatus(corrected, now, 'POSTING', `retry of receipt delivery by ${actor}${how}`));
    }
    case 'refund':
      if (m.refunding) return next(m, { kind: 'waitWhile', flag: 'refunding', then: 'refund', actor: event.actor, reason: event.reason });
      return refundReady(m, event.actor, event.reason);
    case 'handlerFinished':
      return done(p.status === 'DRAFT' ? withPayment(m, { expiresAt: iso(now + p.settings.draftIdleTimeoutMs) }) : m);
    case 'draftIdle':
      return done(setStatus(m, now, 'EXPIRED', 'the draft was idle too long'));
    case 'acquirerWaitOver':
      return askAcquirer(m, { kind: 'check', via: 'the wait for the acquirer ended', deadlinePassed: true });
    case 'recheckDue': {
      const recheckRound = m.recheckRound + 1;
      const delay = p.settings.recheckScheduleMs[recheckRound];
      const unconfirmed = p.unconfirmed ? { ...p.unconfirmed, nextCheckAt: delay === undefined ? null : iso(now + delay) } : p.unconfirmed;
      return askAcquirer(withPayment({ ...m, recheckRound }, { unconfirmed }), {
        kind: 'check',
        via: `scheduled re-check ${recheckRound}`,
        deadlinePassed: true,
      });
    }
    case 'fulfil':
      return fulfilNext({ ...m, fulfilment: { receiptFirst: event.receiptFirst, posted: false, factsInInput: event.factsInInput } }, now);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
};

// ─── What the workflow waits for, and what it records ───────────────────────────────────────

/**
 * What moves a payment on from here: a timer (`at`), fulfilment work under way, an operator's
 * queue, or nothing (final). Every status but a final one has one of the first three.
 */
export type Wait =
  | { kind: 'timer'; at: string | null; event: 'draftIdle' | 'acquirerWaitOver' | 'recheckDue' }
  | { kind: 'work' }
  | { kind: 'operator'; queue: 'UNCONFIRMED' | 'NEEDS_ATTENTION' }
  | { kind: 'final' };

export const waitOf = (m: Machine): Wait => {
  const p = m.payment;
  switch (p.status) {
    case 'DRAFT':
      return { kind: 'timer', at: p.expiresAt, event: 'draftIdle' };
    case 'AWAITING_CARD':
    case 'PROCESSING':
      return { kind: 'timer', at: p.expiresAt, event: 'acquirerWaitOver' };
    case 'UNCONFIRMED':
      // The console lists every unconfirmed payment; the schedule re-checks until it runs out.
      return p.unconfirmed?.nextCheckAt ? { kind: 'timer', at: p.unconfirmed.nextCheckAt, event: 'recheckDue' } : { kind: 'operator', queue: 'UNCONFIRMED' };
    case 'POSTING':
      return { kind: 'work' };
    case 'NEEDS_ATTENTION':
      return { kind: 'operator', queue: 'NEEDS_ATTENTION' };
    case 'COMPLETED':
    case 'CANCELLED':
    case 'EXPIRED':
    case 'DECLINED':
    case 'REFUNDED':
      return { kind: 'final' };
    default: {
      const unknown: never = p.status;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
};

/** A payment that ends without being posted frees the readings it held at confirm. */
export const mustReleaseReadings = (m: Machine): boolean => m.readingsHeld && !m.readingsRecorded;

/** From confirmation on, whatever happens: a charged payment must be in the staff's queues. */
export const needsRecord = (m: Machine, recordedRevision: number): boolean =>
  m.payment.acquirer !== null && m.payment.account !== null && recordedRevision < m.payment.revision;

/** The read model row (`payments` + `payment_lines`) for the payment's current revision. */
export const recordOf = (m: Machine, workflowId: string): PaymentRecord => {
  const p = m.payment;
  // No quote only in a payment broken before DRAFT_FROZEN_WHILE_CONFIRMING: recorded at the
  // amount charged, without lines, and parked (QUOTE_MISSING) for an operator.
  const quote = p.quote ?? { period: p.period ?? p.bill?.period ?? '', lines: [], totalKopecks: m.approvedKopecks ?? 0 };
  return {
    paymentId: p.paymentId,
    workflowId,
    revision: p.revision,
    status: p.status,
    statusReason: p.declineReason ?? p.attention?.error ?? p.unconfirmed?.lastError ?? p.refund?.reason ?? null,
    accountId: p.account!.accountId,
    period: quote.period,
    totalKopecks: quote.totalKopecks,
    lines: quote.lines
      .filter((line) => line.included)
      .map((line) => ({ kind: line.kind, amountKopecks: line.amountKopecks, kwh: line.kwh ?? null, details: line.zones ? { zones: line.zones } : null })),
    termsVersion: p.terms.version,
    termsAcceptedAt: p.terms.acceptedAt,
    receiptEmail: p.receiptEmail,
    locale: p.locale,
    acquirerOrderId: p.acquirer?.orderId ?? null,
    cardLast4: p.acquirer?.cardLast4 ?? null,
    completedAt: TERMINAL_STATUSES.includes(p.status) ? p.updatedAt : null,
  };
};
