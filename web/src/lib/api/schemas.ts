// The JSON API's shapes, once: requests are validated with these, responses are cut to these
// (nothing undocumented leaves), and the OpenAPI document is generated from them (openapi.ts).
// The bodies the payment steps send are the workflow updates' own argument schemas
// (@voltpay/domain/inputs, which the update validators parse with too), named for the document;
// HTTP adds only what the wire allows besides (an amount typed in roubles). Response schemas
// mirror the workflow's types; the type checks at the bottom fail the build the moment the two
// drift apart.
import { CURRENT_TERMS_VERSION, PAYMENT_ID_PATTERN, type PaymentSettings, type SetAccountResult, type SetPeriodResult } from '@voltpay/workflows/payment';
import type { AccountRef, AccountView, ElectricityInput, LineOptions, PeriodBill, Quote } from '@voltpay/domain';
import type { ReceiptVerification } from '@voltpay/receipts';
import {
  AmountKopecksSchema,
  DistrictCodeSchema,
  LineOptionsPatchArgs,
  MeterZoneSchema as MeterZoneArg,
  PeriodSchema,
  ReadingsInputSchema,
  SetAccountArgs,
  SetPeriodArgs,
  SetReceiptEmailArgs,
  type InputIssueKey,
} from '@voltpay/domain/inputs';
import { hasTooManyDecimals, parseRoublesToKopecks } from '@voltpay/domain/money';
import { z } from 'zod';
import type { FieldMessageKey } from './messages';

/**
 * `schema | null` for a schema with an OpenAPI id. zod-to-openapi 9 turns `.nullable()` of a
 * referenced schema into a nullable component (or an unsatisfiable allOf); a union says it right.
 */
const orNull = <S extends z.ZodType>(schema: S) => z.union([schema, z.null()]);

/** A field rule's message key (messages.ts FIELD_MESSAGES); the error formatter translates it. */
const key = (k: FieldMessageKey) => ({ error: k });

// ─── Shared pieces ──────────────────────────────────────────────────────────────────────────

export const LocaleSchema = z.enum(['ru', 'en']).meta({ id: 'Locale', description: 'Language of messages, emails and the receipt.' });
const Kopecks = z.number().int().meta({ description: 'Integer kopecks (1 234,56 ₽ = 123456).' });
const IsoInstant = z.string().meta({ description: 'ISO 8601 instant, UTC.', example: '2026-11-05T09:30:00.000Z' });
export const MeterZoneSchema = MeterZoneArg.meta({ id: 'MeterZone' });
const PaymentStatusSchema = z
  .enum(['DRAFT', 'AWAITING_CARD', 'PROCESSING', 'UNCONFIRMED', 'POSTING', 'NEEDS_ATTENTION', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'DECLINED', 'REFUNDED'])
  .meta({ id: 'PaymentStatus' });
const PaymentLineKindSchema = z.enum(['ELECTRICITY', 'COMMON_AREA', 'PENALTY', 'DEBT']).meta({ id: 'PaymentLineKind' });
const DistrictKindSchema = z.enum(['CITY', 'REGION_DISTRICT']).meta({ id: 'DistrictKind' });

export const PaymentIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(PAYMENT_ID_PATTERN, key('PAYMENT_ID_INVALID'))
  .meta({ description: 'The payment id returned when the payment was started (a UUID).', example: '3f0c8f9e-2b1a-4c7d-9e55-0a1b2c3d4e5f' });
export const PaymentIdParams = z.object({ id: PaymentIdSchema });

// ─── Errors ─────────────────────────────────────────────────────────────────────────────────

export const ApiIssueSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])).meta({ description: 'Where in the request: body field path, or `query`/`params` first.' }),
    code: z.string().meta({ description: 'The rule that failed (a field message key or zod’s issue code).' }),
    message: z.string(),
  })
  .meta({ id: 'ApiIssue' });

