// Who may call what in the staff console. A role × procedure matrix over EVERY procedure of the
// console's router (areas added later are covered without touching this file), then the staff
// area's own rules: audited changes, the last active admin, deactivation ending sessions at once,
// and the Origin check on the HTTP endpoint.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { appRouter, hashStaffSessionToken, type ProcedureMeta } from '@voltpay/admin/testing';
import { createPrismaClient, type PrismaClient, type StaffRole } from '@voltpay/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase } from './support/databases';
import { createStaffUser, deleteStaffUsers, staffCaller, type StaffIdentity } from './support/staff';
import { stackEnv } from './support/stack-env';

const ROLES: StaffRole[] = ['admin', 'sales', 'operator'];

/** Procedures open to any signed-in member of staff, whatever their roles. Keep it short. */
const ANY_STAFF = new Set(['system.getHealth']);

type ProcedureInfo = { path: string; type: 'query' | 'mutation' | 'subscription'; roles: StaffRole[] | undefined; hasInput: boolean };

// tRPC keeps a flat map of dotted paths to procedures; each knows its type, meta and input parsers.
const procedures: ProcedureInfo[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureInfo['type']; meta?: ProcedureMeta; inputs: unknown[] } }>,
)
  .map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    roles: procedure._def.meta?.roles,
    hasInput: procedure._def.inputs.length > 0,
  }))
  .sort((a, b) => a.path.localeCompare(b.path));

type Caller = ReturnType<typeof staffCaller>;

// Not an input any schema of ours accepts: an allowed call stops at validation (BAD_REQUEST) after
// the role check, so the matrix changes nothing even for mutations.
const PROBE = Symbol('role-matrix-probe');

const callByPath = async (caller: Caller, path: string): Promise<unknown> => {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(PROBE);
};

const errorCodeOf = async (call: () => Promise<unknown>): Promise<string | null> => {
  try {
    await call();
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe('the console’s role × procedure matrix', () => {
  let prisma: PrismaClient;
  const created: StaffIdentity[] = [];
  const staffByRole = new Map<StaffRole | 'none', StaffIdentity>();

  beforeAll(async () => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
    for (const role of ROLES) {
      const staff = await createStaffUser({ prisma, roles: [role] });
      created.push(staff);
      staffByRole.set(role, staff);
    }
    const none = await createStaffUser({ prisma, roles: [] });
    created.push(none);
    staffByRole.set('none', none);
  });

  afterAll(async () => {
    await deleteStaffUsers({ prisma, users: created });
    await prisma.$disconnect();
  });

  it('finds the procedures (the matrix is not empty)', () => {
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining(['system.getHealth', 'dashboard.getPaymentStats', 'staff.createStaffUser', 'audit.findAuditEntries']),
    );
  });

  it('every procedure but the allow-list declares the roles it admits', () => {
    const undeclared = procedures.filter((p) => !ANY_STAFF.has(p.path) && !(p.roles && p.roles.length > 0)).map((p) => p.path);
    expect(undeclared).toEqual([]);
    for (const p of procedures) for (const role of p.roles ?? []) expect(ROLES, p.path).toContain(role);
  });

  it('every procedure refuses a caller who is not signed in with UNAUTHORIZED', async () => {
    const caller = staffCaller({ prisma, staff: null });
    const outcomes = await Promise.all(procedures.map(async (p) => [p.path, await errorCodeOf(() => callByPath(caller, p.path))] as const));
    expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(procedures.map((p) => [p.path, 'UNAUTHORIZED'])));
  });

  it('every procedure with roles refuses staff without any of them with FORBIDDEN', async () => {
    const refusals: Record<string, string | null> = {};
    const expected: Record<string, string> = {};
    for (const who of [...ROLES, 'none'] as const) {
      const caller = staffCaller({ prisma, staff: staffByRole.get(who)! });
      for (const p of procedures) {
        const admitted = p.roles === undefined || (who !== 'none' && p.roles.includes(who));
        if (admitted) continue;
        expected[`${who} → ${p.path}`] = 'FORBIDDEN';
        refusals[`${who} → ${p.path}`] = await errorCodeOf(() => callByPath(caller, p.path));
      }
    }
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(refusals).toEqual(expected);
  });

  it('every procedure lets through the roles it names (the call gets past the role check)', async () => {
    const passed: Record<string, boolean> = {};
    for (const role of ROLES) {
      const caller = staffCaller({ prisma, staff: staffByRole.get(role)! });
      for (const p of procedures) {
        if (!(p.roles === undefined || p.roles.includes(role))) continue;
        // A mutation without input would run for real: its role list above is all we check.
        if (p.type === 'mutation' && !p.hasInput) continue;
        const code = await errorCodeOf(() => callByPath(caller, p.path));
        passed[`${role} → ${p.path}`] = code !== 'FORBIDDEN' && code !== 'UNAUTHORIZED';
      }
    }
    expect(Object.values(passed).length).toBeGreaterThan(0);
    expect(
      Object.entries(passed)
        .filter(([, ok]) => !ok)
        .map(([key]) => key),
    ).toEqual([]);
  });

  it('a member of staff without roles may still see the health of the system, and nothing else', async () => {
    const caller = staffCaller({ prisma, staff: staffByRole.get('none')! });
    const health = await caller.system.getHealth();
    expect(health.service).toBe('admin');
  });
});

