import { refundPayment } from '~/server/operations/refund-payment';
import { roleProcedure } from '~/server/api/trpc';
import { ZRefundPaymentRequest, ZRefundPaymentResponse } from './refund-payment.types';

/** Any refundable payment: parked in NEEDS_ATTENTION (its own workflow refunds) or COMPLETED (refund-<id>). */
export const refundPaymentRoute = roleProcedure('operator')
  .input(ZRefundPaymentRequest)
  .output(ZRefundPaymentResponse)
  .mutation(({ ctx, input }) =>
    refundPayment({ prisma: ctx.prisma, temporal: ctx.temporal, staff: ctx.staff, paymentId: input.paymentId, reason: input.reason }),
  );
