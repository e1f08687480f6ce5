import { createTRPCRouter } from '../../trpc';
import { getHealthRoute } from './get-health';

export const systemRouter = createTRPCRouter({
  getHealth: getHealthRoute,
});
