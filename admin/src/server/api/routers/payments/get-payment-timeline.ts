import { paymentWorkflowId } from '@voltpay/workflows/payment';
import { loadPaymentTimeline } from '~/server/payments/timeline';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetPaymentTimelineRequest, ZGetPaymentTimelineResponse } from './get-payment-timeline.types';

// From Temporal, not the read model: it works for drafts too, which exist only there.
export const getPaymentTimelineRoute = roleProcedure('sales', 'operator', 'admin')
  .input(ZGetPaymentTimelineRequest)
  .output(ZGetPaymentTimelineResponse)
  .query(({ ctx, input }) => loadPaymentTimeline({ temporal: ctx.temporal, workflowId: paymentWorkflowId(input.paymentId) }));
