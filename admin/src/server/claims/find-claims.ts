// The claims list: newest first, optionally one status, paged in the database.
import type { ClaimStatus, PrismaClient } from '@voltpay/prisma';

export type FindClaimsOptions = { prisma: PrismaClient; status?: ClaimStatus | undefined; page: number; pageSize: number };

export const findClaims = async ({ prisma, status, page, pageSize }: FindClaimsOptions) => {
  const where = status ? { status } : {};
  const [total, rows] = await prisma.$transaction([
    prisma.claim.count({ where }),
    prisma.claim.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { openedBy: { select: { name: true } }, assignee: { select: { name: true } } },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    items: rows.map((claim) => ({
      id: claim.id,
      number: claim.number,
      status: claim.status,
      resolution: claim.resolution,
      residentName: claim.residentName,
      receiptNumber: claim.receiptNumber,
      receiptGenuine: claim.receiptGenuine,
      paymentId: claim.paymentId,
      openedByName: claim.openedBy.name,
      assigneeName: claim.assignee?.name ?? null,
      createdAt: claim.createdAt,
      resolvedAt: claim.resolvedAt,
    })),
  };
};
