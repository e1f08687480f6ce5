import { createTRPCRouter } from '~/server/api/trpc';
import { getOperatorQueuesRoute } from './get-operator-queues';
import { getPaymentStatsRoute } from './get-payment-stats';

export const dashboardRouter = createTRPCRouter({
  getPaymentStats: getPaymentStatsRoute,
  getOperatorQueues: getOperatorQueuesRoute,
});
