import { retryReceiptDelivery } from '~/server/operations/payment-actions';
import { roleProcedure } from '~/server/api/trpc';
import { ZRetryReceiptDeliveryRequest, ZRetryReceiptDeliveryResponse } from './retry-receipt-delivery.types';

export const retryReceiptDeliveryRoute = roleProcedure('operator')
  .input(ZRetryReceiptDeliveryRequest)
  .output(ZRetryReceiptDeliveryResponse)
  .mutation(({ ctx, input }) =>
    retryReceiptDelivery({
      prisma: ctx.prisma,
      temporal: ctx.temporal,
      staff: ctx.staff,
      paymentId: input.paymentId,
      ...(input.email !== undefined ? { email: input.email } : {}),
    }),
  );
