import { checkHealth } from '@voltpay/stack/health';
import { publicProcedure } from '../../trpc';
import { ZGetHealthResponse } from './get-health.types';

// Public for now: it reveals reachability and latency only. It moves behind staff sign-in with it.
export const getHealthRoute = publicProcedure
  .output(ZGetHealthResponse)
  .query(() => checkHealth({ service: 'admin' }));
