import { z } from 'zod';
import { ZId, ZStove, ZTariffPlan } from '~/server/reference/schemas';

/** What a demo account is made of; the locality follows from the settlement, the office from the number. */
export const ZDemoAccountFields = z.object({
  districtId: ZId,
  settlementId: z.uuid({ error: 'Выберите населённый пункт.' }),
  /** City: 4-digit housing-office index + account; region: 6 digits. Spaces and dashes are dropped. */
  number: z.string().trim().min(1, { error: 'Введите номер лицевого счёта.' }).max(40),
  street: z.string().trim().min(1, { error: 'Введите улицу.' }).max(100, { error: 'Не длиннее 100 знаков.' }),
  house: z.string().trim().min(1, { error: 'Введите дом.' }).max(20, { error: 'Не длиннее 20 знаков.' }),
  flat: z
    .string()
    .trim()
    .max(20, { error: 'Не длиннее 20 знаков.' })
    .transform((flat) => (flat === '' ? null : flat)),
  tariffPlan: ZTariffPlan,
  stove: ZStove,
  meterCapacity: z
    .number({ error: 'Разрядность — целое число.' })
    .int({ error: 'Разрядность — целое число.' })
    .min(9, { error: 'Не меньше 9 (одна цифра).' })
    .max(99_999_999, { error: 'Не больше 99 999 999 (восемь цифр).' }),
});

export const ZCreateDemoAccountRequest = ZDemoAccountFields;
export const ZCreateDemoAccountResponse = z.object({ id: z.string() });

export type TCreateDemoAccountRequest = z.input<typeof ZCreateDemoAccountRequest>;
export type TCreateDemoAccountResponse = z.infer<typeof ZCreateDemoAccountResponse>;