export const ApiErrorSchema = z
  .object({
    code: z.string().meta({
      description:
        'Machine-readable: VALIDATION_FAILED, INVALID_JSON, PAYMENT_NOT_FOUND, WRONG_STATE, STEP_MISSING, ACCOUNT_NOT_FOUND, the quote’s refusal codes (READING_WENT_BACKWARDS, TOTAL_OVER_CEILING, …), TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, INTERNAL_ERROR, …',
      example: 'READING_WENT_BACKWARDS',
    }),
    message: z.string().meta({ description: 'For people, in the request’s language (`?lang=` or Accept-Language; Russian by default).' }),
    issues: z.array(ApiIssueSchema).optional().meta({ description: 'VALIDATION_FAILED: every field that failed.' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: 'Values the message was built from (quote refusals, WRONG_STATE’s status, …).' }),
  })
  .meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

// ─── Requests ───────────────────────────────────────────────────────────────────────────────

const TestSettingsSchema = z
  .object({
    draftIdleTimeoutMs: z.number().int().min(1_000).max(86_400_000),
    acquirerWaitTimeoutMs: z.number().int().min(1_000).max(86_400_000),
    recheckScheduleMs: z
      .array(
        z
          .number()
          .int()
          .min(1_000)
          .max(7 * 86_400_000),
      )
      .min(1)
      .max(20),
    ceilingKopecks: z.number().int().min(1).max(1_000_000_000),
    fulfilmentAttempts: z.number().int().min(1).max(50),
  })
  .partial()
  .strict()
  .meta({ id: 'TestPaymentSettings', description: 'Test environments only (VOLTPAY_ALLOW_TEST_SETTINGS=1): shorter timers and limits.' });

export const StartPaymentRequest = z
  .object({
    acceptTerms: z.literal(true, key('TERMS_NOT_ACCEPTED')).meta({ description: 'The resident clicked “I agree”.' }),
    termsVersion: z
      .string(key('TERMS_VERSION_REQUIRED'))
      .trim()
      .min(1, key('TERMS_VERSION_REQUIRED'))
      .max(64)
      .meta({ description: 'The version of the terms the resident was shown; must be the current one.', example: CURRENT_TERMS_VERSION }),
    locale: LocaleSchema.optional().meta({ description: 'Defaults to the request’s language.' }),
    settings: TestSettingsSchema.optional(),
  })
  .meta({ id: 'StartPaymentRequest' });

export const SetAccountRequest = SetAccountArgs.meta({ id: 'SetAccountRequest' });

export const SetPeriodRequest = SetPeriodArgs.meta({ id: 'SetPeriodRequest' });

const ReadingsInput = ReadingsInputSchema.meta({ id: 'ReadingsInput' });

/** On the wire an amount may also come as typed, in roubles; the workflow takes kopecks only. */
const AmountInput = z
  .object({
    kind: z.literal('amount'),
    amountKopecks: AmountKopecksSchema.optional(),
    amount: z
      .string(key('AMOUNT_NOT_NUMBER'))
      .max(32, key('AMOUNT_NOT_NUMBER'))
      .optional()
      .meta({ description: 'Or the amount as typed, in roubles: `1 234,56`, `1234.56`, `1234`.', example: '1 234,56' }),
  })
  .meta({ id: 'AmountInput', description: '“Edit amount”: a typed sum instead of readings. Give amountKopecks or amount, not both.' });

export const SetElectricityRequest = z
  .discriminatedUnion('kind', [ReadingsInput, AmountInput], key('ELECTRICITY_KIND_INVALID'))
  .transform((input, ctx): ElectricityInput => {
    if (input.kind === 'readings') return input;
    if ((input.amountKopecks === undefined) === (input.amount === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'AMOUNT_ONE_OF', path: ['amountKopecks'] });
      return z.NEVER;
    }
    if (input.amountKopecks !== undefined) return { kind: 'amount', amountKopecks: input.amountKopecks };
    const parsed = parseRoublesToKopecks(input.amount ?? '');
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: hasTooManyDecimals(input.amount ?? '') ? 'AMOUNT_TOO_PRECISE' : 'AMOUNT_NOT_NUMBER', path: ['amount'] });
      return z.NEVER;
    }
    return { kind: 'amount', amountKopecks: parsed };
  })
  .meta({ id: 'SetElectricityRequest' });

