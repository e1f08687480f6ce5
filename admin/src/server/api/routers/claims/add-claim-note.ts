import { addClaimNote } from '~/server/claims/add-claim-note';
import { roleProcedure } from '~/server/api/trpc';
import { ZAddClaimNoteRequest, ZAddClaimNoteResponse } from './add-claim-note.types';

export const addClaimNoteRoute = roleProcedure('sales')
  .input(ZAddClaimNoteRequest)
  .output(ZAddClaimNoteResponse)
  .mutation(async ({ ctx, input }) => {
    const note = await addClaimNote({ prisma: ctx.prisma, staff: ctx.staff, ...input });
    return { id: note.id, body: note.body, createdAt: note.createdAt };
  });
