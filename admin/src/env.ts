// The staff console configuration: the shared server variables plus this app's own.
// Validated when the server starts (src/instrumentation.ts); `next build` sets SKIP_ENV_VALIDATION=1.
import { createEnv } from '@t3-oss/env-nextjs';
import { serverEnv } from '@voltpay/stack/env';
import { z } from 'zod';

export const env = createEnv({
  extends: [serverEnv],
  server: {
    /** next-auth's own base (<ADMIN_PUBLIC_URL>/api/auth); the local supervisor sets it. */
    AUTH_URL: z.url().optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});
