import { z } from 'zod';
import { ZDistrictKind, ZId, ZSettlementKind } from '~/server/reference/schemas';

export const ZGetDistrictRequest = z.object({ id: ZId });

export const ZSettlementItem = z.object({
  id: z.string(),
  districtId: z.string(),
  name: z.string(),
  kind: ZSettlementKind,
  isDistrictCentre: z.boolean(),
  sortOrder: z.number().int(),
  accountCount: z.number().int(),
});

export const ZHousingOfficeItem = z.object({
  id: z.string(),
  districtId: z.string(),
  index: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  accountCount: z.number().int(),
});

export const ZGetDistrictResponse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ZDistrictKind,
  sortOrder: z.number().int(),
  accountCount: z.number().int(),
  settlements: z.array(ZSettlementItem),
  housingOffices: z.array(ZHousingOfficeItem),
});

export type TSettlementItem = z.infer<typeof ZSettlementItem>;
export type THousingOfficeItem = z.infer<typeof ZHousingOfficeItem>;
export type TGetDistrictResponse = z.infer<typeof ZGetDistrictResponse>;
