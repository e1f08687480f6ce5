import { z } from 'zod';
import { blankToUndefined } from '../payments/shared.types';
import { ZClaimRow } from './shared.types';

const optional = (schema: z.ZodString) => z.preprocess(blankToUndefined, schema.optional());

export const ZOpenClaimRequest = z.object({
  paymentId: z.preprocess(blankToUndefined, z.uuid('Неверный идентификатор платежа.').optional()),
  receiptNumber: optional(z.string().trim().max(40)),
  /** With the number, lets the server record whether the presented receipt is genuine. */
  receiptCode: optional(z.string().trim().max(40)),
  residentName: z.string().trim().min(2, 'Укажите ФИО заявителя.').max(200),
  residentContact: optional(z.string().trim().max(200)),
  description: z.string().trim().min(5, 'Опишите, что случилось (не короче 5 символов).').max(4000),
});

export const ZOpenClaimResponse = ZClaimRow;

export type TOpenClaimRequest = z.input<typeof ZOpenClaimRequest>;
export type TOpenClaimResponse = z.infer<typeof ZOpenClaimResponse>;
