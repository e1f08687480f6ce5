// How often "My payments" lets anyone ask for a sign-in link or try a receipt look-up, per web
// process (see ~/lib/api/rate-limit.ts). Sign-in links are limited per client address and per
// email address, so nobody can use us to flood someone's mailbox; guest look-ups per client
// address, so receipt numbers and account numbers cannot be paired by trying.
import { createRateLimiter, type RateLimiter } from '~/lib/api/rate-limit';

const globalForLimiters = globalThis as typeof globalThis & {
  voltpaySignInByAddress?: RateLimiter;
  voltpaySignInByEmail?: RateLimiter;
  voltpayReceiptLookup?: RateLimiter;
};

/** Sign-in link requests per client address: 5 in a row, then one every 2 minutes. */
export const signInByAddressLimiter = (): RateLimiter =>
  (globalForLimiters.voltpaySignInByAddress ??= createRateLimiter({ capacity: 5, refillPerSecond: 1 / 120 }));

/** Sign-in links to one email address: 3 in a row, then one every 5 minutes. */
export const signInByEmailLimiter = (): RateLimiter =>
  (globalForLimiters.voltpaySignInByEmail ??= createRateLimiter({ capacity: 3, refillPerSecond: 1 / 300 }));

/** Receipt look-ups by number and account per client address: 5 in a row, then one a minute. */
export const receiptLookupLimiter = (): RateLimiter =>
  (globalForLimiters.voltpayReceiptLookup ??= createRateLimiter({ capacity: 5, refillPerSecond: 1 / 60 }));

/** Whole minutes to wait, for the message. */
export const minutesToWait = (retryAfterSeconds: number): number => Math.max(1, Math.ceil(retryAfterSeconds / 60));
