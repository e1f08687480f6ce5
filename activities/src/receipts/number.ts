// Receipt numbers `YYYYMMDD-NNNNNN`: the issuing day in Omsk (where the utility and its clerks
// are), then that day's sequence. Pure; the counter itself lives in the database.

/**
 * Omsk (IANA `Asia/Omsk`) keeps UTC+06:00 all year, with no DST since 2014. Plain arithmetic
 * instead of Intl time zones: their data depends on the Node build's ICU, and the workflow's
 * period rules (domain/src/period.ts) use the same fixed offset.
 */
export const OMSK_UTC_OFFSET_MS = 6 * 60 * 60 * 1000;

/** `instant` as Omsk wall-clock fields (read them with the getUTC… methods). */
export const toOmskWallClock = (instant: Date): Date => new Date(instant.getTime() + OMSK_UTC_OFFSET_MS);

/** The calendar day of `instant` in Omsk, `YYYY-MM-DD` (18:00 UTC is already the next day there). */
export const toOmskDay = (instant: Date): string => {
  if (Number.isNaN(instant.getTime())) throw new RangeError('toOmskDay: invalid date');
  return toOmskWallClock(instant).toISOString().slice(0, 10);
};

export const formatReceiptNumber = ({ day, sequence }: { day: string; sequence: number }): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Receipt day must be YYYY-MM-DD, got ${day}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new Error(`Receipt sequence must be 1…999999, got ${sequence}`);
  }
  return `${day.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
};

const RECEIPT_NUMBER_PATTERN = /^(\d{8})-(\d{6})$/;

/**
 * A number as a clerk might type it (spaces, a different dash, no dash) in canonical form, or
 * null when it cannot be a receipt number.
 */
export const normaliseReceiptNumber = (input: string): string | null => {
  const compact = input.replace(/[\s\u2010-\u2015\u2212-]/g, '');
  if (!/^\d{14}$/.test(compact)) return null;
  const candidate = `${compact.slice(0, 8)}-${compact.slice(8)}`;
  return RECEIPT_NUMBER_PATTERN.test(candidate) ? candidate : null;
};
