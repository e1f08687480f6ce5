// Billing periods (`YYYY-MM`): validation, month arithmetic, and which month it is in Omsk.
// Pure and deterministic (it runs inside workflow code): the caller passes "now"; no Intl, no clock.
import type { Locale, Period } from './types';

/** Omsk keeps UTC+06:00 all year (no DST since 2014), so its local month is plain arithmetic. */
export const OMSK_UTC_OFFSET_MINUTES = 6 * 60;

/** A period older than this many months before the current one cannot be paid online. */
export const MAX_PERIOD_AGE_MONTHS = 36;

export type PeriodError = 'PERIOD_INVALID' | 'PERIOD_IN_FUTURE' | 'PERIOD_TOO_OLD';

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const MONTH_NAMES: Record<Locale, readonly string[]> = {
  ru: ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * `2026-03` → `Март 2026` / `March 2026`, as people read a period: the site, the receipt PDF and
 * the console print it the same way (no Intl month names: they differ between ICU versions and
 * grammatical cases). Anything else is shown as it is.
 */
export const formatPeriod = (period: Period, locale: Locale): string => {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return period;
  return `${MONTH_NAMES[locale][Number(match[2]) - 1]} ${match[1]}`;
};

export const isPeriod = (s: unknown): s is Period => typeof s === 'string' && PERIOD_PATTERN.test(s) && s >= '0001-01';

/** Months since year 0: makes month arithmetic and comparisons plain integer math. */
const toMonthIndex = (period: Period): number => {
  const match = PERIOD_PATTERN.exec(period);
  if (!match || !isPeriod(period)) throw new RangeError(`Not a billing period (YYYY-MM): ${JSON.stringify(period)}`);
  return Number(match[1]) * 12 + (Number(match[2]) - 1);
};

const fromMonthIndex = (index: number): Period => {
  const year = Math.floor(index / 12);
  if (year < 1 || year > 9999) throw new RangeError(`Period out of range (year ${year})`);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
};

/** The first day of the period, `YYYY-MM-01` (what tariffs' validFrom is compared with). */
export const periodStart = (period: Period): string => {
  toMonthIndex(period);
  return `${period}-01`;
};

export const addMonths = (period: Period, n: number): Period => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addMonths: ${n} is not an integer`);
  return fromMonthIndex(toMonthIndex(period) + n);
};

/** How many months `to` is after `from` (negative when before). */
export const monthsBetween = (from: Period, to: Period): number => toMonthIndex(to) - toMonthIndex(from);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

const checkDate = (year: number, month: number, day: number, text: string) => {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(text)}`);
  }
};

/**
 * The period a date or an instant falls in. A calendar date (`2026-03-31`) is taken as it is;
 * an instant (`2026-03-31T19:30:00Z`, which must carry `Z` or an offset, since a bare local time
 * means nothing on a server) is first moved to Omsk time: that is 2026-04-01 01:30 there, so `2026-04`.
 */
export const periodOf = (isoDate: string): Period => {
  const date = DATE_PATTERN.exec(isoDate);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    checkDate(year, month, day, isoDate);
    return `${date[1]}-${date[2]}`;
  }
  const instant = INSTANT_PATTERN.exec(isoDate);
  if (!instant) throw new RangeError(`Not an ISO date or instant with an offset: ${JSON.stringify(isoDate)}`);
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(instant[i])) as [number, number, number, number, number];
  const second = Number(instant[6] ?? '0');
  checkDate(year, month, day, isoDate);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`Not a time of day: ${JSON.stringify(isoDate)}`);
  const offsetMinutes = instant[7] === 'Z' ? 0 : (instant[8] === '-' ? -1 : 1) * (Number(instant[9]) * 60 + Number(instant[10]));
  // Local wall-clock minutes relative to the date's midnight, moved from the given offset to Omsk's.
  const omskMinutes = hour * 60 + minute - offsetMinutes + OMSK_UTC_OFFSET_MINUTES;
  // An offset moves the time by less than two days either way, so only the month edges matter.
  const dayShift = Math.floor(omskMinutes / (24 * 60));
  const omskDay = day + dayShift;
  const period = `${instant[1]}-${instant[2]}`;
  if (omskDay > daysInMonth(year, month)) return addMonths(period, 1);
  if (omskDay < 1) return addMonths(period, -1);
  return period;
};

/** The current month in Omsk and the `count - 1` before it, newest first (the period picker). */
export const selectablePeriods = (nowIso: string, count = 12): Period[] => {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`selectablePeriods: count ${count} must be a positive integer`);
  const current = periodOf(nowIso);
  return Array.from({ length: count }, (_, i) => addMonths(current, -i));
};

/** Why the resident cannot pay for `period` now, or null when they can. */
export const validatePeriod = (period: unknown, nowIso: string): PeriodError | null => {
  if (!isPeriod(period)) return 'PERIOD_INVALID';
  const age = monthsBetween(period, periodOf(nowIso));
  if (age < 0) return 'PERIOD_IN_FUTURE';
  if (age > MAX_PERIOD_AGE_MONTHS) return 'PERIOD_TOO_OLD';
  return null;
};
