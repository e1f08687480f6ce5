// Claim notes are append-only: there is no edit or delete, so the record of who said what stands.
import { TRPCError } from '@trpc/server';
import type { PrismaClient } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';

export type AddClaimNoteOptions = { prisma: PrismaClient; staff: Pick<StaffIdentity, 'id' | 'email'>; claimId: string; body: string };

export const addClaimNote = async ({ prisma, staff, claimId, body }: AddClaimNoteOptions) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } });
    if (!claim) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена.' });
    const note = await tx.claimNote.create({ data: { claimId, authorId: staff.id, body } });
    return {
      result: note,
      audit: { action: 'claim.addNote', targetType: 'claim', targetId: claimId, after: { noteId: note.id, body: note.body } },
    };
  });