export const SetLineOptionsRequest = LineOptionsPatchArgs.meta({ id: 'SetLineOptionsRequest' });

export const SetReceiptEmailRequest = SetReceiptEmailArgs.meta({ id: 'SetReceiptEmailRequest' });

export const DistrictCodeParams = z.object({ code: DistrictCodeSchema });

export const ReceiptNumberParams = z.object({
  number: z.string().trim().min(1, key('RECEIPT_NUMBER_INVALID')).max(40, key('RECEIPT_NUMBER_INVALID')).meta({ example: '20261105-000042' }),
});

const ReceiptCode = z
  .string()
  .trim()
  .min(1, key('RECEIPT_CODE_INVALID'))
  .max(40, key('RECEIPT_CODE_INVALID'))
  .meta({ description: 'The verification code printed on the receipt.', example: 'ABCD-EFGH-JKMN' });

export const ReceiptPdfQuery = z
  .object({
    code: ReceiptCode.optional(),
    paymentId: PaymentIdSchema.optional(),
    lang: LocaleSchema.optional(),
  })
  .refine((q) => q.code !== undefined || q.paymentId !== undefined, { message: 'RECEIPT_ACCESS_REQUIRED', path: ['code'] })
  .meta({ description: 'The receipt number alone is sequential and guessable: the verification code or the payment id must come with it.' });

export const VerifyReceiptQuery = z.object({
  number: ReceiptNumberParams.shape.number,
  code: ReceiptCode,
});

// ─── Responses ──────────────────────────────────────────────────────────────────────────────

export const AccountViewSchema = z
  .object({
    accountId: z.string(),
    number: z.string(),
    districtCode: z.string(),
    districtName: z.string(),
    districtKind: DistrictKindSchema,
    settlementName: z.string(),
    maskedAddress: z.string().meta({ description: 'Street and house; the flat is hidden.', example: 'ул. Ленина, д. 12, кв. ••' }),
    tariffPlan: z.enum(['SINGLE_RATE', 'DAY_NIGHT']),
    stove: z.enum(['GAS', 'ELECTRIC']),
    locality: z.enum(['URBAN', 'RURAL']),
    meterCapacity: z.number().int(),
  })
  .meta({ id: 'AccountView' });

const PeriodOptionSchema = z.object({ period: PeriodSchema, debtKopecks: Kopecks }).meta({ id: 'PeriodOption' });

export const PeriodBillSchema = z
  .object({
    period: PeriodSchema,
    tariff: z
      .object({
        validFrom: z.string(),
        rates: z.array(z.object({ zone: MeterZoneSchema, rateCentikopecks: z.number().int().meta({ description: 'Hundredths of a kopeck per kWh.' }) })),
      })
      .nullable(),
    lastReadings: z.array(z.object({ zone: MeterZoneSchema, value: z.number().int(), period: PeriodSchema })),
    commonAreaKopecks: Kopecks,
    penaltyKopecks: Kopecks,
    debtKopecks: Kopecks,
    paid: z
      .object({ commonAreaKopecks: Kopecks, penaltyKopecks: Kopecks, debtKopecks: Kopecks })
      .optional()
      .meta({ description: 'What other payments of the period already pay of each (charged or in flight): a line paid in full starts left out.' }),
  })
  .meta({ id: 'PeriodBill' });

const ZoneConsumptionSchema = z.object({
  zone: MeterZoneSchema,
  start: z.number().int(),
  end: z.number().int(),
  startDeclared: z.boolean().optional().meta({ description: 'No reading was recorded to start from: the start is the resident’s, recorded unverified.' }),
  kwh: z.number().int(),
  rolledOver: z.boolean(),
  rateCentikopecks: z.number().int(),
  amountKopecks: Kopecks,
});

