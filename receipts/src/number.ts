// Receipt numbers `YYYYMMDD-NNNNNN`: the issuing day in Omsk (where the utility and its clerks
// are; the day is omskDay of workflows/src/payment/omsk-time.ts), then that day's sequence. Pure;
// the counter itself lives in the database.

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
