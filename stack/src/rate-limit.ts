// The rate limits of the site and the console, counted in PostgreSQL so that every instance of
// either app spends from the same allowance (DESIGN §6: nothing assumes one process). One library
// (rate-limiter-flexible) and one table (`rate_limits`, created by a Prisma migration) for all.
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type LimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export type Limit = {
  /** Spends one point of `key`'s allowance, if any is left. */
  take: (key: string) => Promise<LimitDecision>;
};

/** The table of the migration `rate_limits`; the library only reads and upserts it. */
export const RATE_LIMIT_TABLE = 'rate_limits';

const globalForLimits = globalThis as typeof globalThis & { voltpayRateLimitPool?: pg.Pool; voltpayLimits?: Map<string, Limit> };

/** A small pool of its own: the limits are one upsert each, and must not queue behind Prisma's work. */
const pool = () => (globalForLimits.voltpayRateLimitPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, idleTimeoutMillis: 30_000 }));

/** The decision of a limiter of the library: it resolves when points were left and rejects with RateLimiterRes when not. */
export const limitOf = (limiter: RateLimiterAbstract): Limit => ({
  take: (key) =>
    limiter.consume(key).then(
      (result): LimitDecision => ({ allowed: true, remaining: result.remainingPoints }),
      (rejection: unknown): LimitDecision => {
        // Any other rejection is a fault (the database is down): it is thrown, never read as "allowed".
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      },
    ),
});

export type LimitOptions = {
  /** Names the limit; part of every row's key, so limits never share counts. */
  name: string;
  /** How many in one window. */
  points: number;
  /** The window, in seconds, from the first spend of a key. */
  durationSeconds: number;
};

/** A limit counted in the `rate_limits` table of `pool`'s database. */
export const createPostgresLimit = ({ pool: storeClient, name, points, durationSeconds }: LimitOptions & { pool: pg.Pool }): Limit =>
  limitOf(
    new RateLimiterPostgres({
      storeClient,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      // The migration made it: the library's own CREATE TABLE would race the migrations and leave a
      // table Prisma does not know.
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: durationSeconds,
    }),
  );

/** A limit counted in PostgreSQL (DATABASE_URL), one object per name and process. */
export const postgresLimit = (options: LimitOptions): Limit => {
  const limits = (globalForLimits.voltpayLimits ??= new Map<string, Limit>());
  let limit = limits.get(options.name);
  if (!limit) {
    limit = createPostgresLimit({ pool: pool(), ...options });
    limits.set(options.name, limit);
  }
  return limit;
};
