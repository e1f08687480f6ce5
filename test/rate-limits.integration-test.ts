// The rate limits' store: rate-limiter-flexible's RateLimiterPostgres on the `rate_limits` table the
// migrations made. Two pools stand for two app instances: they spend from one allowance.
import { randomUUID } from 'node:crypto';
import { createPostgresLimit } from '@voltpay/stack/rate-limit';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

const pools = [new pg.Pool({ connectionString: stackEnv.databaseUrl, max: 2 }), new pg.Pool({ connectionString: stackEnv.databaseUrl, max: 2 })];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

const instanceLimit = (pool: pg.Pool, name: string) => createPostgresLimit({ pool, name, points: 3, durationSeconds: 60 });

describe('rate limits in PostgreSQL', () => {
  it('two instances spend from one allowance', async () => {
    const name = `test-${randomUUID()}`;
    const [first, second] = pools.map((pool) => instanceLimit(pool, name));
    expect((await first!.take('198.18.0.1')).allowed).toBe(true);
    expect((await second!.take('198.18.0.1')).allowed).toBe(true);
    expect((await first!.take('198.18.0.1')).allowed).toBe(true);
    const refused = await second!.take('198.18.0.1');
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another key has its own allowance.
    expect((await second!.take('198.18.0.2')).allowed).toBe(true);
  });

  it('a database fault is thrown, never taken for "allowed"', async () => {
    const dead = new pg.Pool({ connectionString: 'postgresql://nobody:nothing@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    try {
      await expect(instanceLimit(dead, `test-${randomUUID()}`).take('198.18.0.3')).rejects.toThrow();
    } finally {
      await dead.end();
    }
  });
});
