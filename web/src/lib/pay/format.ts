// How the payment pages print periods, rates and readings: integer math only, same output on the
// server and in the browser (no Intl month names: they differ between ICU versions and cases).
import type { Locale } from '@voltpay/domain';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The period as people read it (`Март 2026`), owned by the period rules so the PDF and the console agree. */
export { formatPeriod } from '@voltpay/domain/period';

/** `2025-07-01` → `01.07.2025` (ru) / `1 July 2025` (en). */
export const formatDate = (isoDate: string, locale: Locale): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return locale === 'ru' ? `${day}.${month}.${year}` : `${Number(day)} ${EN_MONTHS[Number(month) - 1]} ${year}`;
};

/**
 * A rate in hundredths of a kopeck per kWh as roubles, with as many decimals as it has (2 to 4):
 * 58_340 → `5,834 ₽` (ru) / `₽5.834` (en).
 */
export const formatRate = (centikopecks: number, locale: Locale): string => {
  if (!Number.isSafeInteger(centikopecks) || centikopecks < 0) return String(centikopecks);
  const whole = Math.floor(centikopecks / 10_000);
  const fraction = String(centikopecks % 10_000)
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return locale === 'ru' ? `${whole},${fraction}\u00A0₽` : `₽${whole}.${fraction}`;
};

/** A meter reading as the meter shows it: five digits at least (`00120`). */
export const formatReading = (value: number, capacity = 99_999): string => String(value).padStart(String(capacity).length, '0');
