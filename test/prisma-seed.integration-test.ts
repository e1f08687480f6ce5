// seedAll on a freshly migrated database: the expected reference data, and idempotent.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@voltpay/prisma';
import { PRISMA_CLI_PATH, PRISMA_PACKAGE_DIR as prismaDir } from '@voltpay/prisma/engine';
import { seedAll } from '@voltpay/prisma/seed';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@voltpay/prisma/testing';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('DATABASE_URL (a Postgres superuser URL of the test stack) is required');


describe('seedAll', () => {
  let db: ThrowawayDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createThrowawayDatabase({ adminUrl, prefix: 'voltpay_seed' });
    const deploy = spawnSync(process.execPath, ['--import', 'tsx', PRISMA_CLI_PATH, 'migrate', 'deploy'], {
      cwd: prismaDir,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    if (deploy.status !== 0) throw new Error(`migrate deploy failed:\n${deploy.stdout}${deploy.stderr}`);
    prisma = createPrismaClient({ connectionString: db.url });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  const counts = async () => ({
    districts: await prisma.district.count(),
    settlements: await prisma.settlement.count(),
    housingOffices: await prisma.housingOffice.count(),
  });

  it('creates the city and the 32 region districts, and a second run changes nothing', async () => {
    await seedAll(prisma);
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

    await seedAll(prisma);

    expect(await counts()).toEqual(first);
    const secondRows = await prisma.district.findMany({ orderBy: { sortOrder: 'asc' }, include: { settlements: true } });
    expect(secondRows).toEqual(firstRows);
  });
});
