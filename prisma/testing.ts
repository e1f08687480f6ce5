// Test fixtures: throwaway databases on the test stack's Postgres, unique per run.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type ThrowawayDatabase = { name: string; url: string; drop: () => Promise<void> };

const withClient = async <T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Creates an empty database next to the one `adminUrl` points at (needs CREATEDB rights). */
export const createThrowawayDatabase = async ({ adminUrl, prefix = 'voltpay_test' }: { adminUrl: string; prefix?: string }): Promise<ThrowawayDatabase> => {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE: a client a failed test left open must not keep the database alive.
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
};
