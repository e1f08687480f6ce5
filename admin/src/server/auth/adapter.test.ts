// Staff sessions are stored as the hash of their token: the row never holds what the cookie holds,
// and every way next-auth reaches a session (read, extend, sign out) goes through the hash.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@voltpay/prisma';
import { describe, expect, it } from 'vitest';
import { createStaffAdapter } from './adapter';
import { hashStaffSessionToken } from './config';

type Row = { sessionToken: string; userId: string; expires: Date };
const user = { id: 'u1', email: 'clerk@voltpay.test', name: 'Клерк', emailVerified: null, active: true };

// Just the staffSession calls the adapter makes, over an array, matching on the stored column.
const fakePrisma = (rows: Row[]) =>
  ({
    staffSession: {
      create: async ({ data }: { data: Row }) => (rows.push({ ...data }), { ...data }),
      findUnique: async ({ where, include }: { where: { sessionToken: string }; include?: { user: true } }) => {
        const row = rows.find((r) => r.sessionToken === where.sessionToken);
        return row ? { ...row, ...(include ? { user } : {}) } : null;
      },
      updateMany: async ({ where, data }: { where: { sessionToken: string }; data: Partial<Row> }) => {
        const matching = rows.filter((r) => r.sessionToken === where.sessionToken);
        matching.forEach((r) => Object.assign(r, data));
        return { count: matching.length };
      },
      deleteMany: async ({ where }: { where: { sessionToken: string } }) => {
        const before = rows.length;
        rows.splice(0, rows.length, ...rows.filter((r) => r.sessionToken !== where.sessionToken));
        return { count: before - rows.length };
      },
    },
  }) as unknown as PrismaClient;

describe('staff session adapter', () => {
  it('stores sha-256 of the token and finds, extends and ends the session by the raw token', async () => {
    const rows: Row[] = [];
    const adapter = createStaffAdapter({ prisma: fakePrisma(rows) });
    const token = randomBytes(32).toString('hex');
    const expires = new Date(Date.now() + 3_600_000);

    const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires });
    expect(created.sessionToken).toBe(token);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sessionToken).not.toBe(token);
    expect(rows[0]!.sessionToken).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashStaffSessionToken(token)).toBe(rows[0]!.sessionToken);

    const found = await adapter.getSessionAndUser!(token);
    expect(found?.session.sessionToken).toBe(token);
    expect(found?.user.email).toBe(user.email);
    // What a stolen copy of the table gives: nothing.
    expect(await adapter.getSessionAndUser!(rows[0]!.sessionToken)).toBeNull();

    const later = new Date(expires.getTime() + 3_600_000);
    expect((await adapter.updateSession!({ sessionToken: token, expires: later }))?.expires).toEqual(later);
    expect(await adapter.deleteSession!(token)).toMatchObject({ sessionToken: token });
    expect(rows).toHaveLength(0);
  });
});
