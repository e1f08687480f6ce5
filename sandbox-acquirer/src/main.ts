// Sandbox acquirer process entry: `npm start` / `npm test` run it on its own port (its own origin),
// with its own database. Stops on SIGTERM/SIGINT after the current background round.
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createSandboxAcquirer } from './app';
import { createSandboxLog } from './log';
import { createSandboxPool } from './store';

const ZEnv = z.object({
  SANDBOX_ACQUIRER_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
  /** The address to listen on (VOLTPAY_HOST, like web and admin). */
  SANDBOX_ACQUIRER_HOST: z.string().min(1).default('127.0.0.1'),
  /** How residents' browsers reach it; payment links are built on it. */
  SANDBOX_ACQUIRER_PUBLIC_URL: z.url().optional(),
  SANDBOX_ACQUIRER_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  ACQUIRER_API_KEY: z.string().min(16),
  ACQUIRER_WEBHOOK_SECRET: z.string().min(32),
  SANDBOX_WEBHOOK_URL: z.url(),
  SANDBOX_OUTAGE_MS: z.coerce.number().int().min(0).default(120_000),
  LOG_LEVEL: z.string().default('info'),
});

const parsed = ZEnv.safeParse(process.env);
if (!parsed.success) {
  createSandboxLog().error(`sandbox acquirer: bad environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(1);
}
const env = parsed.data;
const log = createSandboxLog(env.LOG_LEVEL);
const pool = createSandboxPool({ databaseUrl: env.SANDBOX_ACQUIRER_DATABASE_URL });
pool.on('error', (error) => log.error(`database: ${error.message}`));

const sandbox = createSandboxAcquirer({
  pool,
  apiKey: env.ACQUIRER_API_KEY,
  webhookSecret: env.ACQUIRER_WEBHOOK_SECRET,
  webhookUrl: env.SANDBOX_WEBHOOK_URL,
  publicUrl: env.SANDBOX_ACQUIRER_PUBLIC_URL ?? `http://localhost:${env.SANDBOX_ACQUIRER_PORT}`,
  outageMs: env.SANDBOX_OUTAGE_MS,
  log,
});
await sandbox.ensureSchema();

const server = serve({ fetch: sandbox.app.fetch, port: env.SANDBOX_ACQUIRER_PORT, hostname: env.SANDBOX_ACQUIRER_HOST }, (info) => {
  log.info(`sandbox acquirer listening on ${env.SANDBOX_ACQUIRER_HOST}:${info.port}; webhooks to ${env.SANDBOX_WEBHOOK_URL}`);
});
sandbox.start();

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: stopping`);
  await sandbox.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
  process.exit(0);
};
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
