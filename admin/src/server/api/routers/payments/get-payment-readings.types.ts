import { z } from 'zod';

export const ZGetPaymentReadingsRequest = z.object({ paymentId: z.uuid('Неверный идентификатор платежа.') });
export const ZGetPaymentReadingsResponse = z.array(
  z.object({
    zone: z.enum(['SINGLE', 'DAY', 'NIGHT']),
    start: z.number().int().nullable(),
    end: z.number().int(),
    verified: z.boolean(),
    approvedBy: z.string().nullable(),
    approvedAt: z.date().nullable(),
  }),
);

export type TGetPaymentReadingsResponse = z.infer<typeof ZGetPaymentReadingsResponse>;
