import { z } from 'zod';
import { ZDistrictKind, ZId, ZStove, ZTariffPlan } from '~/server/reference/schemas';

export const ZFindAccountsRequest = z.object({
  /** Digits of the number, or a piece of the street. */
  query: z.string().trim().max(100).optional(),
  districtId: ZId.optional(),
  demo: z.enum(['all', 'demo', 'billing']).default('all'),
  page: z.number().int().min(0).max(10_000).default(0),
});

export const ZAccountListItem = z.object({
  id: z.string(),
  number: z.string(),
  districtName: z.string(),
  districtKind: ZDistrictKind,
  settlementName: z.string(),
  housingOfficeIndex: z.string().nullable(),
  address: z.string(),
  tariffPlan: ZTariffPlan,
  stove: ZStove,
  locality: z.enum(['URBAN', 'RURAL']),
  isDemo: z.boolean(),
});

export const ZFindAccountsResponse = z.object({ items: z.array(ZAccountListItem), total: z.number().int(), pageSize: z.number().int() });

export type TFindAccountsRequest = z.input<typeof ZFindAccountsRequest>;
export type TAccountListItem = z.infer<typeof ZAccountListItem>;
export type TFindAccountsResponse = z.infer<typeof ZFindAccountsResponse>;
