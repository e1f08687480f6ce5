import { z } from 'zod';
import { ZId, ZName, ZSettlementKind, ZSortOrder } from '~/server/reference/schemas';

export const ZUpdateSettlementRequest = z.object({
  id: ZId,
  name: ZName.optional(),
  kind: ZSettlementKind.optional(),
  isDistrictCentre: z.boolean().optional(),
  sortOrder: ZSortOrder.optional(),
});

export const ZUpdateSettlementResponse = z.object({
  id: z.string(),
  districtId: z.string(),
  name: z.string(),
  kind: ZSettlementKind,
  isDistrictCentre: z.boolean(),
  sortOrder: z.number().int(),
});

export type TUpdateSettlementRequest = z.input<typeof ZUpdateSettlementRequest>;
export type TUpdateSettlementResponse = z.infer<typeof ZUpdateSettlementResponse>;
