// The payment-details form's model: its values, their defaults from the workflow state, and the
// live quote the page shows as the resident types — the same pure pricing the workflow runs (@voltpay/domain/quote),
// so the browser and the server compute the same kWh, kopecks and refusals.
import type { ElectricityInput, LineOptions, Locale, MeterZone, QuoteError, QuoteLine, QuoteResult } from '@voltpay/domain';
import type { ResidentPaymentState } from '../api/schemas';
import { hasTooManyDecimals, parseRoublesToKopecks } from '@voltpay/domain/money';
import { computeQuote, zonesOfPlan } from '@voltpay/domain/quote';
import { z } from 'zod';
import { errorMessage, FIELD_MESSAGES } from '../api/messages';
import { fieldOfApiError } from './error-fields';

export type ZoneValues = { start: string; end: string };

export type DetailsValues = {
  mode: 'readings' | 'amount';
  readings: Partial<Record<MeterZone, ZoneValues>>;
  amount: string;
  commonArea: boolean;
  penalty: boolean;
  debt: boolean;
  sendEmail: boolean;
  email: string;
};

/** What of the state the form needs (a draft with its account; the bill once a period is chosen). */
export type DetailsContext = Pick<ResidentPaymentState, 'account' | 'bill' | 'settings' | 'electricity' | 'options' | 'receiptEmail'>;

/** Problems the browser finds before any pricing: empty or non-numeric input. */
export type InputProblemCode = 'READING_REQUIRED' | 'READING_DIGITS' | 'AMOUNT_REQUIRED' | 'AMOUNT_NOT_NUMBER' | 'AMOUNT_TOO_PRECISE';
export type InputProblem = { path: string; code: InputProblemCode };

export const zonesOfContext = (context: Pick<DetailsContext, 'account'>): readonly MeterZone[] =>
  context.account ? zonesOfPlan(context.account.tariffPlan) : [];

/** Kopecks as the resident would type them back: `1234,56` (ru) / `1234.56` (en). */
export const amountText = (kopecks: number, locale: Locale): string =>
  `${Math.floor(kopecks / 100)}${locale === 'ru' ? ',' : '.'}${String(kopecks % 100).padStart(2, '0')}`;

/** The form as the state says: readings typed before, else start = the last paid reading. */
export const defaultDetailsValues = (context: DetailsContext, locale: Locale): DetailsValues => {
  const entered = context.electricity?.kind === 'readings' ? context.electricity.readings : [];
  const readings: DetailsValues['readings'] = {};
  for (const zone of zonesOfContext(context)) {
    const typed = entered.find((r) => r.zone === zone);
    const last = context.bill?.lastReadings.find((r) => r.zone === zone);
    readings[zone] = { start: typed ? String(typed.start) : last ? String(last.value) : '', end: typed ? String(typed.end) : '' };
  }
  const noTariff = context.bill !== null && context.bill.tariff === null;
  return {
    mode: context.electricity?.kind === 'amount' || noTariff ? 'amount' : 'readings',
    readings,
    amount: context.electricity?.kind === 'amount' ? amountText(context.electricity.amountKopecks, locale) : '',
    commonArea: context.options.commonArea,
    penalty: context.options.penalty,
    debt: context.options.debt,
    sendEmail: context.receiptEmail !== null,
    email: context.receiptEmail ?? '',
  };
};

/** A typed reading: digits only (a meter shows no signs or decimals); null when it is not one. */
export const parseReading = (text: string): number | null => {
  const trimmed = text.trim();
  return /^[0-9]{1,8}$/.test(trimmed) ? Number(trimmed) : null;
};

/** The electricity input the values describe, or the problems that keep them from describing one. */
export const electricityOfValues = (
  values: Pick<DetailsValues, 'mode' | 'readings' | 'amount'>,
  zones: readonly MeterZone[],
): { electricity: ElectricityInput | null; problems: InputProblem[] } => {
  const problems: InputProblem[] = [];
  if (values.mode === 'amount') {
    if (values.amount.trim() === '') return { electricity: null, problems: [{ path: 'amount', code: 'AMOUNT_REQUIRED' }] };
    const amountKopecks = parseRoublesToKopecks(values.amount);
    if (amountKopecks === null) {
      return { electricity: null, problems: [{ path: 'amount', code: hasTooManyDecimals(values.amount) ? 'AMOUNT_TOO_PRECISE' : 'AMOUNT_NOT_NUMBER' }] };
    }
    return { electricity: { kind: 'amount', amountKopecks }, problems };
  }
  const readings = zones.map((zone) => {
    const typed = values.readings[zone] ?? { start: '', end: '' };
    const parsed = { zone, start: parseReading(typed.start), end: parseReading(typed.end) };
    for (const field of ['start', 'end'] as const) {
      if (parsed[field] !== null) continue;
      problems.push({ path: `readings.${zone}.${field}`, code: typed[field].trim() === '' ? 'READING_REQUIRED' : 'READING_DIGITS' });
    }
    return parsed;
  });
  if (problems.length > 0) return { electricity: null, problems };
  return { electricity: { kind: 'readings', readings: readings.map((r) => ({ zone: r.zone, start: r.start!, end: r.end! })) }, problems };
};

