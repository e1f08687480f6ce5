import { z } from 'zod';
import { ZKopecks, ZPaymentStatus } from '../payments/shared.types';

export const ZCheckReceiptRequest = z.object({
  number: z.string().trim().min(1, 'Введите номер квитанции.').max(40),
  code: z.string().trim().min(1, 'Введите код проверки.').max(40),
});

export const ZCheckReceiptResponse = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('GENUINE'),
    number: z.string(),
    paymentId: z.string(),
    issuedAt: z.string(),
    totalKopecks: ZKopecks,
    period: z.string(),
    accountNumber: z.string(),
    paymentStatus: ZPaymentStatus,
  }),
  z.object({ outcome: z.literal('FORGED'), number: z.string(), paymentId: z.string() }),
  z.object({ outcome: z.literal('NOT_FOUND'), number: z.string() }),
]);

export type TCheckReceiptRequest = z.input<typeof ZCheckReceiptRequest>;
export type TCheckReceiptResponse = z.infer<typeof ZCheckReceiptResponse>;
