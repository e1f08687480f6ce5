// The payment workflow's public surface: its id, start input, state, the updates, signals and
// queries that web, admin and tests import (STYLE rule 7), and the activity contract the worker
// implements (activities `satisfies PaymentActivities`).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AccountRef,
  AccountView,
  ElectricityInput,
  Kopecks,
  LineOptions,
  Locale,
  MeterZone,
  PaymentLineKind,
  Period,
  PeriodBill,
  PeriodOption,
  Quote,
  AcquirerEvent,
  AcquirerOrder,
  AccountNumberErrorCode,
  PaymentStatus,
} from '@voltpay/domain';

export const PAYMENT_WORKFLOW_TYPE = 'paymentWorkflow';
export const PAYMENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const paymentWorkflowId = (paymentId: string) => `payment-${paymentId}`;
export const paymentIdFromWorkflowId = (workflowId: string): string | null => {
  const id = workflowId.startsWith('payment-') ? workflowId.slice('payment-'.length) : '';
  return PAYMENT_ID_PATTERN.test(id) ? id : null;
};

/** The version of the terms of service the site shows; recorded with each payment. */
export const CURRENT_TERMS_VERSION = '2026-11-01';

export type PaymentSettings = {
  /** A draft nobody touches for this long expires (default 30 min). */
  draftIdleTimeoutMs: number;
  /** How long the resident has on the acquirer's pages, card and 3-D Secure (default 15 min). */
  acquirerWaitTimeoutMs: number;
  /** When an unconfirmed payment is re-checked with the acquirer, counted from the previous check. */
  recheckScheduleMs: number[];
  /** The largest total a single payment may have. */
  ceilingKopecks: Kopecks;
  /** Attempts of ledger posting and receipt delivery before the payment needs an operator. */
  fulfilmentAttempts: number;
};

export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  draftIdleTimeoutMs: 30 * 60_000,
  acquirerWaitTimeoutMs: 15 * 60_000,
  recheckScheduleMs: [60_000, 5 * 60_000, 60 * 60_000, 24 * 60 * 60_000],
  ceilingKopecks: 15_000_000, // 150 000,00 ₽
  fulfilmentAttempts: 5,
};

export type PaymentStartInput = {
  paymentId: string;
  /** Which terms the resident accepted, and when (the server's clock at the "I agree" click). */
  terms: { version: string; acceptedAt: string };
  locale: Locale;
  settings?: Partial<PaymentSettings>;
};

export type AttentionStage = 'POSTING' | 'DELIVERY';

export type ReceiptSummary = {
  number: string;
  verificationCode: string;
  /** The public page that proves the receipt genuine (what the QR code on the PDF opens). */
  verificationUrl: string;
  issuedAt: string;
  totalKopecks: Kopecks;
};

export type DeliverySummary =
  /** No email was asked for: the receipt is downloadable only. */
  | { channel: 'none' }
  /** Sent through Resend, or kept in the local outbox when no provider is configured. */
  | { channel: 'resend' | 'outbox'; to: string; messageId: string };

export type TimelineEntry = { at: string; event: string; detail?: string };

/** What the `getState` query returns: everything a screen or the console shows of a payment. */
export type PaymentState = {
  paymentId: string;
  status: PaymentStatus;
  /** Increases with every change; the read model in Postgres keeps the highest. */
  revision: number;
  locale: Locale;
  terms: { version: string; acceptedAt: string };
  startedAt: string;
  updatedAt: string;
  settings: PaymentSettings;
  account: AccountView | null;
  periods: PeriodOption[];
  period: Period | null;
  bill: PeriodBill | null;
  electricity: ElectricityInput | null;
  options: LineOptions;
  quote: Quote | null;
  receiptEmail: string | null;
  acquirer: {
    orderId: string;
    paymentUrl: string;
    /** Once true, the resident can no longer cancel. */
    otpPassed: boolean;
    cardLast4: string | null;
  } | null;
  /** When the current wait ends: the idle draft, or the acquirer's pages. */
  expiresAt: string | null;
  /** DECLINED: the acquirer's reason code. */
  declineReason: string | null;
  unconfirmed: { checks: number; nextCheckAt: string | null; lastError: string | null } | null;
  attention: { stage: AttentionStage; error: string; since: string } | null;
  receipt: ReceiptSummary | null;
  delivery: DeliverySummary | null;
  refund: { reason: string; at: string } | null;
  timeline: TimelineEntry[];
};

// ─── Failures the updates raise (ApplicationFailure types the API maps to messages) ──────────