export type LiveQuote = {
  electricity: ElectricityInput | null;
  problems: InputProblem[];
  /** The quote of what is typed (null electricity: the other lines only); null before a period is chosen. */
  result: QuoteResult | null;
  /**
   * The lines priced even when only the ceiling refuses their total (a debt larger than one payment
   * may be): the electricity line still shows what the typed amount or readings come to.
   */
  lines: QuoteLine[] | null;
};

/** Whether the debt alone is more than one payment may be: it can only be paid in parts. */
export const debtOverCeiling = (context: Pick<DetailsContext, 'bill' | 'settings'>): boolean =>
  context.bill !== null && context.bill.debtKopecks > context.settings.ceilingKopecks;

export const optionsOfValues = (values: Pick<DetailsValues, 'commonArea' | 'penalty' | 'debt'>): LineOptions => ({
  commonArea: values.commonArea,
  penalty: values.penalty,
  debt: values.debt,
});

export const computeLiveQuote = (context: DetailsContext, values: DetailsValues): LiveQuote => {
  const { electricity, problems } = electricityOfValues(values, zonesOfContext(context));
  if (!context.account || !context.bill) return { electricity, problems, result: null, lines: null };
  const quoteWith = (ceilingKopecks: number) =>
    computeQuote({
      bill: context.bill!,
      tariffPlan: context.account!.tariffPlan,
      meterCapacity: context.account!.meterCapacity,
      electricity,
      options: optionsOfValues(values),
      ceilingKopecks,
    });
  const result = quoteWith(context.settings.ceilingKopecks);
  if (result.ok) return { electricity, problems, result, lines: result.quote.lines };
  // Over the ceiling only: price the same lines without it (still safe integers) for display.
  const unbounded = result.error.code === 'TOTAL_OVER_CEILING' ? quoteWith(Number.MAX_SAFE_INTEGER) : null;
  return { electricity, problems, result, lines: unbounded?.ok ? unbounded.quote.lines : null };
};

/** Where the form shows a refusal of the quote (`readings.DAY.end`, `amount`, `total`, …). */
export const fieldOfQuoteError = (error: QuoteError): string =>
  fieldOfApiError({ error: { code: error.code, message: '', ...(error.params ? { params: error.params } : {}) } }) ?? 'total';

/**
 * The form's zod schema (react-hook-form's resolver): input problems and the quote's refusals as
 * issues on the fields they concern, worded like the API's own messages. A refusal of the whole
 * total is left to the total's own display (`total` is not an input).
 */
export const buildDetailsSchema = ({
  context,
  locale,
  describe,
}: {
  context: DetailsContext;
  locale: Locale;
  describe: (code: InputProblemCode | 'EMAIL_REQUIRED') => string;
}) => {
  const zone = z.object({ start: z.string(), end: z.string() }).optional();
  return z
    .object({
      mode: z.enum(['readings', 'amount']),
      readings: z.object({ SINGLE: zone, DAY: zone, NIGHT: zone }),
      amount: z.string(),
      commonArea: z.boolean(),
      penalty: z.boolean(),
      debt: z.boolean(),
      sendEmail: z.boolean(),
      email: z.string(),
    })
    .superRefine((values, check) => {
      const live = computeLiveQuote(context, values);
      for (const problem of live.problems) {
        check.addIssue({ code: 'custom', path: problem.path.split('.'), message: describe(problem.code) });
      }
      if (live.problems.length === 0 && live.result && !live.result.ok) {
        const field = fieldOfQuoteError(live.result.error);
        const message = errorMessage({ code: live.result.error.code, params: live.result.error.params ?? {}, locale });
        check.addIssue({ code: 'custom', path: field.split('.'), message });
      }
      if (values.sendEmail) {
        const email = values.email.trim();
        if (email === '') check.addIssue({ code: 'custom', path: ['email'], message: describe('EMAIL_REQUIRED') });
        else if (email.length > 254 || !z.email().safeParse(email).success) {
          check.addIssue({ code: 'custom', path: ['email'], message: FIELD_MESSAGES.EMAIL_INVALID[locale]({}) });
        }
      }
    });
};
