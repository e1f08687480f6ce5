// The payment workflow: one per payment attempt, from "I agree" to a delivered receipt (DESIGN §3).
//
// Phases: DRAFT (the resident's steps arrive as Updates; an idle draft expires) → the acquirer
// (AWAITING_CARD / PROCESSING, with its own deadline; UNCONFIRMED re-checks on a schedule) →
// fulfilment (POSTING: receipt, ledger, delivery; NEEDS_ATTENTION waits for an operator) → a
// terminal status. Every waiting state has a timer or an operator action out of it.
//
// Versioning: any change that alters the commands a running payment issues goes behind
// `patched('<change-id>')`, and the replay test (test/payment-replay.integration-test.ts) replays
// the recorded histories in test/fixtures/payment-histories/ against the current code. Patches:
// - RECEIPT_BEFORE_POSTING: the receipt is issued before the ledger posting, not after it.
// - DRAFT_FROZEN_WHILE_CONFIRMING: confirm voids an order whose draft changed while it was made.
// - EVENTS_CONFIRMED_WITH_ACQUIRER: a webhook's news is asked of the acquirer before it is applied.
// - SERVER_OWNED_READINGS: the start reading is the recorded one, held at confirm, released unpaid.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   The update validators receive the caller's input untyped (`any`) and check it by hand; one zod schema per
   update (issue 13, "machine") replaces these checks, and this line with them. */
