import { refundParkedPayment } from '~/server/operations/payment-actions';
import { roleProcedure } from '~/server/api/trpc';
import { ZRefundPaymentRequest, ZRefundPaymentResponse } from './refund-payment.types';

/** A payment parked in NEEDS_ATTENTION (its workflow waits); COMPLETED ones: refundCompletedPayment. */
export const refundPaymentRoute = roleProcedure('operator')
  .input(ZRefundPaymentRequest)
  .output(ZRefundPaymentResponse)
  .mutation(({ ctx, input }) =>
    refundParkedPayment({ prisma: ctx.prisma, temporal: ctx.temporal, staff: ctx.staff, paymentId: input.paymentId, reason: input.reason }),
  );
