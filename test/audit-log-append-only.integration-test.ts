// audit_log is append-only at the database: whatever the application (or someone holding its
// credentials) sends, a written row cannot be changed or removed.
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from './support/stack-env';

describe('audit_log is append-only', () => {
  let prisma: PrismaClient;
  let id: string;

  beforeAll(async () => {
    prisma = createPrismaClient({ connectionString: stackEnv.databaseUrl });
    const row = await prisma.auditLog.create({
      data: { actorType: 'STAFF', actorId: `audit-test-${randomUUID()}`, action: 'test.appendOnly', targetType: 'test', targetId: randomUUID() },
    });
    id = row.id;
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it('refuses to change a row', async () => {
    await expect(prisma.auditLog.update({ where: { id }, data: { action: 'test.rewritten' } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE audit_log SET actor_id = 'someone else' WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.findUnique({ where: { id }, select: { action: true } })).toEqual({ action: 'test.appendOnly' });
  });

  it('refuses to remove a row, one or all', async () => {
    await expect(prisma.auditLog.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM audit_log WHERE id = ${id}::uuid`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.count({ where: { id } })).toBe(1);
  });

  it('still takes new rows', async () => {
    const row = await prisma.auditLog.create({
      data: { actorType: 'STAFF', actorId: 'audit-test', action: 'test.appendOnly.again', targetType: 'test', targetId: randomUUID() },
    });
    expect(row.id).not.toBe(id);
  });
});
