import { TRPCError } from '@trpc/server';
import { serverEnv } from '@voltpay/stack/env';
import { loadPaymentRecord } from '~/server/payments/payment-record';
import { temporalUiWorkflowUrl } from '~/server/payments/temporal-ui';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentRequest, ZGetPaymentResponse } from './get-payment.types';

export const getPaymentRoute = roleProcedure('sales', 'operator', 'admin')
  .input(ZGetPaymentRequest)
  .output(ZGetPaymentResponse)
  .query(async ({ ctx, input }) => {
    const record = await loadPaymentRecord({ prisma: ctx.prisma, paymentId: input.paymentId, webPublicUrl: serverEnv.WEB_PUBLIC_URL });
    if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: 'Платёж не найден (черновики есть только в Temporal).' });
    return {
      ...record,
      temporalUiUrl: temporalUiWorkflowUrl({
        uiUrl: serverEnv.TEMPORAL_UI_URL,
        namespace: serverEnv.TEMPORAL_NAMESPACE,
        workflowId: record.payment.workflowId,
      }),
    };
  });
