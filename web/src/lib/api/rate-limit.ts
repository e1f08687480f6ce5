// Token buckets in memory, keyed by client: slows down whoever types account numbers at random to
// learn who lives where (DESIGN §2.4). Per process: with several web instances each counts alone,
// which still bounds a guesser to a small multiple; a shared store can replace this behind `take`.

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Spends one token of `key`'s bucket, if it has one. */
  take: (key: string) => RateLimitDecision;
  /** How many buckets are held (tests, and to see that idle ones are dropped). */
  size: () => number;
};

type Bucket = { tokens: number; updatedAt: number };

export const createRateLimiter = ({
  capacity,
  refillPerSecond,
  now = Date.now,
  maxKeys = 50_000,
}: {
  /** The burst: how many look-ups in a row before waiting. */
  capacity: number;
  /** Tokens regained per second. */
  refillPerSecond: number;
  now?: () => number;
  /** Past this many buckets, full (idle) ones are dropped first, then the oldest. */
  maxKeys?: number;
}): RateLimiter => {
  if (!(capacity >= 1) || !(refillPerSecond > 0)) throw new RangeError('createRateLimiter: capacity >= 1 and refillPerSecond > 0');
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    const elapsedSeconds = Math.max(0, at - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
    bucket.updatedAt = at;
  };

  const prune = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      // A full bucket is the same as no bucket.
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
    // Still too many (a flood of distinct keys): drop the oldest; Maps iterate in insertion order.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    take: (key) => {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) prune(at);
        bucket = { tokens: capacity, updatedAt: at };
        buckets.set(key, bucket);
      } else {
        refill(bucket, at);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens) };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
    },
    size: () => buckets.size,
  };
};

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next's server
 * fills the header from the socket when no proxy did). Behind a reverse proxy that appends to the
 * header this is the real client; a Next server exposed directly trusts what the client sends,
 * so production must sit behind one (README "Public JSON API").
 */
export const clientAddress = (headers: Pick<Headers, 'get'>): string => {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get('x-real-ip')?.trim() ?? 'unknown';
};

const globalForLimiter = globalThis as typeof globalThis & { voltpayAccountLookupLimiter?: RateLimiter };

/** Account look-ups: a burst of 10, then one every 6 seconds (10 a minute) per client address. */
export const accountLookupLimiter = (): RateLimiter =>
  (globalForLimiter.voltpayAccountLookupLimiter ??= createRateLimiter({ capacity: 10, refillPerSecond: 10 / 60 }));
