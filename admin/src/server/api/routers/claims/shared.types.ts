// Zod pieces the claims procedures share. Pure zod: client forms import them too.
import { z } from 'zod';

export const CLAIM_STATUSES = ['OPEN', 'INVESTIGATING', 'RESOLVED'] as const;
export const ZClaimStatus = z.enum(CLAIM_STATUSES);
export const CLAIM_RESOLUTIONS = ['POSTED', 'REFUNDED', 'REJECTED'] as const;
export const ZClaimResolution = z.enum(CLAIM_RESOLUTIONS);
export const ZClaimId = z.uuid('Неверный идентификатор заявки.');

export const ZClaimRow = z.object({
  id: z.string(),
  number: z.number().int(),
  status: ZClaimStatus,
  resolution: ZClaimResolution.nullable(),
  paymentId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  receiptGenuine: z.boolean().nullable(),
  residentName: z.string(),
  residentContact: z.string().nullable(),
  description: z.string(),
  resolutionNote: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  resolvedAt: z.date().nullable(),
});

/** What a mutation returns: the claim row, without the evidence blob. */
export const toClaimRow = <T extends z.infer<typeof ZClaimRow>>(claim: T): z.infer<typeof ZClaimRow> => ZClaimRow.parse(claim);
