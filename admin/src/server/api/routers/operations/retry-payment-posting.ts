import { retryPaymentPosting } from '~/server/operations/payment-actions';
import { roleProcedure } from '~/server/api/trpc';
import { ZRetryPaymentPostingRequest, ZRetryPaymentPostingResponse } from './retry-payment-posting.types';

export const retryPaymentPostingRoute = roleProcedure('operator')
  .input(ZRetryPaymentPostingRequest)
  .output(ZRetryPaymentPostingResponse)
  .mutation(({ ctx, input }) => retryPaymentPosting({ prisma: ctx.prisma, temporal: ctx.temporal, staff: ctx.staff, paymentId: input.paymentId }));
