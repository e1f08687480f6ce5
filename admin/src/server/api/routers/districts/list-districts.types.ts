import { z } from 'zod';
import { ZDistrictKind } from '~/server/reference/schemas';

export const ZListDistrictsRequest = z.void();

export const ZDistrictListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: ZDistrictKind,
  sortOrder: z.number().int(),
  settlementCount: z.number().int(),
  housingOfficeCount: z.number().int(),
  accountCount: z.number().int(),
});

export const ZListDistrictsResponse = z.array(ZDistrictListItem);

export type TDistrictListItem = z.infer<typeof ZDistrictListItem>;
export type TListDistrictsResponse = z.infer<typeof ZListDistrictsResponse>;
