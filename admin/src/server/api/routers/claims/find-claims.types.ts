import { z } from 'zod';
import { blankToUndefined, ZPage, ZPageSize } from '../payments/shared.types';
import { ZClaimResolution, ZClaimStatus } from './shared.types';

export const ZFindClaimsRequest = z.object({
  status: z.preprocess(blankToUndefined, ZClaimStatus.optional()),
  page: ZPage,
  pageSize: ZPageSize,
});

export const ZClaimListItem = z.object({
  id: z.string(),
  number: z.number().int(),
  status: ZClaimStatus,
  resolution: ZClaimResolution.nullable(),
  residentName: z.string(),
  receiptNumber: z.string().nullable(),
  receiptGenuine: z.boolean().nullable(),
  paymentId: z.string().nullable(),
  openedByName: z.string(),
  assigneeName: z.string().nullable(),
  createdAt: z.date(),
  resolvedAt: z.date().nullable(),
});

export const ZFindClaimsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZClaimListItem),
});

export type TFindClaimsRequest = z.input<typeof ZFindClaimsRequest>;
export type TFindClaimsResponse = z.infer<typeof ZFindClaimsResponse>;
