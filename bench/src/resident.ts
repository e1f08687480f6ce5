// One simulated resident paying one bill through the public API (/api/v1), step by step as the
// site's pages call it, then on the sandbox acquirer's card (and 3-D Secure) form posted as a
// browser posts it, back to the site, and reading the status until COMPLETED. Every request has
// a timeout; every wait is bounded.
import { CURRENT_TERMS_VERSION, type PaymentState, type SetAccountResult, type SetPeriodResult } from '@voltpay/workflows/payment';
import type { Recorder, Step } from './recorder';

export const SANDBOX_CARDS = { frictionless: '4111111111111111', otp: '4000000000003220' } as const;
export type CardKind = keyof typeof SANDBOX_CARDS;

const REQUEST_TIMEOUT_MS = 30_000;
const COMPLETION_TIMEOUT_MS = 120_000;
/**
 * The site's result page polls every 1–4 s (web/src/lib/pay/steps.ts); the bench reads more often
 * so that "card → COMPLETED" measures the server, not the page's timer.
 */
const POLL_INTERVAL_MS = 200;

/** A failure with the kind the report counts it under (`account:503`, `cardPost:timeout`, …). */
export class StepError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

export type BenchAccount = { number: string; districtCode: string };

export type ResidentOptions = {
  webUrl: string;
  account: BenchAccount;
  /** The resident's own client address (X-Forwarded-For): the account look-up limit is per address. */
  clientAddress: string;
  email: string;
  period: string;
  card: CardKind;
  kwh: number;
  recorder: Recorder;
};

const timed = async <T>(recorder: Recorder, step: Step, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    const result = await run();
    recorder.sample(step, performance.now() - started);
    return result;
  } catch (error) {
    if (error instanceof StepError) throw error;
    const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new StepError(`${step}:${timeout ? 'timeout' : 'network'}`, `${step}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const apiCall = async <T>(
  step: Step,
  url: string,
  { method = 'POST', body, clientAddress }: { method?: 'GET' | 'POST'; body?: unknown; clientAddress: string },
): Promise<T> => {
  const response = await fetch(url, {
    method,
    headers: { 'x-forwarded-for': clientAddress, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) {
    let code = '';
    try {
      code = (JSON.parse(text) as { code?: string }).code ?? '';
    } catch {
      // not JSON: the status says enough
    }
    throw new StepError(`${step}:${response.status}${code ? ` ${code}` : ''}`, `${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
  }
  return JSON.parse(text) as T;
};

const formPost = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
});

const pageGet = async (step: Step, url: URL) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const html = await response.text();
  if (!response.ok) throw new StepError(`${step}:${response.status}`, `GET ${String(url)}: ${response.status}`);
  return html;
};

/** A form post the acquirer answers with 303 to the next page; returns where it sends the browser. */
const formRedirect = async (step: Step, url: URL, fields: Record<string, string>) => {
  const response = await fetch(url, formPost(fields));
  await response.text();
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new StepError(`${step}:${response.status}`, `POST ${String(url)}: ${response.status}, no redirect`);
  return new URL(location, url);
};

/**
 * The stack's links say `localhost` (what browsers are told); the benchmark connects to 127.0.0.1
 * itself, so no request goes to another address (or family) by name resolution.
 */
export const toLoopbackIp = (url: string | URL) => {
  const parsed = new URL(url);
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  return parsed;
};

const timelineAt = (state: PaymentState, event: string) => {
  const entry = state.timeline.find((e) => e.event === event);
  return entry ? Date.parse(entry.at) : null;
};

const expiryYear = () => String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

