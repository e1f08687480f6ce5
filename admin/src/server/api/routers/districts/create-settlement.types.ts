import { z } from 'zod';
import { ZId, ZName, ZSettlementKind, ZSortOrder } from '~/server/reference/schemas';

export const ZCreateSettlementRequest = z.object({
  districtId: ZId,
  name: ZName,
  kind: ZSettlementKind,
  /** Marking a new centre takes the mark from the previous one. */
  isDistrictCentre: z.boolean(),
  sortOrder: ZSortOrder,
});

export const ZCreateSettlementResponse = z.object({
  id: z.string(),
  districtId: z.string(),
  name: z.string(),
  kind: ZSettlementKind,
  isDistrictCentre: z.boolean(),
  sortOrder: z.number().int(),
});

export type TCreateSettlementRequest = z.input<typeof ZCreateSettlementRequest>;
export type TCreateSettlementResponse = z.infer<typeof ZCreateSettlementResponse>;