export const PaymentErrorType = {
  /** The update is not allowed in the payment's current status (`details[0]` = the status). */
  WRONG_STATE: 'WRONG_STATE',
  /** A required earlier step is missing (account before period, quote before confirm, …). */
  STEP_MISSING: 'STEP_MISSING',
  INVALID_INPUT: 'INVALID_INPUT',
  ACCOUNT_NOT_FOUND: 'ACCOUNT_NOT_FOUND',
  /** The quote was refused; `details[0]` is the QuoteError. */
  QUOTE_REFUSED: 'QUOTE_REFUSED',
  /** The acquirer could not be reached to create the order; the draft stays, try again. */
  ACQUIRER_UNAVAILABLE: 'ACQUIRER_UNAVAILABLE',
  /** Cancel after the one-time password: the acquirer is already authorising. */
  TOO_LATE_TO_CANCEL: 'TOO_LATE_TO_CANCEL',
  /** Our own database or another service did not answer; nothing changed, try again. */
  TEMPORARILY_UNAVAILABLE: 'TEMPORARILY_UNAVAILABLE',
  /** An operator action failed at the acquirer (e.g. a refund was refused); `details[0]` says why. */
  OPERATOR_ACTION_FAILED: 'OPERATOR_ACTION_FAILED',
} as const;
export type PaymentErrorType = (typeof PaymentErrorType)[keyof typeof PaymentErrorType];

// ─── Updates (resident steps, then operator actions), signals, queries ───────────────────────

export type SetAccountResult = { account: AccountView; periods: PeriodOption[] };
export type SetPeriodResult = { bill: PeriodBill; quote: Quote | null };

export const setAccountUpdate = defineUpdate<SetAccountResult, [AccountRef]>('setAccount');
export const setPeriodUpdate = defineUpdate<SetPeriodResult, [{ period: Period }]>('setPeriod');
export const setElectricityUpdate = defineUpdate<Quote, [ElectricityInput]>('setElectricity');
export const setLineOptionsUpdate = defineUpdate<Quote | null, [Partial<LineOptions>]>('setLineOptions');
export const setReceiptEmailUpdate = defineUpdate<{ receiptEmail: string | null }, [{ email: string | null }]>('setReceiptEmail');
/** Review done, "Next": creates the acquirer order and returns where to send the resident. */
export const confirmUpdate = defineUpdate<{ paymentUrl: string; orderId: string }, []>('confirm');
export const cancelUpdate = defineUpdate<PaymentState, []>('cancel');
/**
 * The acquirer sent the resident back to the site: its card step is over, so an outcome the
 * webhook has not brought yet is asked for now (and an acquirer that does not answer makes the
 * payment UNCONFIRMED rather than leaving the resident waiting for the deadline). Any status.
 */
export const returnFromAcquirerUpdate = defineUpdate<PaymentState, []>('returnFromAcquirer');

/** Operator: ask the acquirer now instead of waiting for the next scheduled re-check. */
export const recheckUpdate = defineUpdate<PaymentState, [{ actor: string }]>('recheck');
export const retryPostingUpdate = defineUpdate<PaymentState, [{ actor: string }]>('retryPosting');
/** Operator: deliver again; `email` corrects the address, or `null` skips email (the receipt stays downloadable). */
export const retryDeliveryUpdate = defineUpdate<PaymentState, [{ actor: string; email?: string | null }]>('retryDelivery');
export const refundUpdate = defineUpdate<PaymentState, [{ actor: string; reason: string }]>('refund');

export const acquirerEventSignal = defineSignal<[AcquirerEvent]>('acquirerEvent');
export const getStateQuery = defineQuery<PaymentState>('getState');

/**
 * How many times each fulfilment step has run: the automatic run plus one per operator retry.
 * Each run is itself retried up to `settings.fulfilmentAttempts` times before the payment parks.
 * `posting` counts runs of "issue the receipt, then post"; `delivery` runs of the email.
 */
export type FulfilmentAttempts = { posting: number; delivery: number };
/**
 * The operator console's view of the attempts behind a NEEDS_ATTENTION payment. A query of its
 * own rather than a field of PaymentState, whose shape the public API mirrors. Counted as the
 * worker replays the history, so payments started before the query existed answer it too.
 */
export const getFulfilmentAttemptsQuery = defineQuery<FulfilmentAttempts>('getFulfilmentAttempts');

// ─── Activities (implemented in @voltpay/activities) ────────────────────────────────────────

