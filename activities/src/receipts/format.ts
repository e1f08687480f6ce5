// How a receipt prints money, instants and URLs, the same on the PDF, in the email and on the
// verification page.
import type { Kopecks, Locale } from '@voltpay/workflows/payment';
import { toOmskWallClock } from './number';

// A private copy of workflows/src/payment/money.ts's formatRoubles: that module is not exported
// from @voltpay/workflows yet. Integer and string math only; U+202F groups, U+00A0 before ₽.
export const formatRoubles = (kopecks: Kopecks, locale: Locale): string => {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`formatRoubles: ${kopecks} is not a whole number of kopecks`);
  const sign = kopecks < 0 ? '-' : '';
  const digits = String(Math.abs(kopecks)).padStart(3, '0');
  const fraction = digits.slice(-2);
  const separator = locale === 'ru' ? '\u202F' : ',';
  const roubles = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, separator);
  return locale === 'ru' ? `${sign}${roubles},${fraction}\u00A0₽` : `${sign}₽${roubles}.${fraction}`;
};

/** `05.01.2026 14:03 (Омск)` — the clerk's wall clock, whatever the server's time zone. */
export const formatOmskInstant = (instant: Date | string, locale: Locale): string => {
  const iso = toOmskWallClock(new Date(instant)).toISOString();
  const [date = '', time = ''] = iso.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year} ${time.slice(0, 5)} (${locale === 'ru' ? 'Омск' : 'Omsk time'})`;
};

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The public page that proves a receipt genuine; the QR code on the PDF opens it. */
export const receiptVerificationUrl = ({ webPublicUrl, number, code }: { webPublicUrl: string; number: string; code: string }) =>
  `${trimSlash(webPublicUrl)}/receipts/verify?${new URLSearchParams({ number, code }).toString()}`;

/** Where the residents' site serves the receipt's PDF. */
export const receiptPdfUrl = ({ webPublicUrl, number }: { webPublicUrl: string; number: string }) =>
  `${trimSlash(webPublicUrl)}/api/v1/receipts/${encodeURIComponent(number)}.pdf`;

/** Street and house; the flat hidden (DESIGN §2.4), as the resident saw it when paying. */
export const maskAddress = ({ street, house, flat }: { street: string; house: string; flat: string | null }) =>
  `${street}, д. ${house}${flat ? ', кв. ••' : ''}`;
