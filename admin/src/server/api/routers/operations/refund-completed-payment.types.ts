import { z } from 'zod';
import { ZPaymentId, ZRefundReason, ZRefundView } from './shared.types';

export const ZRefundCompletedPaymentRequest = ZPaymentId.extend({ reason: ZRefundReason });
export const ZRefundCompletedPaymentResponse = z.object({
  paymentId: z.string(),
  outcome: z.enum(['DONE', 'IN_PROGRESS']),
  joined: z.boolean(),
  refund: ZRefundView,
  message: z.string(),
});

export type TRefundCompletedPaymentRequest = z.input<typeof ZRefundCompletedPaymentRequest>;
export type TRefundCompletedPaymentResponse = z.infer<typeof ZRefundCompletedPaymentResponse>;
