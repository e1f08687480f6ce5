// Resolving a claim: the resolution must match the books (POSTED only with a PAYMENT posting and
// no REFUND; REFUNDED only with a REFUND posting), and the evidence is frozen into the claim.
import { TRPCError } from '@trpc/server';
import type { Client } from '@temporalio/client';
import type { AcquirerGateway } from '@voltpay/acquirer-gateway';
import type { ClaimResolution, Prisma, PrismaClient } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { collectPaymentEvidence } from '../payments/collect-evidence';
import { ledgerStateOf } from '../payments/payment-record';
import { claimSnapshot } from './claim-snapshot';

export type ResolveClaimOptions = {
  prisma: PrismaClient;
  temporal: () => Promise<Client>;
  gateway: AcquirerGateway;
  webPublicUrl: string;
  staff: Pick<StaffIdentity, 'id' | 'email'>;
  claimId: string;
  resolution: ClaimResolution;
  note: string;
};

/** Why `resolution` is not allowed by the ledger as it is, or null when it is. */
export const resolutionRefusal = (resolution: ClaimResolution, ledger: { posted: boolean; refunded: boolean } | null): string | null => {
  switch (resolution) {
    case 'POSTED':
      if (!ledger) return 'Заявка не связана с платежом: «зачислен» выбрать нельзя.';
      if (ledger.refunded) return 'Платёж возвращён на карту: «зачислен» выбрать нельзя.';
      return ledger.posted ? null : 'Платёж ещё не проведён в учёте: сначала оператор должен провести его.';
    case 'REFUNDED':
      if (!ledger) return 'Заявка не связана с платежом: «возвращён» выбрать нельзя.';
      return ledger.refunded ? null : 'Возврат по платежу не проведён в учёте: сначала оператор должен оформить возврат.';
    case 'REJECTED':
      return null;
    default: {
      const unknown: never = resolution;
      throw new Error(`unknown resolution ${String(unknown)}`);
    }
  }
};

export const resolveClaim = async ({ prisma, temporal, gateway, webPublicUrl, staff, claimId, resolution, note }: ResolveClaimOptions) => {
  const claim = await prisma.claim.findUnique({ where: { id: claimId } });
  if (!claim) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена.' });
  if (claim.status === 'RESOLVED') throw new TRPCError({ code: 'CONFLICT', message: 'Заявка уже решена.' });
  const refusalNow = resolutionRefusal(resolution, claim.paymentId ? await ledgerStateOf({ prisma, paymentId: claim.paymentId }) : null);
  if (refusalNow) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: refusalNow });

  // Collected before the transaction: it asks the acquirer and Temporal, which may take seconds.
  const evidence = claim.paymentId ? await collectPaymentEvidence({ prisma, temporal, gateway, paymentId: claim.paymentId, webPublicUrl }) : null;

  return auditedTransaction({ prisma, staff }, async (tx) => {
    // Checked again inside the transaction: a refund may have been posted while evidence was collected.
    const ledger = claim.paymentId ? await ledgerStateOf({ prisma: tx, paymentId: claim.paymentId }) : null;
    const refusal = resolutionRefusal(resolution, ledger);
    if (refusal) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: refusal });
    const resolvedAt = new Date();
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, status: { not: 'RESOLVED' } },
      data: {
        status: 'RESOLVED',
        resolution,
        resolutionNote: note,
        resolvedAt,
        assigneeId: claim.assigneeId ?? staff.id,
        // JSON round trip: Dates become ISO strings, as a JSON column stores them anyway.
        evidence: JSON.parse(
          JSON.stringify({ ...(evidence ?? { version: 1, collectedAt: resolvedAt, payment: null }), resolvedBy: staff.email }),
        ) as Prisma.InputJsonValue,
      },
    });
    if (count === 0) throw new TRPCError({ code: 'CONFLICT', message: 'Заявка уже решена.' });
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId } });
    return {
      result: after,
      audit: {
        action: 'claim.resolve',
        targetType: 'claim',
        targetId: claimId,
        before: claimSnapshot(claim),
        after: claimSnapshot(after),
        details: { ledger, evidenceCollectedAt: evidence?.collectedAt ?? null },
      },
    };
  });
};
