import { healthResponse } from '@voltpay/stack/health';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = () => healthResponse({ service: 'admin' });
