// Brings the whole local stack up — Postgres, Temporal, migrations and seed, the worker, the
// sandbox acquirer, web and admin — and takes it down in order. `npm start` keeps state in .data/;
// `npm test` runs a throwaway copy on free ports and temp folders, so both can run at once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRunRecord, stopLeftovers } from './leftovers';
import { log, timedStep } from './log';
import { defaultDataDir, repoRoot, workspaceDir } from './paths';
import { assertPortFree, findFreePort } from './ports';
import { dropDatabase, ensureDatabase, startPostgres, type PostgresHandle } from './postgres';
import { runToCompletion, startProcess, type ManagedProcess } from './processes';
import { loadLocalSecrets } from './secrets';
import { startTemporal, type TemporalHandle } from './temporal-server';

const require = createRequire(import.meta.url);

const STOP_TIMEOUT_MS = 20_000;

export type StackMode = 'start' | 'dev' | 'test';

/** `acquirer`: the sandbox acquirer, when the stack runs it (not when ACQUIRER_URL names another). */
export type StackUrls = { web: string; admin: string; acquirer?: string; temporalUi?: string };

export type StackPids = Partial<Record<'postgres' | 'temporal' | 'worker' | 'acquirer' | 'web' | 'admin', number>>;

export type Stack = {
  urls: StackUrls;
  /** What a process needs to reach this stack (the variables of stack/src/env.ts and the app URLs). */
  env: Record<string, string>;
  /** Rejects when a service dies while the stack is meant to be up. */
  crashed: Promise<never>;
  /** The pid of each service this stack started (not of servers it was only given), for the benchmark's CPU and memory samples. */
  pids: StackPids;
  /** The Temporal dev server's database file, when this stack started the server (its size is the history's). */
  temporalDbFile?: string;
  stop: () => Promise<void>;
};

const intFromEnv = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
};

/**
 * ACQUIRER_URL set by whoever runs `npm start` points at another acquirer (a real one's test
 * environment): then the sandbox is not started and the key and secret must come with it.
 * `npm test` always uses the sandbox: its tests drive the sandbox's test cards.
 */
const externalAcquirerUrl = (mode: StackMode) => (mode === 'test' ? undefined : process.env.ACQUIRER_URL || undefined);

const externalAcquirerCredentials = () => {
  const missing = ['ACQUIRER_API_KEY', 'ACQUIRER_WEBHOOK_SECRET'].filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(`ACQUIRER_URL is set, so ${missing.join(' and ')} must be set too (the local secrets are the sandbox's)`);
  return { ACQUIRER_API_KEY: process.env.ACQUIRER_API_KEY!, ACQUIRER_WEBHOOK_SECRET: process.env.ACQUIRER_WEBHOOK_SECRET! };
};

type Ports = { web: number; admin: number; acquirer: number; postgres: number; temporal: number; temporalUi: number };

const choosePorts = async (mode: StackMode): Promise<Ports> => {
  if (mode === 'test') {
    return {
      web: await findFreePort(),
      admin: await findFreePort(),
      acquirer: await findFreePort(),
      postgres: await findFreePort(),
      temporal: await findFreePort(),
      temporalUi: await findFreePort(),
    };
  }
  const ports = {
    web: intFromEnv('WEB_PORT', 3000),
    admin: intFromEnv('ADMIN_PORT', 3001),
    acquirer: intFromEnv('ACQUIRER_PORT', 3002),
    postgres: intFromEnv('POSTGRES_PORT', 5433),
    temporal: intFromEnv('TEMPORAL_PORT', 7233),
    temporalUi: intFromEnv('TEMPORAL_UI_PORT', 8233),
  };
  await assertPortFree(ports.web, 'the residents’ site', 'WEB_PORT');
  await assertPortFree(ports.admin, 'the staff console', 'ADMIN_PORT');
  if (!externalAcquirerUrl(mode)) await assertPortFree(ports.acquirer, 'the sandbox acquirer', 'ACQUIRER_PORT');
  if (!process.env.DATABASE_URL) await assertPortFree(ports.postgres, 'embedded PostgreSQL', 'POSTGRES_PORT');
  if (!process.env.TEMPORAL_ADDRESS) {
    await assertPortFree(ports.temporal, 'the Temporal dev server', 'TEMPORAL_PORT');
    await assertPortFree(ports.temporalUi, 'the Temporal Web UI', 'TEMPORAL_UI_PORT');
  }
  return ports;
};