/** One payment from "I agree" to COMPLETED; returns its id. Throws a StepError on the first failure. */
export const payOneBill = async ({ webUrl, account, clientAddress, email, period, card, kwh, recorder }: ResidentOptions): Promise<string> => {
  const api = (path: string) => `${webUrl}/api/v1/payments${path}`;
  const began = performance.now();
  const { paymentId } = await timed(recorder, 'start', () =>
    apiCall<{ paymentId: string }>('start', api(''), { body: { acceptTerms: true, termsVersion: CURRENT_TERMS_VERSION, locale: 'ru' }, clientAddress }),
  );
  const step = <T>(name: Step, path: string, body: unknown) =>
    timed(recorder, name, () => apiCall<T>(name, api(`/${paymentId}${path}`), { body, clientAddress }));

  await step<SetAccountResult>('account', '/account', { districtCode: account.districtCode, accountNumber: account.number });
  const { bill } = await step<SetPeriodResult>('period', '/period', { period });
  const start = bill.lastReadings.find((r) => r.zone === 'SINGLE')?.value;
  if (start === undefined) throw new StepError('period:no-reading', `account ${account.number} has no single-rate reading`);
  // A five-digit meter rolls over past 99999; the quote knows that.
  await step('electricity', '/electricity', { kind: 'readings', readings: [{ zone: 'SINGLE', start, end: (start + kwh) % 100_000 }] });
  await step('lines', '/lines', { penalty: false });
  await step('receiptEmail', '/receipt-email', { email });
  const confirmed = await step<{ paymentUrl: string }>('confirm', '/confirm', {});
  const paymentUrl = toLoopbackIp(confirmed.paymentUrl);
  if (paymentUrl.hostname !== '127.0.0.1')
    throw new StepError('confirm:acquirer-not-local', `the acquirer's page ${confirmed.paymentUrl} is not on this machine`);

  // The acquirer's pages, as a browser: load the card form, post it, follow its redirect.
  await timed(recorder, 'cardPage', () => pageGet('cardPage', paymentUrl));
  const afterCard = await timed(recorder, 'cardPost', () =>
    formRedirect('cardPost', paymentUrl, {
      holder: 'IVAN PETROV',
      number: SANDBOX_CARDS[card],
      expMonth: '12',
      expYear: expiryYear(),
      cvc: '123',
      action: 'pay',
    }),
  );
  let backOnSite = afterCard;
  if (card === 'otp') {
    const html = await timed(recorder, 'otpPage', () => pageGet('otpPage', afterCard));
    const code = /data-testid="sandbox-otp">(\d{6})</.exec(html)?.[1];
    if (!code) throw new StepError('otpPage:no-code', `no one-time code on ${afterCard.toString()}`);
    backOnSite = await timed(recorder, 'otpPost', () => formRedirect('otpPost', afterCard, { code, action: 'confirm' }));
  }
  const cardDone = performance.now();
  if (toLoopbackIp(backOnSite).origin !== toLoopbackIp(webUrl).origin)
    throw new StepError('cardPost:wrong-return', `the acquirer sent the browser to ${backOnSite.toString()}`);

  // The result page: tells the workflow the resident is back, then reads the status until final.
  await step('return', '/return', {});
  const deadline = Date.now() + COMPLETION_TIMEOUT_MS;
  let state: PaymentState | undefined;
  while (Date.now() < deadline) {
    ({ state } = await timed(recorder, 'statusPoll', () =>
      apiCall<{ state: PaymentState }>('statusPoll', api(`/${paymentId}`), { method: 'GET', clientAddress }),
    ));
    if (state.status === 'COMPLETED') break;
    if (['CANCELLED', 'EXPIRED', 'DECLINED', 'REFUNDED', 'NEEDS_ATTENTION'].includes(state.status)) {
      throw new StepError(`payment:${state.status}`, `payment ${paymentId} ended ${state.status}: ${JSON.stringify(state.timeline.slice(-3))}`);
    }
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  if (state?.status !== 'COMPLETED')
    throw new StepError('payment:not-completed', `payment ${paymentId} is ${state?.status} after ${COMPLETION_TIMEOUT_MS / 1000} s`);
  const now = performance.now();
  recorder.sample('cardToCompleted', now - cardDone);
  recorder.sample('payment', now - began);

  const approved = timelineAt(state, 'POSTING');
  const posted = timelineAt(state, 'POSTED');
  const completed = timelineAt(state, 'COMPLETED');
  if (approved !== null && posted !== null) recorder.sample('approvalToPosted', posted - approved);
  if (approved !== null && completed !== null) recorder.sample('approvalToCompleted', completed - approved);
  return paymentId;
};