describe('staff management', () => {
  let prisma: PrismaClient;
  const created: StaffIdentity[] = [];
  let admin: StaffIdentity;

  beforeAll(async () => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
    admin = await createStaffUser({ prisma, roles: ['admin'] });
    created.push(admin);
  });

  afterAll(async () => {
    await deleteStaffUsers({ prisma, users: created });
    await prisma.$disconnect();
  });

  it('adding a member of staff, changing their roles and switching them off and on each write an audit row', async () => {
    const caller = staffCaller({ prisma, staff: admin });
    const email = `New-Clerk-${randomUUID().slice(0, 8)}@Voltpay.test`;
    const user = await caller.staff.createStaffUser({ email, name: '  Анна Новикова ', roles: ['sales'] });
    created.push(user);
    expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Анна Новикова', roles: ['sales'], active: true });

    await caller.staff.updateStaffRoles({ id: user.id, roles: ['operator', 'sales'] });
    await caller.staff.deactivateStaffUser({ id: user.id });
    await caller.staff.reactivateStaffUser({ id: user.id });

    const rows = await prisma.auditLog.findMany({ where: { targetType: 'staffUser', targetId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.actorType, r.actorId, r.action])).toEqual([
      ['STAFF', admin.email, 'staff.create'],
      ['STAFF', admin.email, 'staff.updateRoles'],
      ['STAFF', admin.email, 'staff.deactivate'],
      ['STAFF', admin.email, 'staff.reactivate'],
    ]);
    expect(rows[0]!.after).toMatchObject({ email: email.toLowerCase(), roles: ['sales'], active: true });
    expect(rows[1]!.before).toMatchObject({ roles: ['sales'] });
    expect(rows[1]!.after).toMatchObject({ roles: ['sales', 'operator'] });
    expect(rows[2]!.after).toMatchObject({ active: false });
    expect(rows[2]!.details).toMatchObject({ sessionsEnded: 0 });

    // The audit viewer finds them by actor, area and target.
    const found = await caller.audit.findAuditEntries({ actor: admin.email, action: 'staff.', targetId: user.id });
    expect(found.total).toBe(4);
    expect(found.items.map((i) => i.action)).toEqual(['staff.reactivate', 'staff.deactivate', 'staff.updateRoles', 'staff.create']);
  });

  it('bad input is refused field by field and changes nothing', async () => {
    const caller = staffCaller({ prisma, staff: admin });
    const before = await prisma.staffUser.count();
    const error = await caller.staff.createStaffUser({ email: 'not-an-email', name: '', roles: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const duplicate = await caller.staff.createStaffUser({ email: admin.email, name: 'Двойник', roles: ['sales'] }).catch((e: unknown) => e);
    expect((duplicate as TRPCError).code).toBe('CONFLICT');
    expect(await prisma.staffUser.count()).toBe(before);
  });

  it('switching a member of staff off ends their sessions at once: their next request is refused', async () => {
    const clerk = await createStaffUser({ prisma, roles: ['sales'] });
    created.push(clerk);
    const sessionToken = randomUUID();
    await prisma.staffSession.create({
      data: { sessionToken: hashStaffSessionToken(sessionToken), userId: clerk.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const cookie = `voltpay-staff.session-token=${sessionToken}`;
    const ask = () => fetch(`${stackEnv.adminUrl}/api/trpc/dashboard.getOperatorQueues`, { headers: { cookie } });

    expect((await ask()).status).toBe(200);
    const result = await staffCaller({ prisma, staff: admin }).staff.deactivateStaffUser({ id: clerk.id });
    expect(result.sessionsEnded).toBe(1);
    expect(await prisma.staffSession.count({ where: { userId: clerk.id } })).toBe(0);
    const after = await ask();
    expect(after.status).toBe(401);
  });

  it('a changed role applies on the very next request, without signing in again', async () => {
    const clerk = await createStaffUser({ prisma, roles: ['sales'] });
    created.push(clerk);
    const sessionToken = randomUUID();
    await prisma.staffSession.create({
      data: { sessionToken: hashStaffSessionToken(sessionToken), userId: clerk.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const ask = () => fetch(`${stackEnv.adminUrl}/api/trpc/staff.listStaffUsers`, { headers: { cookie: `voltpay-staff.session-token=${sessionToken}` } });
    expect((await ask()).status).toBe(403);
    await staffCaller({ prisma, staff: admin }).staff.updateStaffRoles({ id: clerk.id, roles: ['sales', 'admin'] });
    expect((await ask()).status).toBe(200);
  });

  it('an expired session is no session', async () => {
    const clerk = await createStaffUser({ prisma, roles: ['sales'] });
    created.push(clerk);
    const sessionToken = randomUUID();
    await prisma.staffSession.create({ data: { sessionToken: hashStaffSessionToken(sessionToken), userId: clerk.id, expires: new Date(Date.now() - 1_000) } });
    const response = await fetch(`${stackEnv.adminUrl}/api/trpc/dashboard.getOperatorQueues`, {
      headers: { cookie: `voltpay-staff.session-token=${sessionToken}` },
    });
    expect(response.status).toBe(401);
  });

  it('a mutation posted from another origin is refused (CSRF), from the console itself it gets through', async () => {
    const sessionToken = randomUUID();
    await prisma.staffSession.create({
      data: { sessionToken: hashStaffSessionToken(sessionToken), userId: admin.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const post = (origin: string | null) =>
      fetch(`${stackEnv.adminUrl}/api/trpc/staff.createStaffUser`, {
        method: 'POST',
        headers: { cookie: `voltpay-staff.session-token=${sessionToken}`, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        // Invalid on purpose: a request that passes the origin check stops at validation.
        body: JSON.stringify({ json: { email: 'x', name: '', roles: [] } }),
      });
    const foreign = await post(stackEnv.webUrl);
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(await foreign.json())).toContain('FORBIDDEN');
    expect((await post(null)).status).toBe(403);
    expect((await post(new URL(stackEnv.adminUrl).origin)).status).toBe(400);
  });
});

describe('the last active admin', () => {
  // A database of its own: the shared one always has the seeded admin.
  let prisma: PrismaClient;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ prisma, drop } = await createMigratedDatabase({ prefix: 'voltpay_staff' }));
  });

  afterAll(async () => {
    await drop?.();
  });

  it('cannot lose the admin role or be switched off; with a second admin both are possible', async () => {
    const only = await createStaffUser({ prisma, roles: ['admin', 'sales'] });
    const caller = staffCaller({ prisma, staff: only });

    const demote = await caller.staff.updateStaffRoles({ id: only.id, roles: ['sales'] }).catch((e: unknown) => e);
    expect((demote as TRPCError).code).toBe('CONFLICT');
    expect((demote as TRPCError).message).toMatch(/последний действующий администратор/);
    expect((await prisma.staffUser.findUniqueOrThrow({ where: { id: only.id } })).roles).toContain('admin');

    const second = await caller.staff.createStaffUser({ email: `second-${randomUUID().slice(0, 8)}@voltpay.test`, name: 'Второй админ', roles: ['admin'] });
    // Switching oneself off is refused whatever the count: ask another admin.
    expect(((await caller.staff.deactivateStaffUser({ id: only.id }).catch((e: unknown) => e)) as TRPCError).code).toBe('CONFLICT');
    await caller.staff.deactivateStaffUser({ id: second.id });
    // The switched-off admin does not count: the first is the last active one again.
    expect(((await caller.staff.updateStaffRoles({ id: only.id, roles: ['sales'] }).catch((e: unknown) => e)) as TRPCError).code).toBe('CONFLICT');
    await caller.staff.reactivateStaffUser({ id: second.id });
    await caller.staff.updateStaffRoles({ id: only.id, roles: ['sales'] });
    expect(await prisma.staffUser.count({ where: { active: true, roles: { has: 'admin' } } })).toBe(1);
  });

  it('two admins demoting each other at the same moment: exactly one succeeds', async () => {
    const a = await createStaffUser({ prisma, roles: ['admin'] });
    const b = await createStaffUser({ prisma, roles: ['admin'] });
    // Leave exactly these two as the active admins.
    await prisma.staffUser.updateMany({ where: { id: { notIn: [a.id, b.id] } }, data: { active: false } });
    const results = await Promise.allSettled([
      staffCaller({ prisma, staff: a }).staff.updateStaffRoles({ id: b.id, roles: ['sales'] }),
      staffCaller({ prisma, staff: b }).staff.updateStaffRoles({ id: a.id, roles: ['sales'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await prisma.staffUser.count({ where: { active: true, roles: { has: 'admin' } } })).toBe(1);
  });
});
