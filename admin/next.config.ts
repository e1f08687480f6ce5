import type { NextConfig } from 'next';
import { sharedNextConfig } from '@voltpay/stack/next-config';

const config: NextConfig = { ...sharedNextConfig };

export default config;