export type AccountLookup =
  | { found: true; account: AccountView; periods: PeriodOption[] }
  | { found: false; reason: 'DISTRICT_NOT_FOUND' | 'SETTLEMENT_NOT_FOUND' | 'HOUSING_OFFICE_NOT_FOUND' | 'ACCOUNT_NOT_FOUND' }
  /** The number's shape is wrong for the district's kind (city: index + account; region: 6 digits). */
  | { found: false; reason: 'NUMBER_FORMAT'; code: AccountNumberErrorCode };

/** The read model row (`payments` + `payment_lines`), written from confirmation on. */
export type PaymentRecord = {
  paymentId: string;
  workflowId: string;
  revision: number;
  status: PaymentStatus;
  statusReason: string | null;
  accountId: string;
  period: Period;
  totalKopecks: Kopecks;
  /** Included lines only; written once, on the first record. */
  lines: { kind: PaymentLineKind; amountKopecks: Kopecks; kwh: number | null; details: unknown }[];
  termsVersion: string;
  termsAcceptedAt: string;
  receiptEmail: string | null;
  locale: Locale;
  acquirerOrderId: string | null;
  cardLast4: string | null;
  completedAt: string | null;
};

export type LedgerPostingInput = {
  paymentId: string;
  accountId: string;
  period: Period;
  acquirerOrderId: string;
  totalKopecks: Kopecks;
  lines: { kind: PaymentLineKind; amountKopecks: Kopecks }[];
  /**
   * The end readings the resident entered, stored with the posting (none for a typed amount);
   * `declared`: it started from the resident's own start (stored unverified).
   */
  readings: { zone: MeterZone; value: number; declared?: boolean }[];
  /** The readings were held at confirm (holdReadings): the hold must still be there, and becomes the record. */
  held?: boolean;
};

/**
 * What issueReceipt needs to certify a payment. Since FULFILMENT_FACTS_IN_INPUT the workflow says
 * it; payments that reached fulfilment before (and retries of issues they scheduled) send the id
 * alone, and the activity reads the rest from the `payments` row as it always did.
 */
export type IssueReceiptInput = { paymentId: string; accountNumber: string; totalKopecks: Kopecks } | { paymentId: string };

/** holdReadings: held, or the meter moved on (another payment holds or recorded readings) and where it stands now. */
export type ReadingsHoldResult = { ok: true } | { ok: false; lastReadings: PeriodBill['lastReadings'] };

export type PaymentActivities = {
  findAccount: (input: AccountRef) => Promise<AccountLookup>;
  /** `paymentId`: the payment asking (its own hold and lines are not the bill's "already"). */
  loadPeriodBill: (input: { accountId: string; period: Period; paymentId?: string }) => Promise<PeriodBill>;
  recordPayment: (input: PaymentRecord) => Promise<void>;
  /** At confirm: holds the readings' range, each zone starting at the last recorded reading. Idempotent on (payment, zone). */
  holdReadings: (input: {
    paymentId: string;
    accountId: string;
    period: Period;
    readings: { zone: MeterZone; start: number; end: number; declared: boolean }[];
  }) => Promise<ReadingsHoldResult>;
  /** The payment ended unpaid: its held range is free again. */
  releaseReadings: (input: { paymentId: string }) => Promise<{ released: number }>;

  /** Idempotent on (paymentId, attempt): a retried call returns the same order. */
  createAcquirerOrder: (input: {
    paymentId: string;
    attempt: number;
    amountKopecks: Kopecks;
    description: string;
    locale: Locale;
  }) => Promise<{ orderId: string; paymentUrl: string }>;
  getAcquirerOrder: (input: { paymentId: string; orderId: string }) => Promise<AcquirerOrder>;
  /** Voids an order not yet past 3-D Secure; `voided: false` with the order when it is too late. */
  voidAcquirerOrder: (input: { paymentId: string; orderId: string }) => Promise<{ voided: boolean; order: AcquirerOrder }>;
  refundAcquirerOrder: (input: { paymentId: string; orderId: string; amountKopecks: Kopecks }) => Promise<AcquirerOrder>;

  /** One PAYMENT posting per payment: a retry or duplicate returns the existing one. */
  postToLedger: (input: LedgerPostingInput) => Promise<{ postingId: string; created: boolean }>;
  /** The reversal of the PAYMENT posting, once; nothing when the payment was never posted. */
  postRefundToLedger: (input: { paymentId: string; reason: string }) => Promise<{ postingId: string | null; created: boolean }>;
  /** One receipt per payment; a retry returns the same number and code. */
  issueReceipt: (input: IssueReceiptInput) => Promise<ReceiptSummary>;
  /** Emails the receipt (Resend with idempotency key = receipt number, or the local outbox). */
  deliverReceipt: (input: { paymentId: string; email: string; locale: Locale }) => Promise<DeliverySummary>;
};
