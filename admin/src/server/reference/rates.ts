// Tariff rates as admins type and read them (₽ per kWh, up to four decimals) and as they are
// stored (integer hundredths of a kopeck: 5,8712 ₽ = 58712). String and integer math only, never a
// float: 0.1 + 0.2 must not decide what a resident pays. Pure; the forms use it too.

/** Hundredths of a kopeck in one rouble. */
export const CENTIKOPECKS_PER_ROUBLE = 10_000;
/** A sanity ceiling: 1 000 ₽/kWh is far beyond any household tariff, and keeps kWh × rate exact. */
export const MAX_RATE_CENTIKOPECKS = 1_000 * CENTIKOPECKS_PER_ROUBLE;

const RATE_PATTERN = /^(\d{1,4})(?:[.,](\d{1,4}))?$/;

/**
 * `5,19` / `5.19` / `5,8712` / `5` (a trailing `₽`, `₽/кВт·ч` or `руб.` is allowed) → 51900 / 58712 / 50000.
 * Null for anything else: more than four decimals (finer than a hundredth of a kopeck), signs,
 * thousands separators, zero.
 */
export const parseRateToCentikopecks = (text: string): number | null => {
  const trimmed = text
    .trim()
    .replace(/\s*(?:₽|руб\.?|р\.)(?:\s*\/\s*кВт[·.]?ч)?$/iu, '')
    .trim();
  const match = RATE_PATTERN.exec(trimmed);
  if (!match) return null;
  const roubles = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(4, '0'));
  const rate = roubles * CENTIKOPECKS_PER_ROUBLE + fraction;
  return rate > 0 && rate <= MAX_RATE_CENTIKOPECKS ? rate : null;
};

/**
 * 58712 → `5,8712`, 51900 → `5,1900`, 50000 → `5,0000`: always four decimals, the precision a rate
 * is stored in, so a table of rates lines up and no rate looks rounder than it is.
 */
export const formatRate = (centikopecks: number): string => {
  if (!Number.isSafeInteger(centikopecks) || centikopecks < 0) throw new RangeError(`formatRate: ${centikopecks} is not a rate`);
  const roubles = Math.floor(centikopecks / CENTIKOPECKS_PER_ROUBLE);
  const fraction = String(centikopecks % CENTIKOPECKS_PER_ROUBLE).padStart(4, '0');
  return `${roubles},${fraction}`;
};

/**
 * The zones a new tariff version gives a rate: what the admin typed, less the fields left empty and
 * those still holding the rate in force (the form starts from it). Anything else, unreadable text
 * included, is passed on for the server to accept or refuse on its field.
 */
export const changedRateTexts = <Zone extends string>({
  typed,
  inForce,
}: {
  typed: Record<Zone, string>;
  inForce: Partial<Record<Zone, number>>;
}): Partial<Record<Zone, string>> => {
  const changed: Partial<Record<Zone, string>> = {};
  for (const zone of Object.keys(typed) as Zone[]) {
    const text = typed[zone].trim();
    if (text === '') continue;
    const current = inForce[zone];
    if (current !== undefined && parseRateToCentikopecks(text) === current) continue;
    changed[zone] = text;
  }
  return changed;
};
