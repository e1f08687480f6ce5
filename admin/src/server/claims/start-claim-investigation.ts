// OPEN → INVESTIGATING: the clerk takes the claim (becomes its assignee).
import { TRPCError } from '@trpc/server';
import type { PrismaClient } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { claimSnapshot } from './claim-snapshot';

export type StartClaimInvestigationOptions = { prisma: PrismaClient; staff: Pick<StaffIdentity, 'id' | 'email'>; claimId: string };

export const startClaimInvestigation = async ({ prisma, staff, claimId }: StartClaimInvestigationOptions) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: claimId } });
    if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена.' });
    // Conditional on the status read, so two clerks taking it at once cannot both succeed.
    const { count } = await tx.claim.updateMany({ where: { id: claimId, status: 'OPEN' }, data: { status: 'INVESTIGATING', assigneeId: staff.id } });
    if (count === 0) throw new TRPCError({ code: 'CONFLICT', message: 'Проверку можно начать только по открытой заявке.' });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    return {
      result: after,
      audit: { action: 'claim.startInvestigation', targetType: 'claim', targetId: claimId, before: claimSnapshot(before), after: claimSnapshot(after) },
    };
  });
