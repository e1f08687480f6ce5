// Outgoing email: react-email templates, and delivery through Resend or the local outbox.
export { EmailErrorType, findDeliveredEmail, isTransientResendError, sendEmail } from './send';
export { EMAIL_OUTBOX_RETENTION, purgeEmailOutbox, SIGN_IN_EMAIL_KEY_PREFIXES, startEmailOutboxPurge } from './retention';
export type { OutgoingEmail, ResendConfig, SentEmail } from './send';
export { ReceiptEmail, receiptEmailSubject, type ReceiptEmailProps } from './templates/receipt';
