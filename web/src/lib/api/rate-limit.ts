// The site's rate limits, counted in PostgreSQL by @voltpay/stack/rate-limit so that every web
// instance spends from one allowance, keyed by the client's address as TRUSTED_PROXY_HOPS lets us
// know it (./client-address.ts). They slow down whoever types account numbers at random to learn
// who lives where (DESIGN §2.4), and whoever would start payment workflows by the thousand.
import { postgresLimit, type LimitDecision } from '@voltpay/stack/rate-limit';
import { env } from '~/env';
import { clientAddress } from './client-address';
import { ApiError } from './errors';

export type { LimitDecision } from '@voltpay/stack/rate-limit';

/** Who is asking, as far as the configured proxies let us know. */
export const clientAddressOf = (headers: Pick<Headers, 'get'>): string => clientAddress(headers, env.TRUSTED_PROXY_HOPS);

/** Account look-ups per client address: 10 a minute. */
export const accountLookupByAddressLimit = () => postgresLimit({ name: 'account-lookup-address', points: 10, durationSeconds: 60 });

/**
 * Look-ups of one account number, from anywhere: 20 an hour. A resident checks their own account
 * a few times; a guesser spread over many addresses cannot keep probing one account.
 */
export const accountLookupByAccountLimit = () => postgresLimit({ name: 'account-lookup-account', points: 20, durationSeconds: 60 * 60 });

/**
 * Payments started per client address: 20 in 10 minutes. Each start is a workflow that lives up to
 * 30 minutes (the draft's idle timer); a household, even behind one NAT, starts a handful.
 */
export const paymentStartLimit = () => postgresLimit({ name: 'payment-start', points: 20, durationSeconds: 10 * 60 });

/** 429 TOO_MANY_REQUESTS with Retry-After, for a refused decision. */
export const tooManyRequests = (decision: Extract<LimitDecision, { allowed: false }>) =>
  new ApiError({
    code: 'TOO_MANY_REQUESTS',
    status: 429,
    params: { retryAfterSeconds: decision.retryAfterSeconds },
    headers: { 'retry-after': String(decision.retryAfterSeconds) },
  });

/** Spends one point of every limit given and throws 429 with the longest wait when any is used up. */
export const enforceLimits = async (spends: { limit: { take: (key: string) => Promise<LimitDecision> }; key: string }[]): Promise<void> => {
  // All are spent, even after a refusal: otherwise an address at its limit would stop counting against an account.
  const decisions = await Promise.all(spends.map(({ limit, key }) => limit.take(key)));
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length === 0) return;
  throw tooManyRequests({ allowed: false, retryAfterSeconds: Math.max(...refused.map((decision) => decision.retryAfterSeconds)) });
};
