import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { sharedNextConfig } from '@voltpay/stack/next-config';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = { ...sharedNextConfig };

export default withNextIntl(config);
