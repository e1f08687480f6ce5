// The billing ledger: double-entry postings of payments and refunds, unique per payment.
export { createLedgerActivities, LedgerErrorType } from './activities';
export { ACQUIRER_CLEARING, CUSTOMER_RECEIVABLE, planPaymentEntries, reverseEntries, sumByDirection, type PlannedEntry } from './entries';