import { ApplicationFailure, condition, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { validateAccountNumber, normalizeAccountNumber } from './account-number';
import {
  DEFAULT_LINE_OPTIONS,
  DEFAULT_PAYMENT_SETTINGS,
  PaymentErrorType,
  TERMINAL_STATUSES,
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
  type AcquirerEvent,
  type AcquirerOrder,
  type AttentionStage,
  type ElectricityInput,
  type FulfilmentAttempts,
  type LineOptions,
  type PaymentActivities,
  type PaymentRecord,
  type PaymentStartInput,
  type PaymentState,
  type PaymentStatus,
  type Quote,
  type QuoteError,
  type QuoteResult,
} from './definitions';
import { validatePeriod } from './period';
import { computeQuote, leaveOutPaidLines } from './quote';

const lookups = proxyActivities<Pick<PaymentActivities, 'findAccount' | 'loadPeriodBill' | 'holdReadings'>>({
  // The resident is waiting on these: a few quick tries, then a clear "try again".
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '300 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 3 },
});

const acquirer = proxyActivities<
  Pick<PaymentActivities, 'createAcquirerOrder' | 'getAcquirerOrder' | 'voidAcquirerOrder' | 'refundAcquirerOrder'>
>({
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

const WAITING_FOR_ACQUIRER: readonly PaymentStatus[] = ['AWAITING_CARD', 'PROCESSING', 'UNCONFIRMED'];
const MAX_TIMELINE = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fail = (type: PaymentErrorType, message: string, ...details: unknown[]): never => {
  throw ApplicationFailure.create({ type, message, details, nonRetryable: true });
};

const errorMessage = (error: unknown): string => {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message ? cause.message : error.message;
  }
  return String(error);
};

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
  const nowIso = () => new Date().toISOString();
  const startedAt = nowIso();

  const state: PaymentState = {
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
    expiresAt: new Date(Date.now() + settings.draftIdleTimeoutMs).toISOString(),
    declineReason: null,
    unconfirmed: null,
    attention: null,
    receipt: null,
    delivery: null,
    refund: null,
    timeline: [{ at: startedAt, event: 'TERMS_ACCEPTED', detail: `terms ${input.terms.version} at ${input.terms.acceptedAt}` }],
  };
  // The amount the acquirer approved (normally the quote's total); what a refund gives back.
  let approvedKopecks: number | null = null;
  const seenEvents = new Set<string>();
  let handlersRunning = 0;
  let confirming = false;

  const changed = (event: string, detail?: string) => {
    state.revision += 1;
    state.updatedAt = nowIso();
    state.timeline.push({ at: state.updatedAt, event, ...(detail ? { detail } : {}) });
    if (state.timeline.length > MAX_TIMELINE) state.timeline.splice(1, state.timeline.length - MAX_TIMELINE);
  };
  const setStatus = (status: PaymentStatus, detail?: string) => {
    state.status = status;
    if (status !== 'UNCONFIRMED') state.unconfirmed = null;
    if (status !== 'NEEDS_ATTENTION') state.attention = null;
    if (TERMINAL_STATUSES.includes(status)) state.expiresAt = null;
    changed(status, detail);
  };
  /** Runs an update handler's body, counted so the idle timer never expires a draft mid-step. */
  const step = async <T>(body: () => Promise<T>): Promise<T> => {
    handlersRunning += 1;
    try {
      return await body();
    } finally {
      handlersRunning -= 1;
      if (state.status === 'DRAFT') state.expiresAt = new Date(Date.now() + settings.draftIdleTimeoutMs).toISOString();
    }
  };
  const unavailable = (what: string) => (error: unknown) =>
    fail(PaymentErrorType.TEMPORARILY_UNAVAILABLE, `${what} is temporarily unavailable: ${errorMessage(error)}`);

  // ─── Draft steps ──────────────────────────────────────────────────────────────────────────

  const requireStatus = (...allowed: PaymentStatus[]) => {
    if (!allowed.includes(state.status)) fail(PaymentErrorType.WRONG_STATE, `not allowed while the payment is ${state.status}`, state.status);
  };
  /** A draft step: only while the draft is open, never while "confirm" is creating the order. */
  const requireOpenDraft = () => {
    requireStatus('DRAFT');
    if (confirming) fail(PaymentErrorType.WRONG_STATE, 'the payment is being confirmed', state.status);
  };
  const draftOpen = () => state.status === 'DRAFT' && !confirming;
  /** `serverStart`: false only in handlers replaying a payment quoted before SERVER_OWNED_READINGS. */
  const quoteWith = (electricity: ElectricityInput | null, options: LineOptions, serverStart = true): QuoteResult | null => {
    if (!state.account || !state.bill) return null;
    return computeQuote({
      serverStart,
      bill: state.bill,
      tariffPlan: state.account.tariffPlan,
      meterCapacity: state.account.meterCapacity,
      electricity,
      options,
      ceilingKopecks: settings.ceilingKopecks,
    });
  };
  const refuseQuote = (error: QuoteError): never => fail(PaymentErrorType.QUOTE_REFUSED, `quote refused: ${error.code}`, error);

  setHandler(
    setAccountUpdate,
    (ref) =>
      step(async () => {
        const lookup = await lookups.findAccount({ ...ref, accountNumber: normalizeAccountNumber(ref.accountNumber) }).catch(unavailable('Account lookup'));
        if (!lookup.found && lookup.reason === 'NUMBER_FORMAT') {
          return fail(PaymentErrorType.INVALID_INPUT, `account number refused: ${lookup.code}`, { field: 'accountNumber', code: lookup.code });
        }
        // One answer for every miss, so guessing cannot tell a missing office from a missing account.
        if (!lookup.found) return fail(PaymentErrorType.ACCOUNT_NOT_FOUND, 'no such account');
        if (!draftOpen()) return fail(PaymentErrorType.WRONG_STATE, `not allowed while the payment is ${state.status}`, state.status);
        // "Change account" starts the bill over: the period, readings and choices belonged to the old one.
        state.account = lookup.account;
        state.periods = lookup.periods;
        state.period = null;
        state.bill = null;
        state.electricity = null;
        state.quote = null;
        state.options = { ...DEFAULT_LINE_OPTIONS };
        changed('ACCOUNT_SET', `${lookup.account.districtCode} ${lookup.account.number}`);
        return { account: lookup.account, periods: lookup.periods };
      }),
    {
      validator: (ref) => {
        requireOpenDraft();
        if (typeof ref?.districtCode !== 'string' || !/^[a-z0-9-]{2,64}$/.test(ref.districtCode)) {
          fail(PaymentErrorType.INVALID_INPUT, 'districtCode is not a district code', { field: 'districtCode' });
        }
        if (ref.settlementId !== undefined && (typeof ref.settlementId !== 'string' || ref.settlementId.length > 64)) {
          fail(PaymentErrorType.INVALID_INPUT, 'settlementId is not an id', { field: 'settlementId' });
        }
        if (typeof ref.accountNumber !== 'string') fail(PaymentErrorType.INVALID_INPUT, 'accountNumber is missing', { field: 'accountNumber' });
        // The district's kind (city or region) decides the exact format; here only what holds for both.
        const number = normalizeAccountNumber(ref.accountNumber);
        const asCity = validateAccountNumber({ districtKind: 'CITY', number });
        const asRegion = validateAccountNumber({ districtKind: 'REGION_DISTRICT', number });
        if (!asCity.ok && !asRegion.ok) fail(PaymentErrorType.INVALID_INPUT, `account number refused: ${asCity.code}`, { field: 'accountNumber', code: asCity.code });
      },
    },
  );

  setHandler(
    setPeriodUpdate,
    ({ period }) =>
      step(async () => {
        const account = state.account!;
        const owned = patched(SERVER_OWNED_READINGS);
        const bill = await lookups
          .loadPeriodBill({ accountId: account.accountId, period, ...(owned ? { paymentId: state.paymentId } : {}) })
          .catch(unavailable('The bill'));
        if (!draftOpen() || state.account?.accountId !== account.accountId) {
          return fail(PaymentErrorType.WRONG_STATE, 'the payment changed while the bill was loading', state.status);
        }
        state.period = period;
        state.bill = bill;
        // Start readings are prefilled per period, so readings typed for another period no longer apply.
        state.electricity = null;
        if (owned) state.options = leaveOutPaidLines(bill, DEFAULT_LINE_OPTIONS);
        const result = quoteWith(null, state.options, owned);
        state.quote = result?.ok ? result.quote : null;
        changed('PERIOD_SET', period);
        return { bill, quote: state.quote };
      }),
    {
      validator: (args) => {
        requireOpenDraft();
        if (!state.account) fail(PaymentErrorType.STEP_MISSING, 'set the account first', 'account');
        const problem = typeof args?.period === 'string' ? validatePeriod(args.period, new Date().toISOString()) : 'PERIOD_INVALID';
        if (problem) fail(PaymentErrorType.INVALID_INPUT, `period refused: ${problem}`, { field: 'period', code: problem });
      },
    },
  );

  const validElectricityShape = (electricity: ElectricityInput): boolean => {
    if (electricity?.kind === 'amount') return Number.isSafeInteger(electricity.amountKopecks);
    if (electricity?.kind !== 'readings' || !Array.isArray(electricity.readings) || electricity.readings.length > 3) return false;
    return electricity.readings.every(
      (r) => ['SINGLE', 'DAY', 'NIGHT'].includes(r?.zone) && Number.isSafeInteger(r.start) && Number.isSafeInteger(r.end),
    );
  };

  setHandler(
    setElectricityUpdate,
    async (electricity) =>
      step(async () => {
        const result = quoteWith(electricity, state.options, patched(SERVER_OWNED_READINGS));
        if (!result?.ok) return refuseQuote(result?.error ?? { code: 'NO_TARIFF' });
        state.electricity = electricity;
        state.quote = result.quote;
        changed('ELECTRICITY_SET', electricity.kind === 'amount' ? `amount ${electricity.amountKopecks}` : 'readings');
        return result.quote;
      }),
    {
      validator: (electricity) => {
        requireOpenDraft();
        if (!state.bill) fail(PaymentErrorType.STEP_MISSING, 'choose the period first', 'period');
        if (!validElectricityShape(electricity)) fail(PaymentErrorType.INVALID_INPUT, 'readings or amount are malformed', { field: 'electricity' });
        const result = quoteWith(electricity, state.options);
        if (result && !result.ok) refuseQuote(result.error);
      },
    },
  );

  const mergeOptions = (patch: Partial<LineOptions>): LineOptions => ({
    commonArea: patch.commonArea ?? state.options.commonArea,
    penalty: patch.penalty ?? state.options.penalty,
    debt: patch.debt ?? state.options.debt,
  });

  setHandler(
    setLineOptionsUpdate,
    async (patch) =>
      step(async () => {
        const options = mergeOptions(patch);
        const result = quoteWith(state.electricity, options, patched(SERVER_OWNED_READINGS));
        if (state.electricity && !result?.ok) return refuseQuote(result?.error ?? { code: 'NO_TARIFF' });
        state.options = options;
        state.quote = result?.ok ? result.quote : null;
        changed('LINES_SET', JSON.stringify(options));
        return state.quote;
      }),
    {
      validator: (patch) => {
        requireOpenDraft();
        if (!state.bill) fail(PaymentErrorType.STEP_MISSING, 'choose the period first', 'period');
        const keys = Object.keys(patch ?? {});
        if (keys.some((k) => !['commonArea', 'penalty', 'debt'].includes(k) || typeof (patch as Record<string, unknown>)[k] !== 'boolean')) {
          fail(PaymentErrorType.INVALID_INPUT, 'line options are commonArea, penalty and debt, each true or false', { field: 'lines' });
        }
        // Adding a line may push the total over the ceiling: refuse before anything changes.
        const result = quoteWith(state.electricity, mergeOptions(patch));
        if (state.electricity && result && !result.ok) refuseQuote(result.error);
      },
    },
  );

  setHandler(
    setReceiptEmailUpdate,
    async ({ email }) =>
      step(async () => {
        state.receiptEmail = email === null ? null : email.trim().toLowerCase();
        changed('RECEIPT_EMAIL_SET', state.receiptEmail ? 'email given' : 'no email');
        return { receiptEmail: state.receiptEmail };
      }),
    {
      validator: (args) => {
        requireOpenDraft();
        const email = args?.email;
        if (email !== null && (typeof email !== 'string' || email.trim().length > 254 || !EMAIL_PATTERN.test(email.trim()))) {
          fail(PaymentErrorType.INVALID_INPUT, 'not an email address', { field: 'email' });
        }
      },
    },
  );

  setHandler(
    confirmUpdate,
    () =>
      step(async () => {
        // A double click sends two confirms: the second waits for the first and gets the same order.
        if (confirming) await condition(() => !confirming);
        if (state.acquirer) return { paymentUrl: state.acquirer.paymentUrl, orderId: state.acquirer.orderId };
        if (state.status !== 'DRAFT') return fail(PaymentErrorType.WRONG_STATE, `not allowed while the payment is ${state.status}`, state.status);
        const frozen = patched(DRAFT_FROZEN_WHILE_CONFIRMING);
        const quote = state.quote;
        if (frozen && !quote) return fail(PaymentErrorType.STEP_MISSING, 'nothing to pay yet: enter readings or an amount', 'electricity');
        const revision = state.revision;
        confirming = true;
        try {
          if (patched(SERVER_OWNED_READINGS)) await holdReadings(quote!);
          const order = await acquirer
            .createAcquirerOrder({
              paymentId: state.paymentId,
              attempt: 1,
              amountKopecks: quote!.totalKopecks,
              description: `Электроэнергия, лицевой счёт ${state.account!.number}, период ${quote!.period}`,
              locale: state.locale,
            })
            .catch((error: unknown) => fail(PaymentErrorType.ACQUIRER_UNAVAILABLE, `the acquirer did not answer: ${errorMessage(error)}`));
          if (state.status !== 'DRAFT' || (frozen && (state.revision !== revision || state.quote !== quote))) {
            // Cancelled, expired or edited while the order was being created: the order must not stay payable.
            await acquirer.voidAcquirerOrder({ paymentId: state.paymentId, orderId: order.orderId }).catch(() => undefined);
            return fail(PaymentErrorType.WRONG_STATE, `the payment was ${state.status === 'DRAFT' ? 'changed' : state.status} meanwhile`, state.status);
          }
          state.acquirer = { orderId: order.orderId, paymentUrl: order.paymentUrl, otpPassed: false, cardLast4: null };
          state.expiresAt = new Date(Date.now() + settings.acquirerWaitTimeoutMs).toISOString();
          setStatus('AWAITING_CARD', `order ${order.orderId}, ${quote!.totalKopecks} kopecks`);
          return { paymentUrl: order.paymentUrl, orderId: order.orderId };
        } finally {
          confirming = false;
        }
      }),
    {
      validator: () => {
        if (state.acquirer && WAITING_FOR_ACQUIRER.includes(state.status)) return; // idempotent repeat
        requireStatus('DRAFT');
        if (!state.account) fail(PaymentErrorType.STEP_MISSING, 'set the account first', 'account');
        if (!state.bill) fail(PaymentErrorType.STEP_MISSING, 'choose the period first', 'period');
        const result = quoteWith(state.electricity, state.options);
        if (!result?.ok || !state.quote) refuseQuote(result && !result.ok ? result.error : { code: 'TOTAL_NOT_POSITIVE' });
      },
    },
  );

  // The readings' hold, taken at confirm: released when the payment ends without being posted.
  let readingsHeld = false;
  let readingsRecorded = false;
  const holdReadings = async (quote: Quote) => {
    const zones = quote.lines.find((line) => line.kind === 'ELECTRICITY' && line.included)?.zones;
    if (!zones?.length) return;
    const hold = await lookups
      .holdReadings({
        paymentId: state.paymentId,
        accountId: state.account!.accountId,
        period: quote.period,
        readings: zones.map((z) => ({ zone: z.zone, start: z.start, end: z.end, declared: z.startDeclared === true })),
      })
      .catch(unavailable('The meter readings'));
    if (hold.ok) {
      readingsHeld = true;
      return;
    }
    // Another payment of this meter was confirmed or posted first: it ends where this one must start.
    state.bill = { ...state.bill!, lastReadings: hold.lastReadings };
    state.electricity = null;
    const result = quoteWith(null, state.options);
    state.quote = result?.ok ? result.quote : null;
    changed('READINGS_CHANGED', hold.lastReadings.map((r) => `${r.zone} ${r.value}`).join(', '));
    const moved = hold.lastReadings.find((r) => zones.some((z) => z.zone === r.zone && z.start !== r.value)) ?? hold.lastReadings[0];
    return refuseQuote({ code: 'READINGS_CHANGED', params: moved ? { zone: moved.zone, start: moved.value } : {} });
  };

  // ─── The acquirer's answers ───────────────────────────────────────────────────────────────

  const approve = (order: Pick<AcquirerOrder, 'amountKopecks' | 'cardLast4'>, via: string) => {
    approvedKopecks = order.amountKopecks;
    if (state.acquirer) state.acquirer = { ...state.acquirer, otpPassed: true, cardLast4: order.cardLast4 ?? state.acquirer.cardLast4 };
    state.expiresAt = null;
    setStatus('POSTING', `approved (${via})`);
  };
  /** Applies what the acquirer says about the order; true when the payment left the acquirer phase. */
  const applyOrder = (order: AcquirerOrder, via: string): boolean => {
    if (!WAITING_FOR_ACQUIRER.includes(state.status)) return true;
    switch (order.status) {
      case 'CREATED':
      case 'AWAITING_OTP':
        return false;
      case 'PROCESSING':
        if (state.acquirer && !state.acquirer.otpPassed) {
          state.acquirer = { ...state.acquirer, otpPassed: true };
          if (state.status === 'AWAITING_CARD') setStatus('PROCESSING', `3-D Secure passed (${via})`);
          else changed('OTP_PASSED', via);
        }
        return false;
      case 'APPROVED':
        approve(order, via);
        return true;
      case 'DECLINED':
        state.declineReason = order.declineReason ?? 'declined';
        setStatus('DECLINED', `${state.declineReason} (${via})`);
        return true;
      case 'VOIDED':
        setStatus('CANCELLED', `order voided (${via})`);
        return true;
      case 'REFUNDED':
        state.refund = { reason: 'refunded at the acquirer', at: nowIso() };
        setStatus('REFUNDED', via);
        return true;
      default: {
        const unknown: never = order.status;
        throw new Error(`unknown acquirer status ${String(unknown)}`);
      }
    }
  };

  setHandler(acquirerEventSignal, (event: AcquirerEvent) => {
    if (!event?.eventId || seenEvents.has(event.eventId)) return; // webhooks are at-least-once
    seenEvents.add(event.eventId);
    if (!state.acquirer || event.orderId !== state.acquirer.orderId) {
      changed('ACQUIRER_EVENT_IGNORED', `${event.type} for order ${event.orderId}`);
      return;
    }
    if (patched(EVENTS_CONFIRMED_WITH_ACQUIRER)) {
      if (!WAITING_FOR_ACQUIRER.includes(state.status)) return;
      // No answer: nothing moves; the wait's deadline and the re-check schedule ask again.
      void step(async () => {
        const order = await fetchOrder();
        // Still "webhook": what brought the news; the order applied is the acquirer's own answer.
        if (order) applyOrder(order, 'webhook');
        else changed('ACQUIRER_EVENT_UNCONFIRMED', `${event.type}: the acquirer did not answer (${lastCheckError})`);
      });
      return;
    }
    const asOrder: AcquirerOrder = {
      orderId: event.orderId,
      reference: state.paymentId,
      amountKopecks: event.amountKopecks,
      currency: 'RUB',
      cardLast4: event.cardLast4,
      declineReason: event.declineReason,
      status: event.type === 'OTP_PASSED' ? 'PROCESSING' : event.type,
    };
    applyOrder(asOrder, 'webhook');
  });

  /** Asks the acquirer; null when it did not answer (the reason goes to `unconfirmed.lastError`). */
  let lastCheckError: string | null = null;
  const fetchOrder = async (): Promise<AcquirerOrder | null> => {
    try {
      const order = await acquirer.getAcquirerOrder({ paymentId: state.paymentId, orderId: state.acquirer!.orderId });
      lastCheckError = null;
      return order;
    } catch (error) {
      lastCheckError = errorMessage(error);
      return null;
    }
  };
  /** The resident's time on the acquirer's pages is over, or a re-check found the order unfinished. */
  const voidUnfinished = async (order: AcquirerOrder, via: string) => {
    const result = await acquirer.voidAcquirerOrder({ paymentId: state.paymentId, orderId: order.orderId }).catch(() => null);
    if (!WAITING_FOR_ACQUIRER.includes(state.status)) return;
    if (result?.voided) setStatus('EXPIRED', `the resident did not finish on the acquirer's pages; order voided (${via})`);
    else if (result) applyOrder(result.order, via);
    else enterUnconfirmed('the acquirer did not answer the void');
  };
  let recheckRound = 0;
  const enterUnconfirmed = (why: string) => {
    recheckRound = 0;
    const first = settings.recheckScheduleMs[0];
    state.expiresAt = null;
    state.unconfirmed = { checks: 0, nextCheckAt: first === undefined ? null : new Date(Date.now() + first).toISOString(), lastError: lastCheckError };
    setStatus('UNCONFIRMED', why);
  };
  /** One check of an order whose outcome we do not know; `deadlinePassed`: the resident's time is over. */
  const checkOrder = async (via: string, deadlinePassed: boolean) => {
    const order = await fetchOrder();
    if (!WAITING_FOR_ACQUIRER.includes(state.status)) return;
    if (order && applyOrder(order, via)) return;
    if (order && deadlinePassed && (order.status === 'CREATED' || order.status === 'AWAITING_OTP')) return voidUnfinished(order, via);
    if (state.status === 'UNCONFIRMED') {
      const checks = (state.unconfirmed?.checks ?? 0) + 1;
      state.unconfirmed = { checks, nextCheckAt: state.unconfirmed?.nextCheckAt ?? null, lastError: order ? `still ${order.status}` : lastCheckError };
      changed('RECHECKED', `${via}: ${order ? order.status : `no answer (${lastCheckError})`}`);
    } else if (deadlinePassed) {
      enterUnconfirmed(order ? `no outcome when the wait ended (${order.status})` : `the acquirer did not answer (${lastCheckError})`);
    }
  };

  setHandler(
    cancelUpdate,
    () =>
      step(async () => {
        if (state.status === 'CANCELLED') return state;
        if (state.status === 'DRAFT' && !confirming) {
          setStatus('CANCELLED', 'cancelled by the resident');
          return state;
        }
        if (confirming) await condition(() => !confirming);
        if (state.status === 'DRAFT') {
          setStatus('CANCELLED', 'cancelled by the resident');
          return state;
        }
        if (state.status !== 'AWAITING_CARD' || state.acquirer?.otpPassed) {
          return fail(PaymentErrorType.TOO_LATE_TO_CANCEL, 'the bank is already confirming the payment', state.status);
        }
        const result = await acquirer
          .voidAcquirerOrder({ paymentId: state.paymentId, orderId: state.acquirer!.orderId })
          .catch((error: unknown) => fail(PaymentErrorType.ACQUIRER_UNAVAILABLE, `the acquirer did not answer: ${errorMessage(error)}`));
        if (result.voided) {
          if (WAITING_FOR_ACQUIRER.includes(state.status)) setStatus('CANCELLED', 'cancelled by the resident; order voided');
          return state;
        }
        // Too late: the one-time password went through between the click and the void.
        applyOrder(result.order, 'void refused');
        if ((state.status as PaymentStatus) === 'CANCELLED') return state; // applyOrder moved it
        return fail(PaymentErrorType.TOO_LATE_TO_CANCEL, 'the bank is already confirming the payment', state.status);
      }),
    {
      validator: () => {
        if (state.status === 'CANCELLED') return;
        if (state.status === 'PROCESSING' || (state.status === 'AWAITING_CARD' && state.acquirer?.otpPassed)) {
          fail(PaymentErrorType.TOO_LATE_TO_CANCEL, 'the bank is already confirming the payment', state.status);
        }
        requireStatus('DRAFT', 'AWAITING_CARD');
      },
    },
  );

  // Bounded: each return asks the acquirer once and is kept in history; a reloading page must not grow it without end.
  const MAX_RETURN_CHECKS = 5;
  let returnChecks = 0;
  setHandler(returnFromAcquirerUpdate, () =>
    step(async () => {
      if (!state.acquirer || (state.status !== 'AWAITING_CARD' && state.status !== 'PROCESSING') || returnChecks >= MAX_RETURN_CHECKS) return state;
      returnChecks += 1;
      changed('RETURNED_FROM_ACQUIRER');
      const order = await fetchOrder();
      if (!WAITING_FOR_ACQUIRER.includes(state.status)) return state; // the webhook was faster
      if (!order) enterUnconfirmed(`the acquirer did not answer after the resident came back (${lastCheckError})`);
      // Back without finishing (the browser's back button): the card page stays open until the deadline.
      else applyOrder(order, 'resident returned');
      return state;
    }),
  );

  // ─── Operator actions ─────────────────────────────────────────────────────────────────────

  const requireActor = (args: { actor?: unknown } | undefined) => {
    if (typeof args?.actor !== 'string' || !args.actor.trim()) fail(PaymentErrorType.INVALID_INPUT, 'actor is required', { field: 'actor' });
  };

  setHandler(
    recheckUpdate,
    ({ actor }) =>
      step(async () => {
        const deadlinePassed = state.status === 'UNCONFIRMED' || (state.expiresAt !== null && Date.parse(state.expiresAt) <= Date.now());
        await checkOrder(`re-check by ${actor}`, deadlinePassed);
        return state;
      }),
    {
      validator: (args) => {
        requireActor(args);
        requireStatus(...WAITING_FOR_ACQUIRER);
      },
    },
  );

  setHandler(
    retryPostingUpdate,
    ({ actor }) =>
      step(async () => {
        setStatus('POSTING', `retry of ledger posting by ${actor}`);
        return state;
      }),
    {
      validator: (args) => {
        requireActor(args);
        requireStatus('NEEDS_ATTENTION');
        if (state.attention?.stage !== 'POSTING') fail(PaymentErrorType.WRONG_STATE, 'the payment is posted; retry the delivery instead', state.status);
      },
    },
  );

  setHandler(
    retryDeliveryUpdate,
    ({ actor, email }) =>
      step(async () => {
        if (email !== undefined) state.receiptEmail = email === null ? null : email.trim().toLowerCase();
        setStatus('POSTING', `retry of receipt delivery by ${actor}${email === undefined ? '' : email === null ? ', email skipped' : ', email corrected'}`);
        return state;
      }),
    {
      validator: (args) => {
        requireActor(args);
        requireStatus('NEEDS_ATTENTION');
        if (state.attention?.stage !== 'DELIVERY') fail(PaymentErrorType.WRONG_STATE, 'the payment is not posted yet; retry the posting first', state.status);
        const email = args.email;
        if (email !== undefined && email !== null && (typeof email !== 'string' || !EMAIL_PATTERN.test(email.trim()))) {
          fail(PaymentErrorType.INVALID_INPUT, 'not an email address', { field: 'email' });
        }
      },
    },
  );

  let refunding = false;
  setHandler(
    refundUpdate,
    ({ actor, reason }) =>
      step(async () => {
        if (refunding) await condition(() => !refunding);
        if (state.status === 'REFUNDED') return state;
        refunding = true;
        try {
          const order = await acquirer
            .refundAcquirerOrder({ paymentId: state.paymentId, orderId: state.acquirer!.orderId, amountKopecks: approvedKopecks ?? state.quote!.totalKopecks })
            .catch((error: unknown) => fail(PaymentErrorType.OPERATOR_ACTION_FAILED, `the acquirer refused or did not answer: ${errorMessage(error)}`));
          if (order.status !== 'REFUNDED') return fail(PaymentErrorType.OPERATOR_ACTION_FAILED, `the acquirer says the order is ${order.status}`, order.status);
          await fulfilment
            .postRefundToLedger({ paymentId: state.paymentId, reason })
            .catch((error: unknown) =>
              fail(PaymentErrorType.OPERATOR_ACTION_FAILED, `refunded at the acquirer, but the ledger reversal failed: ${errorMessage(error)}; refund again to retry it`),
            );
          state.refund = { reason, at: nowIso() };
          setStatus('REFUNDED', `refund by ${actor}: ${reason}`);
          return state;
        } finally {
          refunding = false;
        }
      }),
    {
      validator: (args) => {
        requireActor(args);
        if (typeof args.reason !== 'string' || !args.reason.trim() || args.reason.length > 500) {
          fail(PaymentErrorType.INVALID_INPUT, 'a refund needs a reason (up to 500 characters)', { field: 'reason' });
        }
        requireStatus('NEEDS_ATTENTION');
        if (!state.acquirer) fail(PaymentErrorType.WRONG_STATE, 'nothing was charged', state.status);
      },
    },
  );

  setHandler(getStateQuery, () => state);
  const attempts: FulfilmentAttempts = { posting: 0, delivery: 0 };
  setHandler(getFulfilmentAttemptsQuery, () => attempts);

  // ─── The read model: every change from confirmation on reaches Postgres, in order ─────────

  let recordedRevision = 0;
  // From confirmation on, whatever happens: a charged payment must be in the staff's queues.
  const needsRecord = () => state.acquirer !== null && state.account !== null && recordedRevision < state.revision;
  const snapshot = (): PaymentRecord => {
    // No quote only in a payment broken before DRAFT_FROZEN_WHILE_CONFIRMING: recorded at the
    // amount charged, without lines, and parked (QUOTE_MISSING) for an operator.
    const quote = state.quote ?? { period: state.period ?? state.bill?.period ?? '', lines: [], totalKopecks: approvedKopecks ?? 0 };
    return {
      paymentId: state.paymentId,
      workflowId,
      revision: state.revision,
      status: state.status,
      statusReason: state.declineReason ?? state.attention?.error ?? state.unconfirmed?.lastError ?? state.refund?.reason ?? null,
      accountId: state.account!.accountId,
      period: quote.period,
      totalKopecks: quote.totalKopecks,
      lines: quote.lines
        .filter((line) => line.included)
        .map((line) => ({ kind: line.kind, amountKopecks: line.amountKopecks, kwh: line.kwh ?? null, details: line.zones ? { zones: line.zones } : null })),
      termsVersion: state.terms.version,
      termsAcceptedAt: state.terms.acceptedAt,
      receiptEmail: state.receiptEmail,
      locale: state.locale,
      acquirerOrderId: state.acquirer?.orderId ?? null,
      cardLast4: state.acquirer?.cardLast4 ?? null,
      completedAt: TERMINAL_STATUSES.includes(state.status) ? state.updatedAt : null,
    };
  };
  const recordLoop = async () => {
    for (;;) {
      await condition(needsRecord);
      const record = snapshot();
      await readModel.recordPayment(record);
      recordedRevision = record.revision;
    }
  };
  void recordLoop();
  const flushRecord = () => condition(() => !needsRecord());

  // ─── Main flow ────────────────────────────────────────────────────────────────────────────

  // Draft: every step pushes the idle deadline (see `step`); nothing for that long → EXPIRED.
  while (state.status === 'DRAFT') {
    const remaining = Date.parse(state.expiresAt!) - Date.now();
    const deadline = state.expiresAt;
    if (remaining > 0) await condition(() => state.status !== 'DRAFT' || state.expiresAt !== deadline, remaining);
    if (state.status !== 'DRAFT' || state.expiresAt !== deadline) continue;
    if (handlersRunning > 0) {
      await condition(() => handlersRunning === 0);
      continue;
    }
    setStatus('EXPIRED', 'the draft was idle too long');
  }

  // The acquirer: its webhooks (signal) and the operator's re-checks move the status; the
  // deadline and the re-check schedule are this loop's.
  while (WAITING_FOR_ACQUIRER.includes(state.status)) {
    const status: PaymentStatus = state.status;
    const revision = state.revision;
    const wakeAt = status === 'UNCONFIRMED' ? state.unconfirmed?.nextCheckAt : state.expiresAt;
    const wait = wakeAt ? Date.parse(wakeAt) - Date.now() : undefined;
    const woken = wait === undefined ? (await condition(() => state.revision !== revision), true) : wait > 0 && (await condition(() => state.revision !== revision, wait));
    if (woken || state.status !== status) continue;
    if (handlersRunning > 0) {
      // A cancel or re-check is talking to the acquirer: let it finish, then look again.
      await condition(() => handlersRunning === 0);
      continue;
    }
    if (status === 'UNCONFIRMED') {
      recheckRound += 1;
      const next = settings.recheckScheduleMs[recheckRound];
      if (state.unconfirmed) state.unconfirmed = { ...state.unconfirmed, nextCheckAt: next === undefined ? null : new Date(Date.now() + next).toISOString() };
      await checkOrder(`scheduled re-check ${recheckRound}`, true);
    } else {
      await checkOrder('the wait for the acquirer ended', true);
    }
  }

  // Fulfilment: issue the receipt, post, deliver the receipt (before RECEIPT_BEFORE_POSTING: post,
  // issue, deliver). A step that keeps failing parks the payment in NEEDS_ATTENTION until an
  // operator retries it (or refunds). Issue and posting are one stage (POSTING): retryPosting
  // resumes whichever of the two is missing, and the receipt once issued is kept.
  const needAttention = async (stage: AttentionStage, error: unknown) => {
    state.attention = { stage, error: errorMessage(error), since: nowIso() };
    setStatus('NEEDS_ATTENTION', `${stage}: ${errorMessage(error)}`);
    await condition(() => state.status !== 'NEEDS_ATTENTION');
  };
  if (state.status === 'POSTING') {
    await flushRecord(); // the receipt and the posting reference the payments row
    const receiptFirst = patched(RECEIPT_BEFORE_POSTING);
    let posted = false;
    while (!posted && state.status === 'POSTING') {
      try {
        // Confirm refuses to run without a quote and freezes it; still, a charged payment without
        // one must wait for an operator in plain sight, never fail on a null.
        if (!state.quote || !state.account) {
          throw ApplicationFailure.nonRetryable(`charged ${approvedKopecks} kopecks, but the payment has no quote: refund`, 'QUOTE_MISSING');
        }
        // No receipt either: an amount the resident did not agree to is refunded, not certified.
        if (approvedKopecks !== state.quote.totalKopecks) {
          throw ApplicationFailure.nonRetryable(`the acquirer approved ${approvedKopecks} kopecks, the quote was ${state.quote.totalKopecks}: refund`, 'AMOUNT_MISMATCH');
        }
        const quote = state.quote;
        attempts.posting += 1;
        if (receiptFirst && !state.receipt) {
          state.receipt = await fulfilment.issueReceipt({ paymentId: state.paymentId });
          changed('RECEIPT_ISSUED', state.receipt.number);
        }
        await fulfilment.postToLedger({
          paymentId: state.paymentId,
          accountId: state.account.accountId,
          period: quote.period,
          acquirerOrderId: state.acquirer!.orderId,
          totalKopecks: quote.totalKopecks,
          lines: quote.lines.filter((l) => l.included).map((l) => ({ kind: l.kind, amountKopecks: l.amountKopecks })),
          readings:
            state.electricity?.kind === 'readings'
              ? state.electricity.readings.map((r) => ({
                  zone: r.zone,
                  value: r.end,
                  ...(quote.lines.find((l) => l.kind === 'ELECTRICITY')?.zones?.find((z) => z.zone === r.zone)?.startDeclared ? { declared: true } : {}),
                }))
              : [],
          ...(readingsHeld ? { held: true } : {}),
        });
        posted = true;
        readingsRecorded = true;
        changed('POSTED');
      } catch (error) {
        await needAttention('POSTING', error);
      }
    }
    while (posted && state.status === 'POSTING') {
      try {
        attempts.delivery += 1;
        state.receipt ??= await fulfilment.issueReceipt({ paymentId: state.paymentId });
        state.delivery = state.receiptEmail
          ? await fulfilment.deliverReceipt({ paymentId: state.paymentId, email: state.receiptEmail, locale: state.locale })
          : { channel: 'none' };
        setStatus('COMPLETED', `receipt ${state.receipt.number}${state.delivery.channel === 'none' ? '' : `, sent via ${state.delivery.channel}`}`);
      } catch (error) {
        await needAttention('DELIVERY', error);
      }
    }
  }

  await condition(() => handlersRunning === 0);
  if (readingsHeld && !readingsRecorded) await readModel.releaseReadings({ paymentId: state.paymentId });
  await flushRecord();
  return state;
};
