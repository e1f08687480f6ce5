import { z } from 'zod';
import { ZId, ZName } from '~/server/reference/schemas';

/** Exactly 4 digits, kept as text so leading zeros survive; city account numbers start with it. */
export const ZHousingOfficeIndex = z
  .string()
  .trim()
  .regex(/^[0-9]{4}$/, { error: 'Индекс ЖЭО — ровно 4 цифры (0101).' });

export const ZCreateHousingOfficeRequest = z.object({ districtId: ZId, index: ZHousingOfficeIndex, name: ZName });

export const ZCreateHousingOfficeResponse = z.object({ id: z.string(), districtId: z.string(), index: z.string(), name: z.string(), isDemo: z.boolean() });

export type TCreateHousingOfficeRequest = z.input<typeof ZCreateHousingOfficeRequest>;
export type TCreateHousingOfficeResponse = z.infer<typeof ZCreateHousingOfficeResponse>;
