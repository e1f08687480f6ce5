import type { z } from 'zod';
import { ZPaymentActionResult, ZPaymentId } from './shared.types';

export const ZRecheckPaymentRequest = ZPaymentId;
export const ZRecheckPaymentResponse = ZPaymentActionResult;

export type TRecheckPaymentRequest = z.input<typeof ZRecheckPaymentRequest>;
export type TRecheckPaymentResponse = z.infer<typeof ZRecheckPaymentResponse>;
