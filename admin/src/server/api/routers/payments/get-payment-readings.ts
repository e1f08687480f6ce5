import { getPaymentReadings } from '~/server/readings/declared-readings';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentReadingsRequest, ZGetPaymentReadingsResponse } from './get-payment-readings.types';

export const getPaymentReadingsRoute = roleProcedure('sales', 'operator', 'admin')
  .input(ZGetPaymentReadingsRequest)
  .output(ZGetPaymentReadingsResponse)
  .query(({ ctx, input }) => getPaymentReadings({ prisma: ctx.prisma, paymentId: input.paymentId }));
