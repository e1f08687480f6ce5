// What waits for an operator: payments the acquirer has not confirmed and payments parked in
// NEEDS_ATTENTION, with the one that has waited longest (the first to look at).
import type { PrismaClient } from '@voltpay/prisma';

export const OPERATOR_QUEUE_STATUSES = ['UNCONFIRMED', 'NEEDS_ATTENTION'] as const;
export type OperatorQueueStatus = (typeof OPERATOR_QUEUE_STATUSES)[number];

export type OperatorQueues = {
  counts: Record<OperatorQueueStatus, number>;
  oldest: {
    id: string;
    status: OperatorQueueStatus;
    totalKopecks: number;
    accountNumber: string;
    /** When it entered its state (the read model's last change). */
    since: Date;
    reason: string | null;
  } | null;
};

export const getOperatorQueues = async ({ prisma }: { prisma: PrismaClient }): Promise<OperatorQueues> => {
  const [groups, oldest] = await Promise.all([
    prisma.payment.groupBy({ by: ['status'], where: { status: { in: [...OPERATOR_QUEUE_STATUSES] } }, _count: { _all: true } }),
    prisma.payment.findFirst({
      where: { status: { in: [...OPERATOR_QUEUE_STATUSES] } },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, status: true, totalKopecks: true, updatedAt: true, statusReason: true, account: { select: { number: true } } },
    }),
  ]);
  const counts: Record<OperatorQueueStatus, number> = { UNCONFIRMED: 0, NEEDS_ATTENTION: 0 };
  for (const group of groups) counts[group.status as OperatorQueueStatus] = group._count._all;
  return {
    counts,
    oldest: oldest
      ? {
          id: oldest.id,
          status: oldest.status as OperatorQueueStatus,
          totalKopecks: oldest.totalKopecks,
          accountNumber: oldest.account.number,
          since: oldest.updatedAt,
          reason: oldest.statusReason,
        }
      : null,
  };
};
