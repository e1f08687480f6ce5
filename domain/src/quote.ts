// The quote: what a payment for one account and period consists of, and why it may be refused
// (DESIGN §4). Pure and deterministic, integer math only: it runs inside the payment workflow.
import type {
  ElectricityInput,
  Kopecks,
  LineOptions,
  MeterZone,
  Period,
  PeriodBill,
  QuoteError,
  QuoteErrorCode,
  QuoteLine,
  QuoteResult,
  TariffPlan,
  TariffRate,
  ZoneConsumption,
  ZoneReading,
} from './types';

/**
 * The most a zone may plausibly use in one period. It decides whether a smaller end reading is
 * a meter that rolled over (99990 → 00050 is 60 kWh) or a typo, and caps absurd consumption.
 * 10 000 kWh a month is far beyond any flat or house on household tariffs.
 */
export const DEFAULT_MAX_KWH_PER_ZONE = 10_000;

export type QuoteInput = {
  bill: PeriodBill;
  tariffPlan: TariffPlan;
  /** The largest value the meter shows (99999 for five digits); the next value is 0. */
  meterCapacity: number;
  /** Null before the resident entered readings or an amount: the quote of the other lines. */
  electricity: ElectricityInput | null;
  options: LineOptions;
  ceilingKopecks: Kopecks;
  /** Per zone and period; DEFAULT_MAX_KWH_PER_ZONE when omitted. */
  maxKwh?: number;
  /**
   * The start of each zone is `bill.lastReadings`' value, never the resident's (true unless a
   * payment's workflow started before the rule: it keeps what it was quoted under).
   */
  serverStart?: boolean;
};

/** The zones a meter of this plan has, in the order bills print them. */
export const zonesOfPlan = (plan: TariffPlan): readonly MeterZone[] => {
  switch (plan) {
    case 'SINGLE_RATE':
      return ['SINGLE'];
    case 'DAY_NIGHT':
      return ['DAY', 'NIGHT'];
    default: {
      const unknown: never = plan;
      throw new RangeError(`Unknown tariff plan ${String(unknown)}`);
    }
  }
};

/** `validTo` is the exclusive end (`YYYY-MM-DD`); null or absent while in force until further notice. */
type Tariff = { validFrom: string; validTo?: string | null; rates: TariffRate[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The tariff in force on the first day of `period`: the one with the latest `validFrom` on or
 * before it, or null when none had started yet or that one had already ended (`validTo` on or
 * before the day: a gap between periods prices nothing). Tariffs change on a date (usually
 * 1 July), and a monthly period is priced whole by the tariff it started under. Dates are
 * `YYYY-MM-DD` (a longer ISO string is cut to its date). Not called by workflow code (the bill
 * activity is), so changing it re-prices no running payment.
 */
export const selectTariff = <T extends Tariff>(tariffs: readonly T[], period: Period): T | null => {
  if (!PERIOD.test(period)) throw new RangeError(`selectTariff: not a period ${JSON.stringify(period)}`);
  const start = `${period}-01`;
  let best: T | null = null;
  for (const tariff of tariffs) {
    if (!ISO_DATE.test(tariff.validFrom)) throw new RangeError(`selectTariff: validFrom ${JSON.stringify(tariff.validFrom)} is not a date`);
    const from = tariff.validFrom.slice(0, 10);
    // Same-length ISO dates compare correctly as strings.
    if (from <= start && (best === null || from > best.validFrom.slice(0, 10))) best = tariff;
  }
  if (best?.validTo != null) {
    if (!ISO_DATE.test(best.validTo)) throw new RangeError(`selectTariff: validTo ${JSON.stringify(best.validTo)} is not a date`);
    if (best.validTo.slice(0, 10) <= start) return null;
  }
  return best;
};

/** The options a bill starts with: a charge or debt another payment of the period pays in full is left out. */
export const leaveOutPaidLines = (bill: PeriodBill, options: LineOptions): LineOptions => {
  const paidInFull = (amount: number, paid: number | undefined) => amount > 0 && (paid ?? 0) >= amount;
  return {
    commonArea: options.commonArea && !paidInFull(bill.commonAreaKopecks, bill.paid?.commonAreaKopecks),
    penalty: options.penalty && !paidInFull(bill.penaltyKopecks, bill.paid?.penaltyKopecks),
    debt: options.debt && !paidInFull(bill.debtKopecks, bill.paid?.debtKopecks),
  };
};

/** kWh × rate (hundredths of a kopeck), rounded half up to whole kopecks. BigInt: no float ever. */
export const priceKwh = (kwh: number, rateCentikopecks: number): bigint => {
  requireCount(kwh, 'kWh');
  requireCount(rateCentikopecks, 'rate');
  return (BigInt(kwh) * BigInt(rateCentikopecks) + 50n) / 100n;
};

// Values that come from our own database or settings: a bad one is a bug, not the resident's error.
const requireCount = (value: number, what: string) => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`computeQuote: ${what} must be a non-negative integer, got ${value}`);
};

