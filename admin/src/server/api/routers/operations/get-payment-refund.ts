import { getPaymentRefund } from '~/server/operations/refund-payment';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentRefundRequest, ZGetPaymentRefundResponse } from './get-payment-refund.types';

// Read-only, so the sales desk may show a refund's progress on the payment page as well.
export const getPaymentRefundRoute = roleProcedure('operator', 'sales', 'admin')
  .input(ZGetPaymentRefundRequest)
  .output(ZGetPaymentRefundResponse)
  .query(async ({ ctx, input }) => getPaymentRefund({ client: await ctx.temporal(), paymentId: input.paymentId }));
