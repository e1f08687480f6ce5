import { getPaymentStats } from '../../../dashboard/payment-stats';
import { roleProcedure } from '../../trpc';
import { ZGetPaymentStatsRequest, ZGetPaymentStatsResponse } from './get-payment-stats.types';

export const getPaymentStatsRoute = roleProcedure('admin', 'sales', 'operator')
  .input(ZGetPaymentStatsRequest)
  .output(ZGetPaymentStatsResponse)
  .query(({ ctx, input }) => getPaymentStats({ prisma: ctx.prisma, days: input.days }));