const refuse = (code: QuoteErrorCode, params?: QuoteError['params']): QuoteResult => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** A reading as a message parameter: the value when it is a number, else its text. */
const shown = (value: unknown): string | number => (typeof value === 'number' && Number.isFinite(value) ? value : String(value));

type MeteredZone = Omit<ZoneConsumption, 'amountKopecks'>;
type Metered = { ok: true; zones: MeteredZone[] } | { ok: false; result: QuoteResult };

// Array.isArray narrows a readonly array to `any[]`; this keeps its element type.
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

const meterReadings = (input: QuoteInput, readings: readonly ZoneReading[], maxKwh: number): Metered => {
  const { bill, tariffPlan, meterCapacity } = input;
  const fail = (code: QuoteErrorCode, params?: QuoteError['params']): Metered => ({ ok: false, result: refuse(code, params) });

  if (!bill.tariff) return fail('NO_TARIFF', { period: bill.period });
  const expected = zonesOfPlan(tariffPlan);
  const given = isList(readings) ? readings.map((r) => r?.zone) : [];
  const sameZones = given.length === expected.length && expected.every((zone) => given.filter((z) => z === zone).length === 1);
  if (!sameZones) return fail('READINGS_ZONES_MISMATCH', { expected: expected.join(','), given: given.map(String).join(',') });

  const zones: MeteredZone[] = [];
  for (const zone of expected) {
    const reading = readings.find((r) => r.zone === zone) as ZoneReading;
    const rates = bill.tariff.rates.filter((r) => r.zone === zone);
    if (rates.length > 1) throw new RangeError(`computeQuote: the tariff from ${bill.tariff.validFrom} has ${rates.length} rates for ${zone}`);
    const rate = rates[0];
    if (!rate) return fail('NO_TARIFF', { period: bill.period, zone });
    requireCount(rate.rateCentikopecks, `the ${zone} rate`);

    for (const field of ['start', 'end'] as const) {
      const value: unknown = reading[field];
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        return fail('READING_INVALID', { zone, field, value: shown(value) });
      }
      if (value > meterCapacity) return fail('READING_OVER_CAPACITY', { zone, field, value, capacity: meterCapacity });
    }

    const { start, end } = reading;
    const recorded = bill.lastReadings.find((r) => r.zone === zone);
    // A resident could otherwise pay for 1 kWh and record any reading as paid up (start 12589 over a
    // recorded 12390): the meter's sequence is ours; only a first payment declares where it starts.
    if (input.serverStart !== false && recorded && start !== recorded.value) {
      return fail('READING_START_MISMATCH', { zone, start: recorded.value, given: start });
    }
    const startDeclared = input.serverStart !== false && !recorded;
    let kwh = end - start;
    let rolledOver = false;
    if (end < start) {
      // The meter passed its capacity and started again from 0: plausible only for a modest
      // consumption; otherwise the resident most likely swapped or mistyped the readings.
      const afterRollover = meterCapacity + 1 - start + end;
      if (afterRollover > maxKwh) return fail('READING_WENT_BACKWARDS', { zone, start, end, capacity: meterCapacity, maxKwh });
      kwh = afterRollover;
      rolledOver = true;
    }
    if (kwh > maxKwh) return fail('CONSUMPTION_TOO_HIGH', { zone, start, end, kwh, maxKwh });
    zones.push({ zone, start, end, kwh, rolledOver, rateCentikopecks: rate.rateCentikopecks, ...(startDeclared ? { startDeclared } : {}) });
  }
  return { ok: true, zones };
};

/**
 * Prices a payment. Lines, in bill order: ELECTRICITY (by readings or a typed amount; only when
 * `electricity` is given), COMMON_AREA and PENALTY (listed when the bill has them, included per
 * options), DEBT (listed when there is one, included only when the resident adds it). The total
 * of the included lines must be positive and at most the ceiling.
 *
 * Resident input that is wrong is refused with a QuoteError. Bad data from our side (a negative
 * charge, a fractional rate, a zero meter capacity) throws a RangeError: it is a bug to fix, and
 * pricing around it would charge someone the wrong amount.
 */
