// The arguments of the payment workflow's updates, once (STYLE 14): the site's API builds its
// request bodies from these schemas and the workflow's update validators parse with the same ones,
// so what the door refuses is what the workflow refuses. Shape only: what depends on the payment's
// state or on the clock (a step missing, a period not open yet) stays in the validators.
// Plain zod, no I/O: it runs inside the workflow bundle, where it must stay deterministic.
import { z } from 'zod';
import { validateAccountNumber, normalizeAccountNumber, type AccountNumberErrorCode } from './account-number';
import type { AccountRef, ElectricityInput, LineOptions } from './types';

/**
 * What a field rule says went wrong, as the issue's message: the site words each key for residents
 * (web/src/lib/api/messages.ts FIELD_MESSAGES); the workflow's refusal carries it as its code.
 */
export type InputIssueKey =
  | 'DISTRICT_CODE_INVALID'
  | 'SETTLEMENT_ID_INVALID'
  | 'ACCOUNT_NUMBER_INVALID'
  | 'PERIOD_INVALID'
  | 'METER_ZONE_INVALID'
  | 'READING_NOT_NUMBER'
  | 'READINGS_REQUIRED'
  | 'AMOUNT_NOT_NUMBER'
  | 'ELECTRICITY_KIND_INVALID'
  | 'EMAIL_INVALID';

/** Operators' inputs come from the console, whose forms word their own messages. */
export type OperatorIssueKey = 'ACTOR_REQUIRED' | 'REFUND_REASON_INVALID';

const key = (k: InputIssueKey | OperatorIssueKey) => ({ error: k });

// ─── setAccount ─────────────────────────────────────────────────────────────────────────────

export const DistrictCodeSchema = z
  .string(key('DISTRICT_CODE_INVALID'))
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,64}$/, key('DISTRICT_CODE_INVALID'))
  .meta({ description: '`omsk` for the city, or a region district’s code (GET /districts).', example: 'omsk' });

export const SettlementIdSchema = z
  .uuid(key('SETTLEMENT_ID_INVALID'))
  .meta({ description: 'Region accounts: the settlement picked from the district’s list.' });

/**
 * Spaces and dashes are dropped; the digits must fit a city number or a region one (the district's
 * kind, known only once it is looked up, decides which). The rule broken goes along as
 * `params.reason`, so the workflow can say which (ACCOUNT_NUMBER_CITY_LENGTH, …).
 */
export const AccountNumberSchema = z
  .string(key('ACCOUNT_NUMBER_INVALID'))
  .transform(normalizeAccountNumber)
  .superRefine((number, ctx) => {
    const asCity = validateAccountNumber({ districtKind: 'CITY', number });
    const asRegion = validateAccountNumber({ districtKind: 'REGION_DISTRICT', number });
    if (asCity.ok || asRegion.ok) return;
    const reason: AccountNumberErrorCode = asCity.code;
    ctx.addIssue({ code: 'custom', message: 'ACCOUNT_NUMBER_INVALID', params: { reason } });
  })
  .meta({ description: 'City: 4-digit housing office index + account; region: 6 digits. Spaces and dashes are ignored.', example: '99991234567' });

export const SetAccountArgs = z.object({
  districtCode: DistrictCodeSchema,
  settlementId: SettlementIdSchema.optional(),
  accountNumber: AccountNumberSchema,
});

// ─── setPeriod ──────────────────────────────────────────────────────────────────────────────

export const PeriodSchema = z
  .string(key('PERIOD_INVALID'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, key('PERIOD_INVALID'))
  .meta({ description: 'Billing period, YYYY-MM.', example: '2026-10' });

export const SetPeriodArgs = z.object({ period: PeriodSchema });

// ─── setElectricity ─────────────────────────────────────────────────────────────────────────

export const MeterZoneSchema = z.enum(['SINGLE', 'DAY', 'NIGHT'], key('METER_ZONE_INVALID'));

/** Far above any meter's capacity: the quote refuses what the account's meter cannot show. */
const Reading = z.number(key('READING_NOT_NUMBER')).int(key('READING_NOT_NUMBER')).min(0, key('READING_NOT_NUMBER')).max(99_999_999, key('READING_NOT_NUMBER'));

export const ZoneReadingSchema = z.object({ zone: MeterZoneSchema, start: Reading, end: Reading });

export const ReadingsInputSchema = z
  .object({
    kind: z.literal('readings'),
    readings: z.array(ZoneReadingSchema, key('READINGS_REQUIRED')).min(1, key('READINGS_REQUIRED')).max(3, key('READINGS_REQUIRED')),
  })
  .meta({ description: 'Electricity by meter readings: start (prefilled from the last paid reading) and end per zone.' });

export const AmountKopecksSchema = z
  .number(key('AMOUNT_NOT_NUMBER'))
  .int(key('AMOUNT_NOT_NUMBER'))
  .min(0, key('AMOUNT_NOT_NUMBER'))
  .max(Number.MAX_SAFE_INTEGER, key('AMOUNT_NOT_NUMBER'))
  .meta({ description: 'The amount in kopecks.', example: 123456 });

export const ElectricityArgs = z.discriminatedUnion(
  'kind',
  [ReadingsInputSchema, z.object({ kind: z.literal('amount'), amountKopecks: AmountKopecksSchema })],
  key('ELECTRICITY_KIND_INVALID'),
);

// ─── setLineOptions, setReceiptEmail ────────────────────────────────────────────────────────

export const LineOptionsPatchArgs = z
  .object({
    commonArea: z.boolean().optional().meta({ description: 'Include common-area electricity (МОП).' }),
    penalty: z.boolean().optional().meta({ description: 'Include penalties (пени).' }),
    debt: z.boolean().optional().meta({ description: 'Add the period’s debt to the total.' }),
  })
  .strict();

/** The workflow keeps the address trimmed and lower-cased; a space pasted along with it is no mistake. */
export const EmailSchema = z
  .string(key('EMAIL_INVALID'))
  .trim()
  .max(254, key('EMAIL_INVALID'))
  .pipe(z.email(key('EMAIL_INVALID')));

export const SetReceiptEmailArgs = z.object({
  email: EmailSchema.nullable().meta({
    format: 'email',
    description: 'Where to email the receipt; null for no email (it stays downloadable).',
    example: 'resident@example.ru',
  }),
});

// ─── Operator actions ───────────────────────────────────────────────────────────────────────

/** Who acts: the staff member's email, written to the payment's timeline and the audit log. */
export const ActorSchema = z.string(key('ACTOR_REQUIRED')).refine((actor) => actor.trim().length > 0, key('ACTOR_REQUIRED'));

export const OperatorArgs = z.object({ actor: ActorSchema });

/** `email` absent: the same address; a new one: corrected; null: no email (the receipt stays downloadable). */
export const RetryDeliveryArgs = z.object({ actor: ActorSchema, email: EmailSchema.nullable().optional() });

export const RefundArgs = z.object({
  actor: ActorSchema,
  reason: z
    .string(key('REFUND_REASON_INVALID'))
    .max(500, key('REFUND_REASON_INVALID'))
    .refine((reason) => reason.trim().length > 0, key('REFUND_REASON_INVALID')),
});

// ─── What parses is what the updates take ───────────────────────────────────────────────────

type Fits<A, B> = [A] extends [B] ? true : false;
const fits = <T extends true>(): T | undefined => undefined;
fits<Fits<z.output<typeof SetAccountArgs>, AccountRef>>();
fits<Fits<z.output<typeof ElectricityArgs>, ElectricityInput>>();
fits<Fits<z.output<typeof LineOptionsPatchArgs>, Partial<LineOptions>>>();