const node = (
  args: string[],
  options: { name: string; color: Parameters<typeof startProcess>[0]['color']; env: Record<string, string>; cwd?: string; ipc?: boolean; quiet?: boolean },
) => startProcess({ command: process.execPath, args, cwd: options.cwd ?? repoRoot, ...options });

/** Runs a Turborepo task over the workspace (cached: unchanged packages replay in moments). */
export const runTurbo = (name: string, args: string[]) =>
  runToCompletion({
    name,
    color: 'gray',
    command: process.execPath,
    args: [require.resolve('turbo/bin/turbo'), 'run', ...args],
    cwd: repoRoot,
    env: { SKIP_ENV_VALIDATION: '1', NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
  });

/** Builds web and admin for production, and the worker's workflow bundle. */
export const buildApps = () =>
  timedStep('Building web, admin and the workflow bundle (production builds, cached by Turborepo)', () =>
    runTurbo('build', ['build', '--filter=@voltpay/web', '--filter=@voltpay/admin', '--filter=@voltpay/activities', '--output-logs=new-only']),
  );

const waitForHealthy = async (name: string, url: string, managed: ManagedProcess, { path = '/api/health', timeoutMs = 120_000 } = {}) => {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!managed.isRunning()) throw new Error(`${name} exited while starting`);
    try {
      const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} at ${url} was not healthy within ${timeoutMs / 1000} s (last answer: ${last})`);
};

type StartStackOptions = { mode: StackMode };

export const startStack = async ({ mode }: StartStackOptions): Promise<Stack> => {
  const isTest = mode === 'test';
  const dataDir = isTest ? await mkdtemp(path.join(tmpdir(), 'voltpay-test-')) : defaultDataDir();
  const runRecordFile = path.join(dataDir, 'run', 'processes.json');
  if (!isTest) await stopLeftovers(runRecordFile);
  const runRecord = createRunRecord(runRecordFile);
  const ports = await choosePorts(mode);
  const runId = randomBytes(4).toString('hex');
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  // A shared external Temporal may have other workers: tests get a task queue of their own.
  const taskQueue = isTest ? `voltpay-test-${runId}` : (process.env.TEMPORAL_TASK_QUEUE ?? 'voltpay');
  const externalDatabase = process.env.DATABASE_URL;
  const testDatabase = `voltpay_test_${runId}`;
  const externalAcquirer = externalAcquirerUrl(mode);
  // How browsers reach the sandbox's pages (its own origin); behind a proxy, set SANDBOX_ACQUIRER_PUBLIC_URL.
  const sandboxUrl = (isTest ? undefined : process.env.SANDBOX_ACQUIRER_PUBLIC_URL) ?? `http://localhost:${ports.acquirer}`;

  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const { name, stop: stopOne } of stops.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      // Processes are killed after their own grace period; this bounds anything else (a hung client).
      const timeout = new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not stop within ${STOP_TIMEOUT_MS / 1000} s`)), STOP_TIMEOUT_MS);
      });
      await Promise.race([stopOne(), timeout])
        .catch((error: unknown) => log.warn(`stopping ${name}: ${String(error)}`))
        .finally(() => clearTimeout(timer));
    }
    runRecord.clear();
    if (isTest) await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  };

  let rejectCrash: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    rejectCrash = reject;
  });
  crashed.catch(() => {}); // observed by callers that care; never an unhandled rejection
  const supervise = (managed: ManagedProcess, signature: string) => {
    stops.push({ name: managed.name, stop: () => managed.stop() });
    if (managed.child.pid) runRecord.add({ name: managed.name, pid: managed.child.pid, group: true, signature, signal: 'SIGTERM' });
    void managed.exited.then((code) => {
      if (!stopping) rejectCrash(new Error(`${managed.name} exited unexpectedly (${code})`));
    });
    return managed;
  };

  try {
    // Both are awaited to the end even when one fails, so that stop() knows about the other.
    const [postgresResult, temporalResult] = await Promise.allSettled([
      timedStep(externalDatabase ? 'PostgreSQL (DATABASE_URL)' : `PostgreSQL (embedded, port ${ports.postgres})`, () =>
        startPostgres({
          externalUrl: externalDatabase,
          // With an external server, npm start uses DATABASE_URL's own database; tests make a throwaway one.
          database: isTest ? testDatabase : externalDatabase ? new URL(externalDatabase).pathname.slice(1) || 'voltpay' : 'voltpay',
          dataDir: path.join(dataDir, 'postgres'),
          port: ports.postgres,
          persistent: !isTest,
        }),
      ).then((handle: PostgresHandle) => {
        stops.push({ name: 'postgres', stop: handle.stop });
        if (handle.pid)
          runRecord.add({ name: 'postgres', pid: handle.pid, group: false, signature: handle.dataDir ?? path.join(dataDir, 'postgres'), signal: 'SIGINT' });
        if (isTest && !handle.embedded && externalDatabase) {
          stops.push({ name: 'test database', stop: () => dropDatabase(externalDatabase, testDatabase) });
        }
        return handle;
      }),
      timedStep('Temporal', () =>
        startTemporal({
          port: ports.temporal,
          uiPort: ports.temporalUi,
          dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
          namespace,
          // The console decrypts payloads for its signed-in operators and admins (README "Headers, sessions, secrets").
          codecEndpoint: `${process.env.ADMIN_PUBLIC_URL ?? `http://localhost:${ports.admin}`}/api/codec`,
        }),
      ).then((handle: TemporalHandle) => {
        stops.push({ name: 'temporal', stop: handle.stop });
        if (handle.pid) runRecord.add({ name: 'temporal', pid: handle.pid, group: true, signature: 'start-dev', signal: 'SIGTERM' });
        return handle;
      }),
    ]);
    if (postgresResult.status === 'rejected') throw postgresResult.reason;
    if (temporalResult.status === 'rejected') throw temporalResult.reason;
    const postgres = postgresResult.value;
    const temporal = temporalResult.value;

    const env: Record<string, string> = {
      DATABASE_URL: postgres.databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      // An external cluster's UI is known only to whoever set TEMPORAL_ADDRESS: they may set this too.
      ...((temporal.uiUrl ?? process.env.TEMPORAL_UI_URL) ? { TEMPORAL_UI_URL: temporal.uiUrl ?? process.env.TEMPORAL_UI_URL! } : {}),
      LOG_LEVEL: process.env.LOG_LEVEL ?? (isTest ? 'warn' : 'info'),
      NEXT_TELEMETRY_DISABLED: '1',
      ...(await loadLocalSecrets(dataDir)),
      // After a key rotation: the keys older histories were written with.
      ...(process.env.PAYLOAD_ENCRYPTION_PREVIOUS_KEYS ? { PAYLOAD_ENCRYPTION_PREVIOUS_KEYS: process.env.PAYLOAD_ENCRYPTION_PREVIOUS_KEYS } : {}),
      WEB_PUBLIC_URL: process.env.WEB_PUBLIC_URL ?? `http://localhost:${ports.web}`,
      ADMIN_PUBLIC_URL: process.env.ADMIN_PUBLIC_URL ?? `http://localhost:${ports.admin}`,
      ...(process.env.VOLTPAY_ADMIN_EMAIL ? { VOLTPAY_ADMIN_EMAIL: process.env.VOLTPAY_ADMIN_EMAIL } : {}),
      ACQUIRER_URL: externalAcquirer ?? sandboxUrl,
      ...(externalAcquirer ? externalAcquirerCredentials() : {}),
      ...(process.env.RESEND_API_KEY ? { RESEND_API_KEY: process.env.RESEND_API_KEY } : {}),
      ...(process.env.RESEND_BASE_URL ? { RESEND_BASE_URL: process.env.RESEND_BASE_URL } : {}),
      ...(process.env.EMAIL_FROM ? { EMAIL_FROM: process.env.EMAIL_FROM } : {}),
      // The local stack is a demo: its seeded demo accounts can be paid (VOLTPAY_DEMO=0 to try without).
      VOLTPAY_DEMO: process.env.VOLTPAY_DEMO === '0' ? '0' : '1',
      // Lets tests start payments with second-long timers through the public API; never set in production.
      // (`VOLTPAY_ALLOW_TEST_SETTINGS=1 npm run dev` allows it too, for developing those tests.)
      ...(isTest || process.env.VOLTPAY_ALLOW_TEST_SETTINGS === '1' ? { VOLTPAY_ALLOW_TEST_SETTINGS: '1' } : {}),
      // The tests play the proxy: each resident's browser context sends X-Forwarded-For of its own,
      // so one run's limits are not one shared bucket on 127.0.0.1. Otherwise what the caller set (0: none).
      ...(isTest ? { TRUSTED_PROXY_HOPS: '1' } : process.env.TRUSTED_PROXY_HOPS ? { TRUSTED_PROXY_HOPS: process.env.TRUSTED_PROXY_HOPS } : {}),
    };
    const prismaDir = workspaceDir('prisma');

    // The sandbox acquirer plays a third party: its own database next to ours, its tables its own.
    let sandboxDatabaseUrl: string | undefined;
    if (!externalAcquirer) {
      const sandboxDatabase = `${new URL(postgres.databaseUrl).pathname.slice(1)}_acquirer_sandbox`;
      sandboxDatabaseUrl = await ensureDatabase(postgres.databaseUrl, sandboxDatabase);
      if (isTest && !postgres.embedded) stops.push({ name: 'sandbox acquirer database', stop: () => dropDatabase(postgres.databaseUrl, sandboxDatabase) });
    }

    await timedStep('Database migrations (prisma migrate deploy)', () =>
      runToCompletion({
        name: 'migrate',
        color: 'gray',
        command: process.execPath,
        args: ['--import', 'tsx', path.join(prismaDir, 'engine', 'cli.ts'), 'migrate', 'deploy'],
        cwd: prismaDir,
        env,
        quiet: isTest,
      }),
    );
    await timedStep('Reference and demo data (seed)', () =>
      runToCompletion({
        name: 'seed',
        color: 'gray',
        command: process.execPath,
        args: ['--import', 'tsx', path.join(prismaDir, 'seed', 'cli.ts')],
        cwd: prismaDir,
        env,
        quiet: isTest,
      }),
    );

    if (mode !== 'dev') await buildApps();

    const worker = supervise(
      node([...(mode === 'dev' ? ['--watch'] : []), '--import', 'tsx', path.join(workspaceDir('activities'), 'src', 'main.ts')], {
        name: 'worker',
        color: 'yellow',
        env: { ...env, NODE_ENV: mode === 'dev' ? 'development' : 'production' },
        cwd: workspaceDir('activities'),
        ipc: true,
      }),
      'activities/src/main.ts',
    );
    const nextBin = require.resolve('next/dist/bin/next', { paths: [workspaceDir('web')] });
    const host = process.env.VOLTPAY_HOST ?? '127.0.0.1';
    // Webhooks go straight to web's port: server to server, whatever WEB_PUBLIC_URL says to browsers.
    const webInternalUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${ports.web}`;
    const sandbox = sandboxDatabaseUrl
      ? supervise(
          node(['--import', 'tsx', path.join(workspaceDir('sandbox-acquirer'), 'src', 'main.ts')], {
            name: 'acquirer',
            color: 'cyan',
            env: {
              SANDBOX_ACQUIRER_PORT: String(ports.acquirer),
              SANDBOX_ACQUIRER_HOST: host,
              SANDBOX_ACQUIRER_PUBLIC_URL: sandboxUrl,
              SANDBOX_ACQUIRER_DATABASE_URL: sandboxDatabaseUrl,
              ACQUIRER_API_KEY: env.ACQUIRER_API_KEY!,
              ACQUIRER_WEBHOOK_SECRET: env.ACQUIRER_WEBHOOK_SECRET!,
              SANDBOX_WEBHOOK_URL: `${webInternalUrl}/api/acquirer/webhook`,
              // Tests wait out the "acquirer down" card's outage: long enough for the payment to be
              // UNCONFIRMED and re-checked in vain at least once, short enough to end within a test.
              SANDBOX_OUTAGE_MS: isTest ? '12000' : (process.env.SANDBOX_OUTAGE_MS ?? '120000'),
              LOG_LEVEL: env.LOG_LEVEL!,
            },
            cwd: workspaceDir('sandbox-acquirer'),
          }),
          'sandbox-acquirer/src/main.ts',
        )
      : undefined;
    const startApp = (name: 'web' | 'admin', port: number) =>
      supervise(
        node([nextBin, mode === 'dev' ? 'dev' : 'start', '--port', String(port), '--hostname', host], {
          name,
          color: name === 'web' ? 'green' : 'blue',
          env: {
            ...env,
            PORT: String(port),
            NODE_ENV: mode === 'dev' ? 'development' : 'production',
          },
          cwd: workspaceDir(name),
        }),
        // Next renames its process to "next-server (vX)"; that is what `ps` shows after the start.
        'next-server',
      );
    const web = startApp('web', ports.web);
    const admin = startApp('admin', ports.admin);
    const urls: StackUrls = {
      web: `http://localhost:${ports.web}`,
      admin: `http://localhost:${ports.admin}`,
      ...(sandbox ? { acquirer: sandboxUrl } : {}),
      ...(env.TEMPORAL_UI_URL ? { temporalUi: env.TEMPORAL_UI_URL } : {}),
    };

    await timedStep(sandbox ? 'Worker, sandbox acquirer, site and console' : 'Worker, site and console', () =>
      Promise.all([
        worker.ready(),
        ...(sandbox ? [waitForHealthy('acquirer', sandboxUrl, sandbox, { path: '/health' })] : []),
        waitForHealthy('web', urls.web, web),
        waitForHealthy('admin', urls.admin, admin),
      ]),
    );
    return {
      urls,
      env: {
        ...env,
        WEB_URL: urls.web,
        ADMIN_URL: urls.admin,
        ...(urls.acquirer ? { ACQUIRER_SANDBOX_URL: urls.acquirer } : {}),
        ...(sandboxDatabaseUrl ? { SANDBOX_ACQUIRER_DATABASE_URL: sandboxDatabaseUrl } : {}),
      },
      crashed,
      pids: {
        ...(postgres.pid ? { postgres: postgres.pid } : {}),
        ...(temporal.pid ? { temporal: temporal.pid } : {}),
        ...(worker.child.pid ? { worker: worker.child.pid } : {}),
        ...(sandbox?.child.pid ? { acquirer: sandbox.child.pid } : {}),
        ...(web.child.pid ? { web: web.child.pid } : {}),
        ...(admin.child.pid ? { admin: admin.child.pid } : {}),
      },
      ...(temporal.pid ? { temporalDbFile: path.join(dataDir, 'temporal', 'temporal.db') } : {}),
      stop,
    };
  } catch (error) {
    // The first failure is the one to report; a failing clean-up only adds a warning.
    await stop().catch((stopError: unknown) => log.warn(`cleaning up after the failed start: ${String(stopError)}`));
    throw error;
  }
};