export const QuoteSchema = z
  .object({
    period: PeriodSchema,
    lines: z.array(
      z.object({
        kind: PaymentLineKindSchema,
        amountKopecks: Kopecks,
        included: z.boolean(),
        alreadyPaid: z.boolean().optional().meta({ description: 'Another payment of the period pays this charge in full.' }),
        kwh: z.number().int().optional(),
        zones: z.array(ZoneConsumptionSchema).optional(),
      }),
    ),
    totalKopecks: Kopecks,
  })
  .meta({ id: 'Quote' });

// What the workflow holds, as it is: cut to shape, not judged again (the update's schema did that).
const ZoneReadingSchema = z.object({ zone: MeterZoneSchema, start: z.number().int(), end: z.number().int() }).meta({ id: 'ZoneReading' });
const ElectricityInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('readings'), readings: z.array(ZoneReadingSchema) }),
  z.object({ kind: z.literal('amount'), amountKopecks: Kopecks }),
]);

const LineOptionsSchema = z.object({ commonArea: z.boolean(), penalty: z.boolean(), debt: z.boolean() }).meta({ id: 'LineOptions' });

/** An acquirer's decline reason as a code (lower-case words with underscores), never free text. */
export const DECLINE_REASON_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * What the resident's API tells of a payment: its capability is its id, which travels in the
 * browser's address bar, history and referrers, so it carries what the resident's screens need and
 * nothing of the back office: no staff emails or refund notes, no internal error text, no
 * acquirer order id or mail provider ids, and a timeline of event codes without their details.
 * The console reads the workflow's whole state itself (admin/src/server/payments).
 */
export const PaymentStateSchema = z
  .object({
    paymentId: z.string(),
    status: PaymentStatusSchema,
    revision: z.number().int().meta({ description: 'Increases with every change.' }),
    locale: LocaleSchema,
    terms: z.object({ version: z.string(), acceptedAt: IsoInstant }).meta({ description: 'The resident’s consent: which terms, when (the server’s clock).' }),
    startedAt: IsoInstant,
    updatedAt: IsoInstant,
    settings: z.object({ ceilingKopecks: Kopecks }).meta({ description: 'The highest total this payment may have.' }),
    account: orNull(AccountViewSchema),
    periods: z.array(PeriodOptionSchema),
    period: PeriodSchema.nullable(),
    bill: orNull(PeriodBillSchema),
    electricity: ElectricityInputSchema.nullable(),
    options: LineOptionsSchema,
    quote: orNull(QuoteSchema),
    receiptEmail: z.string().nullable().meta({ description: 'The address the resident gave for the receipt.' }),
    // Card data never reaches us; of the card, only what the acquirer reports back: the last 4 digits.
    acquirer: z
      .object({
        paymentUrl: z.string(),
        otpPassed: z.boolean().meta({ description: 'Once true, the payment can no longer be cancelled.' }),
        cardLast4: z.string().nullable(),
      })
      .nullable(),
    expiresAt: IsoInstant.nullable(),
    declineReason: z
      .string()
      .regex(DECLINE_REASON_CODE)
      .nullable()
      .meta({ description: 'DECLINED: the acquirer’s reason code (`insufficient_funds`, …), `other` for any other.' }),
    unconfirmed: z.object({ nextCheckAt: IsoInstant.nullable() }).nullable().meta({ description: 'UNCONFIRMED: when the acquirer is asked again.' }),
    receipt: z
      .object({ number: z.string(), verificationCode: z.string(), verificationUrl: z.string(), issuedAt: IsoInstant, totalKopecks: Kopecks })
      .nullable(),
    delivery: z
      .discriminatedUnion('channel', [z.object({ channel: z.literal('none') }), z.object({ channel: z.literal('email'), to: z.string() })])
      .nullable()
      .meta({ description: 'Where the receipt went: nowhere (download only), or the resident’s email.' }),
    refund: z.object({ at: IsoInstant }).nullable(),
    timeline: z.array(z.object({ at: IsoInstant, event: z.string() })).meta({ description: 'What happened, as event codes.' }),
  })
  .meta({ id: 'PaymentState' });

export type ResidentPaymentState = z.output<typeof PaymentStateSchema>;

