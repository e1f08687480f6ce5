import { z } from 'zod';
import { ZClaimId } from './shared.types';

export const ZAddClaimNoteRequest = z.object({
  claimId: ZClaimId,
  body: z.string().trim().min(1, 'Пустую заметку добавить нельзя.').max(4000),
});

export const ZAddClaimNoteResponse = z.object({ id: z.string(), body: z.string(), createdAt: z.date() });

export type TAddClaimNoteRequest = z.input<typeof ZAddClaimNoteRequest>;
export type TAddClaimNoteResponse = z.infer<typeof ZAddClaimNoteResponse>;
