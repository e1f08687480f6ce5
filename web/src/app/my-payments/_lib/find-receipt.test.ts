import type { PrismaClient } from '@voltpay/prisma';
import { describe, expect, it, vi } from 'vitest';
import { findReceiptByNumberAndAccount } from './find-receipt';

const row = {
  number: '20261105-000042',
  verificationCode: 'ABCDEFGHJKMN',
  issuedAt: new Date('2026-11-05T09:41:00.000Z'),
  totalKopecks: 123_456,
  payment: { period: '2026-10', status: 'COMPLETED', account: { number: '99991234567' } },
};

/** A database holding one receipt, counting what it is asked. */
const database = () => {
  const findUnique = vi.fn(async ({ where }: { where: { number: string } }) => (where.number === row.number ? row : null));
  return { prisma: { receipt: { findUnique } } as unknown as PrismaClient, findUnique };
};

describe('guest receipt look-up (number + account + amount)', () => {
  it('opens the receipt only with all three facts', async () => {
    const { prisma } = database();
    const found = await findReceiptByNumberAndAccount({ prisma, number: '20261105-000042', accountNumber: '9999 1234567', totalKopecks: 123_456 });
    expect(found).toMatchObject({ number: row.number, totalKopecks: 123_456 });
  });

  it('number and account alone no longer open it: walking the sequential numbers needs the amount of each', async () => {
    const { prisma } = database();
    expect(await findReceiptByNumberAndAccount({ prisma, number: '20261105-000042', accountNumber: '99991234567', totalKopecks: 123_455 })).toBeNull();
  });

  it('an unknown number, a wrong account and a wrong amount do the same work and get the same answer', async () => {
    const asked: unknown[][] = [];
    const answers: unknown[] = [];
    for (const attempt of [
      { number: '20261105-000043', accountNumber: '99991234567', totalKopecks: 123_456 },
      { number: '20261105-000042', accountNumber: '99997654321', totalKopecks: 123_456 },
      { number: '20261105-000042', accountNumber: '99991234567', totalKopecks: 100 },
    ]) {
      const { prisma, findUnique } = database();
      answers.push(await findReceiptByNumberAndAccount({ prisma, ...attempt }));
      // One query each, of the same shape (only the number differs).
      asked.push(findUnique.mock.calls.map(([query]) => ({ ...query, where: Object.keys(query.where) })));
    }
    expect(answers).toEqual([null, null, null]);
    expect(asked[0]).toEqual(asked[1]);
    expect(asked[1]).toEqual(asked[2]);
    expect(asked[0]).toHaveLength(1);
  });
});