export const PaymentStateResponse = z.object({ state: PaymentStateSchema }).meta({ id: 'PaymentStateResponse' });
export const StartPaymentResponse = z.object({ paymentId: z.string(), state: PaymentStateSchema }).meta({ id: 'StartPaymentResponse' });
export const SetAccountResponse = z.object({ account: AccountViewSchema, periods: z.array(PeriodOptionSchema) }).meta({ id: 'SetAccountResponse' });
export const SetPeriodResponse = z.object({ bill: PeriodBillSchema, quote: orNull(QuoteSchema) }).meta({ id: 'SetPeriodResponse' });
export const QuoteResponse = z.object({ quote: QuoteSchema }).meta({ id: 'QuoteResponse' });
export const LineOptionsResponse = z.object({ quote: orNull(QuoteSchema) }).meta({ id: 'LineOptionsResponse' });
export const ReceiptEmailResponse = z.object({ receiptEmail: z.string().nullable() }).meta({ id: 'ReceiptEmailResponse' });
export const ConfirmResponse = z
  .object({
    paymentUrl: z.url().meta({ description: 'The acquirer’s card page: send the resident there.' }),
    orderId: z.string(),
  })
  .meta({ id: 'ConfirmResponse' });

export const DistrictSchema = z
  .object({
    code: z.string().meta({ example: 'omsk' }),
    name: z.string().meta({ example: 'Омск' }),
    kind: DistrictKindSchema,
  })
  .meta({ id: 'District' });
export const DistrictsResponse = z.object({ districts: z.array(DistrictSchema) }).meta({ id: 'DistrictsResponse' });

export const SettlementSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['TOWN', 'URBAN_SETTLEMENT', 'VILLAGE', 'HAMLET']),
    isDistrictCentre: z.boolean(),
  })
  .meta({ id: 'Settlement' });
export const SettlementsResponse = z.object({ district: DistrictSchema, settlements: z.array(SettlementSchema) }).meta({ id: 'SettlementsResponse' });

export const VerifiedReceiptSchema = z
  .object({
    number: z.string(),
    issuedAt: IsoInstant,
    totalKopecks: Kopecks,
    period: PeriodSchema,
    accountNumber: z.string().meta({ description: 'In full: whoever checks holds the receipt that prints it.' }),
    paymentStatus: PaymentStatusSchema,
  })
  .meta({ id: 'VerifiedReceipt' });
export const VerifyReceiptResponse = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('VALID'), receipt: VerifiedReceiptSchema }),
    z.object({ status: z.literal('INVALID') }).meta({ description: 'No receipt with this number and code: a wrong number and a wrong code look the same.' }),
  ])
  .meta({ id: 'VerifyReceiptResponse' });

// ─── The response schemas and the workflow's types must not drift apart ────────────────────

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape = <T extends true>(): T | undefined => undefined;
sameShape<Same<z.output<typeof SetAccountResponse>, SetAccountResult>>();
sameShape<Same<z.output<typeof SetPeriodResponse>, SetPeriodResult>>();
sameShape<Same<z.output<typeof QuoteSchema>, Quote>>();
sameShape<Same<z.output<typeof PeriodBillSchema>, PeriodBill>>();
sameShape<Same<z.output<typeof AccountViewSchema>, AccountView>>();
sameShape<Same<z.output<typeof LineOptionsSchema>, LineOptions>>();
sameShape<Same<z.output<typeof TestSettingsSchema>, Partial<PaymentSettings>>>();
sameShape<Same<z.output<typeof SetElectricityRequest>, ElectricityInput>>();
sameShape<Same<z.output<typeof VerifiedReceiptSchema>, Extract<ReceiptVerification, { status: 'VALID' }>['receipt']>>();
// Every rule of the updates' schemas has words for residents (messages.ts).
sameShape<InputIssueKey extends FieldMessageKey ? true : false>();
// What the API sends the workflow fits what the updates take.
sameShape<z.output<typeof SetAccountRequest> extends AccountRef ? true : false>();
sameShape<z.output<typeof SetLineOptionsRequest> extends Partial<LineOptions> ? true : false>();
