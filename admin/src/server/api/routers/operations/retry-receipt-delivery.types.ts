import { z } from 'zod';
import { ZPaymentActionResult, ZPaymentId } from './shared.types';

export const ZRetryReceiptDeliveryRequest = ZPaymentId.extend({
  /** Absent: the same address; a string: the corrected address; null: no email (the receipt stays downloadable). */
  email: z.union([z.string().trim().toLowerCase().pipe(z.email('Неверный адрес электронной почты.')), z.null()]).optional(),
});
export const ZRetryReceiptDeliveryResponse = ZPaymentActionResult;

export type TRetryReceiptDeliveryRequest = z.input<typeof ZRetryReceiptDeliveryRequest>;
export type TRetryReceiptDeliveryResponse = z.infer<typeof ZRetryReceiptDeliveryResponse>;
