// How a receipt prints money, instants and URLs, the same on the PDF, in the email and on the
// verification page.
import type { Locale } from '@voltpay/domain';
import { toOmskWallClock } from './number';

/** The shared rule (`1 234,56 ₽`), re-exported so receipt callers need one import. */
export { formatRoubles } from '@voltpay/domain/money';

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

/** Where the residents' site serves the receipt's PDF; the code proves the holder has the receipt (numbers are guessable). */
export const receiptPdfUrl = ({ webPublicUrl, number, code }: { webPublicUrl: string; number: string; code: string }) =>
  `${trimSlash(webPublicUrl)}/api/v1/receipts/${encodeURIComponent(number)}.pdf?${new URLSearchParams({ code }).toString()}`;
