import { TRPCError } from '@trpc/server';
import { fetchAcquirerView, getAcquirerGateway } from '~/server/payments/acquirer-view';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentAcquirerViewRequest, ZGetPaymentAcquirerViewResponse } from './get-payment-acquirer-view.types';

// Asked live on every call: the point is what the acquirer says now, not what we recorded.
export const getPaymentAcquirerViewRoute = roleProcedure('sales', 'operator', 'admin')
  .input(ZGetPaymentAcquirerViewRequest)
  .output(ZGetPaymentAcquirerViewResponse)
  .query(async ({ ctx, input }) => {
    const payment = await ctx.prisma.payment.findUnique({ where: { id: input.paymentId }, select: { acquirerOrderId: true } });
    if (!payment) throw new TRPCError({ code: 'NOT_FOUND', message: 'Платёж не найден.' });
    return fetchAcquirerView({ gateway: getAcquirerGateway(), orderId: payment.acquirerOrderId });
  });
