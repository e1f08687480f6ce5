// The residents' site configuration: the shared server variables plus this app's own.
// Validated when the server starts (src/instrumentation.ts); `next build` sets SKIP_ENV_VALIDATION=1.
import { createEnv } from '@t3-oss/env-nextjs';
import { serverEnv } from '@voltpay/stack/env';
import { TrustedProxyHops } from './lib/api/client-address';

export const env = createEnv({
  extends: [serverEnv],
  server: {
    TRUSTED_PROXY_HOPS: TrustedProxyHops,
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === '1',
});
