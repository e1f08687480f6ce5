// The server-side configuration every Voltpay process shares, validated once at start-up
// (STYLE rule 4). Apps extend it with their own variables; a missing one fails loudly by name.
import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

export const serverEnvSchema = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** host:port of the Temporal frontend (a dev server or a real cluster). */
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d{1,5}$/, 'host:port, e.g. 127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('voltpay'),
  /** Where the Temporal Web UI is, for links from the console; empty when there is none. */
  TEMPORAL_UI_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
};

export const serverEnv = createEnv({
  server: serverEnvSchema,
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // `next build` evaluates route modules before any database exists; apps validate at start instead.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

export type ServerEnv = typeof serverEnv;
