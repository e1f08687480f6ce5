import { z } from 'zod';
import { ZDistrictKind, ZId, ZStove, ZTariffPlan } from '~/server/reference/schemas';

export const ZGetAccountRequest = z.object({ id: ZId });

export const ZAccountPeriod = z.object({
  period: z.string(),
  commonAreaKopecks: z.number().int().nullable(),
  penaltyKopecks: z.number().int().nullable(),
  electricityKopecks: z.number().int().nullable(),
  debtKopecks: z.number().int().nullable(),
});

export const ZGetAccountResponse = z.object({
  id: z.string(),
  number: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  districtKind: ZDistrictKind,
  settlementId: z.string(),
  settlementName: z.string(),
  housingOfficeIndex: z.string().nullable(),
  street: z.string(),
  house: z.string(),
  flat: z.string().nullable(),
  tariffPlan: ZTariffPlan,
  stove: ZStove,
  locality: z.enum(['URBAN', 'RURAL']),
  meterCapacity: z.number().int(),
  isDemo: z.boolean(),
  paymentCount: z.number().int(),
  readingCount: z.number().int(),
  periods: z.array(ZAccountPeriod),
});

export type TAccountPeriod = z.infer<typeof ZAccountPeriod>;
export type TGetAccountResponse = z.infer<typeof ZGetAccountResponse>;
