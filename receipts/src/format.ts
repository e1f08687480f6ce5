// How a receipt prints money and URLs, the same on the PDF, in the email and on the verification
// page; instants are Omsk time (@voltpay/domain/omsk-time).

/** The shared rule (`1 234,56 ₽`), re-exported so receipt callers need one import. */
export { formatRoubles } from '@voltpay/domain/money';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The public page that proves a receipt genuine; the QR code on the PDF opens it. */
export const receiptVerificationUrl = ({ webPublicUrl, number, code }: { webPublicUrl: string; number: string; code: string }) =>
  `${trimSlash(webPublicUrl)}/receipts/verify?${new URLSearchParams({ number, code }).toString()}`;

/** Where the residents' site serves the receipt's PDF; the code proves the holder has the receipt (numbers are guessable). */
export const receiptPdfUrl = ({ webPublicUrl, number, code }: { webPublicUrl: string; number: string; code: string }) =>
  `${trimSlash(webPublicUrl)}/api/v1/receipts/${encodeURIComponent(number)}.pdf?${new URLSearchParams({ code }).toString()}`;