export const computeQuote = (input: QuoteInput): QuoteResult => {
  const { bill, electricity, options, ceilingKopecks, meterCapacity } = input;
  const maxKwh = input.maxKwh ?? DEFAULT_MAX_KWH_PER_ZONE;
  if (!Number.isSafeInteger(meterCapacity) || meterCapacity < 1)
    throw new RangeError(`computeQuote: meter capacity ${meterCapacity} is not a positive integer`);
  if (!Number.isSafeInteger(maxKwh) || maxKwh < 1) throw new RangeError(`computeQuote: maxKwh ${maxKwh} is not a positive integer`);
  requireCount(ceilingKopecks, 'the ceiling');
  requireCount(bill.commonAreaKopecks, 'the common-area charge');
  requireCount(bill.penaltyKopecks, 'the penalty');
  requireCount(bill.debtKopecks, 'the debt');

  // Amounts stay BigInt until the ceiling has bounded them, so no sum can lose precision.
  type Draft = {
    kind: QuoteLine['kind'];
    amount: bigint;
    included: boolean;
    alreadyPaid?: boolean;
    kwh?: number;
    zones?: (Omit<ZoneConsumption, 'amountKopecks'> & { amount: bigint })[];
  };
  const drafts: Draft[] = [];

  if (electricity) {
    switch (electricity.kind) {
      case 'readings': {
        const metered = meterReadings(input, electricity.readings, maxKwh);
        if (!metered.ok) return metered.result;
        const zones = metered.zones.map((z) => ({ ...z, amount: priceKwh(z.kwh, z.rateCentikopecks) }));
        drafts.push({
          kind: 'ELECTRICITY',
          amount: zones.reduce((sum, z) => sum + z.amount, 0n),
          included: true,
          kwh: zones.reduce((sum, z) => sum + z.kwh, 0),
          zones,
        });
        break;
      }
      case 'amount': {
        const value: unknown = electricity.amountKopecks;
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) return refuse('AMOUNT_INVALID', { value: shown(value) });
        drafts.push({ kind: 'ELECTRICITY', amount: BigInt(value), included: true });
        break;
      }
      default: {
        const unknown: never = electricity;
        return refuse('AMOUNT_INVALID', { kind: String((unknown as { kind?: unknown }).kind) });
      }
    }
  }

  const paid = (amount: number, paidKopecks: number | undefined) => (bill.paid && (paidKopecks ?? 0) >= amount ? { alreadyPaid: true } : {});
  if (bill.commonAreaKopecks > 0)
    drafts.push({
      kind: 'COMMON_AREA',
      amount: BigInt(bill.commonAreaKopecks),
      included: options.commonArea,
      ...paid(bill.commonAreaKopecks, bill.paid?.commonAreaKopecks),
    });
  if (bill.penaltyKopecks > 0)
    drafts.push({ kind: 'PENALTY', amount: BigInt(bill.penaltyKopecks), included: options.penalty, ...paid(bill.penaltyKopecks, bill.paid?.penaltyKopecks) });
  if (bill.debtKopecks > 0)
    drafts.push({ kind: 'DEBT', amount: BigInt(bill.debtKopecks), included: options.debt, ...paid(bill.debtKopecks, bill.paid?.debtKopecks) });

  const total = drafts.reduce((sum, line) => (line.included ? sum + line.amount : sum), 0n);
  if (total <= 0n) return refuse('TOTAL_NOT_POSITIVE', { totalKopecks: 0 });
  if (total > BigInt(ceilingKopecks)) {
    return refuse('TOTAL_OVER_CEILING', {
      ceilingKopecks,
      totalKopecks: total <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(total) : total.toString(),
    });
  }

  // Every amount is now at most the ceiling, a safe integer, so Number() is exact.
  const lines: QuoteLine[] = drafts.map(({ kind, amount, included, alreadyPaid, kwh, zones }) => ({
    kind,
    amountKopecks: Number(amount),
    included,
    ...(alreadyPaid ? { alreadyPaid } : {}),
    ...(kwh === undefined ? {} : { kwh }),
    ...(zones ? { zones: zones.map(({ amount: zoneAmount, ...z }) => ({ ...z, amountKopecks: Number(zoneAmount) })) } : {}),
  }));
  return { ok: true, quote: { period: bill.period, lines, totalKopecks: Number(total) } };
};
