import { createTRPCRouter } from '~/server/api/trpc';
import { getHealthRoute } from './get-health';

export const systemRouter = createTRPCRouter({
  getHealth: getHealthRoute,
});
