// The receipt: its number and verification code, issuing it, loading what it prints, its PDF and
// verifying it. Plain functions taking a Prisma client, for web, admin and the worker alike; the
// email that carries it is @voltpay/emails', and the worker's activities that issue and deliver it
// are in @voltpay/activities (activities/src/receipts/activities.tsx).
export { loadReceiptDocument, type LoadReceiptDocumentOptions, type ReceiptDocument, type ReceiptDocumentLine, type ReceiptReading } from './document';
export { formatRoubles, receiptPdfUrl, receiptVerificationUrl } from './format';
export { issueReceipt, PaymentNotRecordedError, type IssueReceiptOptions } from './issue';
export { receiptMessages, type ReceiptMessages } from './messages';
export { formatReceiptNumber, normaliseReceiptNumber } from './number';
export { renderReceiptPdf } from './pdf';
export { verifyReceipt, type ReceiptVerification, type VerifyReceiptOptions } from './verify';
export { computeVerificationCode, formatVerificationCode, normaliseVerificationCode, verificationCodesMatch, type VerifiedFields } from './verification-code';
