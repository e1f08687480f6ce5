import { checkHealth } from '@voltpay/stack/health';
import { staffProcedure } from '~/server/api/trpc';
import { ZGetHealthResponse } from './get-health.types';

// Any signed-in member of staff, whatever their role: every console procedure needs sign-in, and
// this one concerns all of them (probes use the app's /api/health route instead).
export const getHealthRoute = staffProcedure.output(ZGetHealthResponse).query(() => checkHealth({ service: 'admin' }));
