import type { z } from 'zod';
import { ZPaymentId, ZRefundView } from './shared.types';

export const ZGetPaymentRefundRequest = ZPaymentId;
export const ZGetPaymentRefundResponse = ZRefundView;

export type TGetPaymentRefundRequest = z.input<typeof ZGetPaymentRefundRequest>;
export type TGetPaymentRefundResponse = z.infer<typeof ZGetPaymentRefundResponse>;
