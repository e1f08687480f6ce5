import { z } from 'zod';
import { ZClaimId, ZClaimResolution, ZClaimRow } from './shared.types';

export const ZResolveClaimRequest = z.object({
  claimId: ZClaimId,
  resolution: ZClaimResolution,
  note: z.string().trim().min(5, 'Опишите решение (не короче 5 символов).').max(4000),
});
export const ZResolveClaimResponse = ZClaimRow;

export type TResolveClaimRequest = z.input<typeof ZResolveClaimRequest>;
export type TResolveClaimResponse = z.infer<typeof ZResolveClaimResponse>;
