// One claim with everything its page and its printable resolution show: notes with authors, the
// payment it concerns (summary and ledger state, for the resolution guards), who resolved it, and
// the audit rows about it.
import type { PrismaClient } from '@voltpay/prisma';
import { ledgerStateOf } from '../payments/payment-record';

export type LoadClaimOptions = { prisma: PrismaClient; claimId: string };

export const loadClaim = async ({ prisma, claimId }: LoadClaimOptions) => {
  const claim = await prisma.claim.findUnique({
    where: { id: claimId },
    include: {
      openedBy: { select: { name: true, email: true } },
      assignee: { select: { name: true, email: true } },
      notes: { orderBy: { createdAt: 'asc' }, include: { author: { select: { name: true, email: true } } } },
      payment: {
        select: {
          id: true,
          status: true,
          statusReason: true,
          totalKopecks: true,
          period: true,
          createdAt: true,
          cardLast4: true,
          receiptEmail: true,
          account: { select: { number: true } },
          receipt: { select: { number: true } },
        },
      },
    },
  });
  if (!claim) return null;
  const [audit, ledger] = await Promise.all([
    prisma.auditLog.findMany({ where: { targetType: 'claim', targetId: claimId }, orderBy: { createdAt: 'asc' } }),
    claim.paymentId ? ledgerStateOf({ prisma, paymentId: claim.paymentId }) : Promise.resolve(null),
  ]);
  const resolveRow = audit.findLast((row) => row.action === 'claim.resolve');
  const resolver = resolveRow ? await prisma.staffUser.findUnique({ where: { email: resolveRow.actorId }, select: { name: true, email: true } }) : null;
  return {
    claim: {
      id: claim.id,
      number: claim.number,
      status: claim.status,
      resolution: claim.resolution,
      resolutionNote: claim.resolutionNote,
      residentName: claim.residentName,
      residentContact: claim.residentContact,
      description: claim.description,
      receiptNumber: claim.receiptNumber,
      receiptGenuine: claim.receiptGenuine,
      evidence: claim.evidence,
      createdAt: claim.createdAt,
      updatedAt: claim.updatedAt,
      resolvedAt: claim.resolvedAt,
      openedBy: claim.openedBy,
      assignee: claim.assignee,
      resolvedBy: resolveRow ? { email: resolveRow.actorId, name: resolver?.name ?? resolveRow.actorId } : null,
    },
    notes: claim.notes.map((note) => ({ id: note.id, body: note.body, createdAt: note.createdAt, author: note.author })),
    payment: claim.payment
      ? {
          id: claim.payment.id,
          status: claim.payment.status,
          statusReason: claim.payment.statusReason,
          totalKopecks: claim.payment.totalKopecks,
          period: claim.payment.period,
          createdAt: claim.payment.createdAt,
          cardLast4: claim.payment.cardLast4,
          receiptEmail: claim.payment.receiptEmail,
          accountNumber: claim.payment.account.number,
          receiptNumber: claim.payment.receipt?.number ?? null,
        }
      : null,
    ledger,
    audit: audit.map((row) => ({
      id: row.id,
      actorId: row.actorId,
      action: row.action,
      before: row.before,
      after: row.after,
      details: row.details,
      createdAt: row.createdAt,
    })),
  };
};

export type LoadedClaim = NonNullable<Awaited<ReturnType<typeof loadClaim>>>;
