// Reading the audit trail: newest first, a page at a time, narrowed by who, what and to which record.
import type { Prisma, PrismaClient } from '@voltpay/prisma';
import { omskDayStart } from '@voltpay/domain/omsk-time';

const DAY_MS = 24 * 60 * 60 * 1000;

export type AuditFilter = {
  /** Part of the actor's id (staff email, workflow id), any case. */
  actor?: string;
  /** An action (`staff.create`) or an area prefix ending in a dot (`staff.`). */
  action?: string;
  targetType?: string;
  /** Part of the target's id. */
  targetId?: string;
  /** Omsk calendar days, `YYYY-MM-DD`, both inclusive. */
  from?: string;
  to?: string;
};

export const auditWhereOf = ({ actor, action, targetType, targetId, from, to }: AuditFilter): Prisma.AuditLogWhereInput => ({
  ...(actor ? { actorId: { contains: actor, mode: 'insensitive' } } : {}),
  ...(action ? (action.endsWith('.') ? { action: { startsWith: action } } : { action }) : {}),
  ...(targetType ? { targetType } : {}),
  ...(targetId ? { targetId: { contains: targetId, mode: 'insensitive' } } : {}),
  ...(from || to ? { createdAt: { ...(from ? { gte: omskDayStart(from) } : {}), ...(to ? { lt: new Date(omskDayStart(to).getTime() + DAY_MS) } : {}) } } : {}),
});

export const findAuditEntries = async ({ prisma, filter, page, pageSize }: { prisma: PrismaClient; filter: AuditFilter; page: number; pageSize: number }) => {
  const where = auditWhereOf(filter);
  const [total, items] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page, pageSize, items };
};

/** The actions and target types that occur, for the filter's pick lists. */
export const getAuditFacets = async ({ prisma }: { prisma: PrismaClient }) => {
  const [actions, targetTypes] = await Promise.all([
    prisma.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    prisma.auditLog.findMany({ distinct: ['targetType'], select: { targetType: true }, orderBy: { targetType: 'asc' } }),
  ]);
  return { actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
};
