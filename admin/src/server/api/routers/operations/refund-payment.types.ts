import { z } from 'zod';
import { ZPaymentActionResult, ZPaymentId, ZRefundReason } from './shared.types';

export const ZRefundPaymentRequest = ZPaymentId.extend({ reason: ZRefundReason });
export const ZRefundPaymentResponse = ZPaymentActionResult.extend({
  via: z.enum(['PAYMENT_WORKFLOW', 'REFUND_WORKFLOW']),
  joined: z.boolean(),
});

export type TRefundPaymentRequest = z.input<typeof ZRefundPaymentRequest>;
export type TRefundPaymentResponse = z.infer<typeof ZRefundPaymentResponse>;
