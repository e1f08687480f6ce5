import type { z } from 'zod';
import { ZPaymentActionResult, ZPaymentId } from './shared.types';

export const ZRetryPaymentPostingRequest = ZPaymentId;
export const ZRetryPaymentPostingResponse = ZPaymentActionResult;

export type TRetryPaymentPostingRequest = z.input<typeof ZRetryPaymentPostingRequest>;
export type TRetryPaymentPostingResponse = z.infer<typeof ZRetryPaymentPostingResponse>;
