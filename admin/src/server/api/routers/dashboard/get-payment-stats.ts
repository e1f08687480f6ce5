import { getPaymentStats } from '~/server/dashboard/payment-stats';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentStatsRequest, ZGetPaymentStatsResponse } from './get-payment-stats.types';

export const getPaymentStatsRoute = roleProcedure('admin', 'sales', 'operator')
  .input(ZGetPaymentStatsRequest)
  .output(ZGetPaymentStatsResponse)
  .query(({ ctx, input }) => getPaymentStats({ prisma: ctx.prisma, days: input.days }));
