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

  /** The residents' site as residents reach it: acquirer return links, webhooks, receipt QR codes. */
  WEB_PUBLIC_URL: z.url(),
  /** The staff console as staff reach it: its sign-in links. */
  ADMIN_PUBLIC_URL: z.url(),
  /** Signs and encrypts the sign-in sessions of the site and the console (next-auth); 32+ random bytes. */
  AUTH_SECRET: z.string().min(32),
  /** The acquirer's API base URL (the sandbox acquirer locally, :3002). */
  ACQUIRER_URL: z.url(),
  /** Our merchant key at the acquirer (sent as a bearer token). */
  ACQUIRER_API_KEY: z.string().min(16),
  /** Shared secret of the HMAC signature on the acquirer's webhooks. */
  ACQUIRER_WEBHOOK_SECRET: z.string().min(32),
  /** Key of the receipts' verification codes (HMAC); changing it invalidates printed receipts. */
  RECEIPT_SECRET: z.string().min(32),
  /** Set: receipts are emailed through Resend. Unset: they go to the local outbox table. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend's API base URL, for a proxy or a test double. */
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default('Voltpay <receipts@voltpay.local>'),
  /** AES-256 key (base64, 32 bytes) that encrypts Temporal payloads: personal data stays out of history. */
  PAYLOAD_ENCRYPTION_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '32 bytes, base64 (openssl rand -base64 32)'),
  /** Comma-separated earlier keys, still accepted for decryption after a rotation. */
  PAYLOAD_ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
  /**
   * 1: the demo mode of `npm start` and `npm test`: demo accounts (is_demo) can be paid and the
   * seed adds the demo data. Unset in production: a demo account is as unknown as any other number.
   */
  VOLTPAY_DEMO: z.enum(['0', '1']).default('0'),
};

/** The data converter options of this process, from the environment. */
export const payloadEncryptionFromEnv = (env: { PAYLOAD_ENCRYPTION_KEY: string; PAYLOAD_ENCRYPTION_PREVIOUS_KEYS?: string | undefined }) => ({
  key: env.PAYLOAD_ENCRYPTION_KEY,
  previousKeys: (env.PAYLOAD_ENCRYPTION_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean),
});

export const serverEnv = createEnv({
  server: serverEnvSchema,
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  // `next build` evaluates route modules before any database exists; apps validate at start instead.
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});

export type ServerEnv = typeof serverEnv;
