// The staff console configuration: the shared server variables plus this app's own.
// Validated when the server starts (src/instrumentation.ts); `next build` sets SKIP_ENV_VALIDATION=1.
import { createEnv } from '@t3-oss/env-nextjs';
import { serverEnv } from '@voltpay/stack/env';

export const env = createEnv({
  extends: [serverEnv],
  // next-auth's AUTH_URL is not configuration: it is derived from ADMIN_PUBLIC_URL (src/auth.ts).
  server: {},
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});
