// What web and admin need to verify a receipt, load what it prints and render its PDF: plain
// functions taking a Prisma client. The worker's activities (email: react-email, react-dom/server,
// Resend) are in `@voltpay/activities/receipts/activities`, kept out of Next's server graph.
export { loadReceiptDocument, type LoadReceiptDocumentOptions, type ReceiptDocument, type ReceiptDocumentLine, type ReceiptReading } from './document';
export { formatRoubles, receiptPdfUrl, receiptVerificationUrl } from './format';
export { issueReceipt, type IssueReceiptOptions } from './issue';
export { receiptMessages, type ReceiptMessages } from './messages';
export { formatReceiptNumber, normaliseReceiptNumber } from './number';
export { renderReceiptPdf } from './pdf';
export { verifyReceipt, type ReceiptVerification, type VerifyReceiptOptions } from './verify';
export { computeVerificationCode, formatVerificationCode, normaliseVerificationCode, verificationCodesMatch, type VerifiedFields } from './verification-code';
