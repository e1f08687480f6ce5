// How often "My payments" lets anyone ask for a sign-in link or try a receipt look-up, shared by
// every web instance (PostgreSQL, see ~/lib/api/rate-limit.ts). Sign-in links are limited per
// client address and per email address, so nobody can use us to flood someone's mailbox; guest
// look-ups per client address and per account, so receipt numbers and account numbers cannot be
// paired by trying.
import { postgresLimit } from '@voltpay/stack/rate-limit';

/** Sign-in link requests per client address: 5 in 10 minutes. */
export const signInByAddressLimit = () => postgresLimit({ name: 'resident-sign-in-address', points: 5, durationSeconds: 10 * 60 });

/** Sign-in links to one email address: 3 in 15 minutes. */
export const signInByEmailLimit = () => postgresLimit({ name: 'resident-sign-in-email', points: 3, durationSeconds: 15 * 60 });

/** Receipt look-ups by number and account per client address: 5 in 5 minutes. */
export const receiptLookupLimit = () => postgresLimit({ name: 'receipt-lookup-address', points: 5, durationSeconds: 5 * 60 });

/** Receipt look-ups naming one account, from anywhere: 10 an hour. */
export const receiptLookupByAccountLimit = () => postgresLimit({ name: 'receipt-lookup-account', points: 10, durationSeconds: 60 * 60 });

/** Whole minutes to wait, for the message. */
export const minutesToWait = (retryAfterSeconds: number): number => Math.max(1, Math.ceil(retryAfterSeconds / 60));
