import { recheckPayment } from '~/server/operations/payment-actions';
import { roleProcedure } from '~/server/api/trpc';
import { ZRecheckPaymentRequest, ZRecheckPaymentResponse } from './recheck-payment.types';

/** One payment per call: the bulk re-check is the page calling this row by row, so no request runs long. */
export const recheckPaymentRoute = roleProcedure('operator')
  .input(ZRecheckPaymentRequest)
  .output(ZRecheckPaymentResponse)
  .mutation(({ ctx, input }) => recheckPayment({ prisma: ctx.prisma, temporal: ctx.temporal, staff: ctx.staff, paymentId: input.paymentId }));
