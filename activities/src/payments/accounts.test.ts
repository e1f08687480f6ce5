import type { PrismaClient } from '@voltpay/prisma';
import { describe, expect, it } from 'vitest';
import { findAccount } from './accounts';

const CITY = { id: 'd-city', code: 'omsk', name: 'Омск', kind: 'CITY' };
const OFFICE = { id: 'o-9999', index: '9999', districtId: CITY.id };

/** A database with the city, one housing office and no accounts, recording every query it is asked. */
const database = () => {
  const asked: string[] = [];
  const prisma = {
    district: { findUnique: async ({ where }: { where: { code: string } }) => (asked.push('district'), where.code === CITY.code ? CITY : null) },
    housingOffice: { findUnique: async ({ where }: { where: { index: string } }) => (asked.push('office'), where.index === OFFICE.index ? OFFICE : null) },
    settlement: { findUnique: async () => (asked.push('settlement'), null) },
    account: { findFirst: async () => (asked.push('account'), null) },
    debt: { findMany: async () => (asked.push('debt'), []) },
  } as unknown as PrismaClient;
  return { prisma, asked };
};

describe('findAccount: every wrong part costs the same queries', () => {
  it('an unknown housing office and an unknown account in a real one run the same look-ups', async () => {
    const wrongOffice = database();
    const wrongAccount = database();
    expect(await findAccount({ prisma: wrongOffice.prisma, demoMode: true, ref: { districtCode: 'omsk', accountNumber: '12341234567' } })).toEqual({
      found: false,
      reason: 'HOUSING_OFFICE_NOT_FOUND',
    });
    expect(await findAccount({ prisma: wrongAccount.prisma, demoMode: true, ref: { districtCode: 'omsk', accountNumber: '99991234567' } })).toEqual({
      found: false,
      reason: 'ACCOUNT_NOT_FOUND',
    });
    expect(wrongOffice.asked).toEqual(['district', 'office', 'account']);
    expect(wrongOffice.asked).toEqual(wrongAccount.asked);
  });
});
