import { refundCompletedPayment } from '~/server/operations/refund-completed-payment';
import { roleProcedure } from '~/server/api/trpc';
import { ZRefundCompletedPaymentRequest, ZRefundCompletedPaymentResponse } from './refund-completed-payment.types';

export const refundCompletedPaymentRoute = roleProcedure('operator')
  .input(ZRefundCompletedPaymentRequest)
  .output(ZRefundCompletedPaymentResponse)
  .mutation(({ ctx, input }) =>
    refundCompletedPayment({ prisma: ctx.prisma, temporal: ctx.temporal, staff: ctx.staff, paymentId: input.paymentId, reason: input.reason }),
  );
