import type { NextConfig } from 'next';
import { sharedNextConfig } from '@voltpay/stack/next-config';

const config: NextConfig = {
  ...sharedNextConfig,
  // forbidden(): a page refuses a member of staff without its role with a real 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

export default config;
