// seedAll on a freshly migrated database: the expected reference data, and idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@voltpay/prisma';
import { seedAll } from '@voltpay/prisma/seed';
import { createMigratedDatabase } from './support/databases';

describe('seedAll', () => {
  let prisma: PrismaClient;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ prisma, drop } = await createMigratedDatabase({ prefix: 'voltpay_seed' }));
  });

  afterAll(async () => {
    await drop?.();
  });

  const counts = async () => ({
    districts: await prisma.district.count(),
    settlements: await prisma.settlement.count(),
    housingOffices: await prisma.housingOffice.count(),
  });

  it('outside the demo mode seeds reference data only: no demo office, tariff or account', async () => {
    await seedAll(prisma, { demo: false });
    expect(await prisma.district.count()).toBe(33);
    expect(await prisma.housingOffice.count()).toBe(0);
    expect(await prisma.tariff.count()).toBe(0);
    expect(await prisma.account.count()).toBe(0);
    expect(await prisma.staffUser.count()).toBe(1);
  });

  it('creates the city and the 32 region districts, and a second run changes nothing', async () => {
    await seedAll(prisma, { demo: true });
    const first = await counts();
    const firstRows = await prisma.district.findMany({ orderBy: { sortOrder: 'asc' }, include: { settlements: true } });

    expect(first.districts).toBe(33);
    expect(firstRows[0]).toMatchObject({ code: 'omsk', name: 'Омск', kind: 'CITY', sortOrder: 0 });
    expect(firstRows.map((d) => d.sortOrder)).toEqual([...Array(33).keys()]);
    for (const district of firstRows.filter((d) => d.kind === 'REGION_DISTRICT')) {
      expect(district.settlements.length, district.code).toBeGreaterThanOrEqual(1);
    }
    expect(first.housingOffices).toBe(5);
    expect(await prisma.housingOffice.findUnique({ where: { index: '9999' } })).toMatchObject({ isDemo: true });

    await seedAll(prisma, { demo: true });

    expect(await counts()).toEqual(first);
    const secondRows = await prisma.district.findMany({ orderBy: { sortOrder: 'asc' }, include: { settlements: true } });
    expect(secondRows).toEqual(firstRows);
  });
});
