// Who may use the console and as what: listing, adding, changing roles, switching accounts off and
// on. Every change is audited in its own transaction, and the console is never left without an
// active admin (changes that would remove the last one are refused under a lock, so two admins
// demoting each other at the same moment cannot both succeed).
import type { Prisma, PrismaClient, StaffRole } from '@voltpay/prisma';
import { auditedTransaction } from '../audit/audit';
import { actionError, databaseViolation, fieldError } from '../reference/errors';
import type { StaffIdentity } from '../api/trpc';

type Actor = Pick<StaffIdentity, 'id' | 'email'>;

const staffSelect = {
  id: true,
  email: true,
  name: true,
  roles: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} satisfies Prisma.StaffUserSelect;

export type StaffUserRow = Prisma.StaffUserGetPayload<{ select: typeof staffSelect }> & { activeSessions: number };

// Roles in one order everywhere (the enum's), so audit before/after compare cleanly.
const ROLE_ORDER: StaffRole[] = ['admin', 'sales', 'operator'];
const sortRoles = (roles: StaffRole[]) => ROLE_ORDER.filter((role) => roles.includes(role));

const snapshot = (user: { email: string; name: string; roles: StaffRole[]; active: boolean }) => ({
  email: user.email,
  name: user.name,
  roles: sortRoles(user.roles),
  active: user.active,
});

export const listStaffUsers = async ({ prisma, now = new Date() }: { prisma: PrismaClient; now?: Date }): Promise<StaffUserRow[]> => {
  const users = await prisma.staffUser.findMany({
    select: { ...staffSelect, _count: { select: { sessions: { where: { expires: { gt: now } } } } } },
    orderBy: [{ active: 'desc' }, { email: 'asc' }],
  });
  return users.map(({ _count, ...user }) => ({ ...user, roles: sortRoles(user.roles), activeSessions: _count.sessions }));
};

/** Serialises every change that could remove an admin (held until the transaction ends). */
const lockAdmins = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('voltpay.staff.admins'))`;

const otherActiveAdmins = (tx: Prisma.TransactionClient, userId: string) =>
  tx.staffUser.count({ where: { id: { not: userId }, active: true, roles: { has: 'admin' } } });

const findOrRefuse = async (tx: Prisma.TransactionClient, id: string) => {
  const user = await tx.staffUser.findUnique({ where: { id } });
  if (!user) throw actionError({ code: 'NOT_FOUND', message: 'Такого сотрудника нет.' });
  return user;
};

export const createStaffUser = async ({
  prisma,
  actor,
  email,
  name,
  roles,
}: {
  prisma: PrismaClient;
  actor: Actor;
  email: string;
  name: string;
  roles: StaffRole[];
}) => {
  const normalised = email.trim().toLowerCase();
  try {
    return await auditedTransaction({ prisma, staff: actor }, async (tx) => {
      if (await tx.staffUser.findUnique({ where: { email: normalised } }))
        throw fieldError({ field: 'email', code: 'CONFLICT', message: 'Сотрудник с такой почтой уже есть.' });
      const user = await tx.staffUser.create({ data: { email: normalised, name: name.trim(), roles: sortRoles(roles) }, select: staffSelect });
      return { result: user, audit: { action: 'staff.create', targetType: 'staffUser', targetId: user.id, after: snapshot(user) } };
    });
  } catch (error) {
    // Two admins adding the same person at once: the unique key decides.
    if (databaseViolation(error, '23505')) throw fieldError({ field: 'email', code: 'CONFLICT', message: 'Сотрудник с такой почтой уже есть.' });
    throw error;
  }
};

export const updateStaffRoles = async ({ prisma, actor, id, roles }: { prisma: PrismaClient; actor: Actor; id: string; roles: StaffRole[] }) =>
  auditedTransaction({ prisma, staff: actor }, async (tx) => {
    await lockAdmins(tx);
    const before = await findOrRefuse(tx, id);
    if (before.active && before.roles.includes('admin') && !roles.includes('admin') && (await otherActiveAdmins(tx, id)) === 0)
      throw fieldError({ field: 'roles', code: 'CONFLICT', message: 'Это последний действующий администратор: сначала назначьте другого.' });
    const after = await tx.staffUser.update({ where: { id }, data: { roles: sortRoles(roles) }, select: staffSelect });
    return {
      result: after,
      audit: { action: 'staff.updateRoles', targetType: 'staffUser', targetId: id, before: snapshot(before), after: snapshot(after) },
    };
  });

/** Switches an account off and ends its sessions at once (the next request of that browser is signed out). */
export const deactivateStaffUser = async ({ prisma, actor, id }: { prisma: PrismaClient; actor: Actor; id: string }) =>
  auditedTransaction({ prisma, staff: actor }, async (tx) => {
    await lockAdmins(tx);
    const before = await findOrRefuse(tx, id);
    if (id === actor.id) throw actionError({ message: 'Свою учётную запись отключить нельзя: попросите другого администратора.' });
    if (before.active && before.roles.includes('admin') && (await otherActiveAdmins(tx, id)) === 0)
      throw actionError({ message: 'Это последний действующий администратор: сначала назначьте другого.' });
    const after = await tx.staffUser.update({ where: { id }, data: { active: false }, select: staffSelect });
    const { count: sessionsEnded } = await tx.staffSession.deleteMany({ where: { userId: id } });
    // Unused sign-in links die with the account too.
    await tx.authVerificationToken.deleteMany({ where: { realm: 'STAFF', identifier: before.email } });
    return {
      result: { ...after, sessionsEnded },
      audit: {
        action: 'staff.deactivate',
        targetType: 'staffUser',
        targetId: id,
        before: snapshot(before),
        after: snapshot(after),
        details: { sessionsEnded },
      },
    };
  });

export const reactivateStaffUser = async ({ prisma, actor, id }: { prisma: PrismaClient; actor: Actor; id: string }) =>
  auditedTransaction({ prisma, staff: actor }, async (tx) => {
    const before = await findOrRefuse(tx, id);
    const after = await tx.staffUser.update({ where: { id }, data: { active: true }, select: staffSelect });
    return { result: after, audit: { action: 'staff.reactivate', targetType: 'staffUser', targetId: id, before: snapshot(before), after: snapshot(after) } };
  });
