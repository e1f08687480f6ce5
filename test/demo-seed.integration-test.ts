// The demo tariffs and accounts on a freshly migrated database: each case in DEMO_ACCOUNTS holds,
// seeding twice changes nothing, and a re-seed does not undo what happened since.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@voltpay/prisma';
import { DEMO_ACCOUNTS, DEMO_TARIFFS, DEMO_YEAR, type DemoAccountCase, seedAll, seedDemoAccounts } from '@voltpay/prisma/seed';
import { createMigratedDatabase } from './support/databases';
import { DEFAULT_PAYMENT_SETTINGS } from '@voltpay/workflows/payment';

const DEMO_PERIODS = Array.from({ length: 12 }, (_, i) => `${DEMO_YEAR}-${String(i + 1).padStart(2, '0')}`);

describe('demo seed', () => {
  let prisma: PrismaClient;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ prisma, drop } = await createMigratedDatabase({ prefix: 'voltpay_demo_seed' }));
  });

  afterAll(async () => {
    await drop?.();
  });

  const snapshot = async () => ({
    districts: await prisma.district.count(),
    settlements: await prisma.settlement.count(),
    housingOffices: await prisma.housingOffice.count(),
    tariffs: await prisma.tariff.findMany({
      orderBy: [{ validFrom: 'asc' }, { locality: 'asc' }, { stove: 'asc' }, { zone: 'asc' }],
    }),
    accounts: await prisma.account.findMany({
      orderBy: { number: 'asc' },
      include: {
        readings: { orderBy: [{ zone: 'asc' }, { takenAt: 'asc' }] },
        charges: { orderBy: [{ period: 'asc' }, { kind: 'asc' }] },
        debts: { orderBy: { period: 'asc' } },
      },
    }),
  });

  const findCase = async (kase: DemoAccountCase) => {
    const demo = DEMO_ACCOUNTS.find((a) => a.case === kase);
    if (!demo) throw new Error(`no demo account for ${kase}`);
    const rows = await prisma.account.findMany({
      where: { number: demo.number, district: { code: demo.districtCode }, settlement: { name: demo.settlementName } },
      include: {
        district: true,
        settlement: true,
        housingOffice: true,
        readings: { orderBy: { takenAt: 'asc' } },
        charges: true,
        debts: { orderBy: { period: 'asc' } },
      },
    });
    expect(rows, kase).toHaveLength(1);
    return rows[0]!;
  };

  it('refuses to seed accounts before their districts exist, and leaves nothing behind', async () => {
    await expect(seedDemoAccounts(prisma)).rejects.toThrow(/run seedDistricts first/);
    expect(await prisma.account.count()).toBe(0);
  });

  it('seeds every demo tariff and account, and a second run changes nothing', async () => {
    await seedAll(prisma, { demo: true });
    const first = await snapshot();

    expect(first.tariffs).toHaveLength(DEMO_TARIFFS.length);
    expect(first.tariffs.every((t) => t.isDemo)).toBe(true);
    expect(first.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(first.accounts.every((a) => a.isDemo)).toBe(true);
    const expectedRows = (pick: (a: (typeof DEMO_ACCOUNTS)[number]) => unknown[]) => DEMO_ACCOUNTS.reduce((n, a) => n + pick(a).length, 0);
    expect(first.accounts.flatMap((a) => a.readings)).toHaveLength(expectedRows((a) => a.readings));
    expect(first.accounts.flatMap((a) => a.charges)).toHaveLength(expectedRows((a) => a.charges));
    expect(first.accounts.flatMap((a) => a.debts)).toHaveLength(expectedRows((a) => a.debts));

    await seedAll(prisma, { demo: true });

    expect(await snapshot()).toEqual(first);
  });

  it('has a tariff in force for every category and zone in every demo period, reduced for rural and electric stoves', async () => {
    const tariffs = await prisma.tariff.findMany();
    for (const period of DEMO_PERIODS) {
      const periodStart = new Date(`${period}-01T00:00:00Z`);
      for (const locality of ['URBAN', 'RURAL'] as const) {
        for (const stove of ['GAS', 'ELECTRIC'] as const) {
          for (const zone of ['SINGLE', 'DAY', 'NIGHT'] as const) {
            const inForce = tariffs
              .filter((t) => t.locality === locality && t.stove === stove && t.zone === zone && t.validFrom <= periodStart)
              .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0];
            expect(inForce, `${period} ${locality} ${stove} ${zone}`).toBeDefined();
            const full = tariffs.find(
              (t) => t.locality === 'URBAN' && t.stove === 'GAS' && t.zone === zone && t.validFrom.getTime() === inForce!.validFrom.getTime(),
            );
            if (locality === 'RURAL' || stove === 'ELECTRIC') expect(inForce!.rateCentikopecks).toBeLessThan(full!.rateCentikopecks);
          }
        }
      }
    }
    // 1 July is when the price goes up.
    const urbanGasSingle = tariffs
      .filter((t) => t.locality === 'URBAN' && t.stove === 'GAS' && t.zone === 'SINGLE')
      .sort((a, b) => +a.validFrom - +b.validFrom);
    expect(urbanGasSingle.map((t) => t.validFrom.toISOString().slice(0, 10))).toEqual(['2025-07-01', '2026-07-01']);
    expect(urbanGasSingle[1]!.rateCentikopecks).toBeGreaterThan(urbanGasSingle[0]!.rateCentikopecks);
    // Each period ends where the next begins; the latest is in force until further notice.
    for (const row of tariffs) {
      const next = tariffs
        .filter((t) => t.locality === row.locality && t.stove === row.stove && t.zone === row.zone && t.validFrom > row.validFrom)
        .sort((a, b) => +a.validFrom - +b.validFrom)[0];
      expect(row.validTo?.getTime() ?? null, `${row.locality} ${row.stove} ${row.zone} ${row.validFrom.toISOString()}`).toBe(next?.validFrom.getTime() ?? null);
    }
    // Fractions of a kopeck, so the quote's rounding matters.
    expect(tariffs.filter((t) => t.rateCentikopecks % 100 !== 0).length).toBeGreaterThan(tariffs.length / 2);
  });

  it('gives every demo account a consistent place, number and reading history', async () => {
    for (const demo of DEMO_ACCOUNTS) {
      const account = await findCase(demo.case);
      if (account.district.kind === 'CITY') {
        expect(account.settlement.name).toBe('Омск');
        expect(account.housingOffice?.isDemo).toBe(true);
        expect(account.number.startsWith(account.housingOffice!.index)).toBe(true);
        expect(account.number).toMatch(/^\d{5,12}$/);
      } else {
        expect(account.housingOfficeId).toBeNull();
        expect(account.number).toMatch(/^\d{6}$/);
      }
      const zones = [...new Set(account.readings.map((r) => r.zone))].sort();
      expect(zones, demo.case).toEqual(account.tariffPlan === 'DAY_NIGHT' ? ['DAY', 'NIGHT'] : ['SINGLE']);
      expect(account.readings.every((r) => r.source === 'BILLING' && r.paymentId === null && r.value <= account.meterCapacity)).toBe(true);
      // Readings close the year before DEMO_YEAR, so any demo period starts from them.
      expect(account.readings.every((r) => r.period < `${DEMO_YEAR}-01`)).toBe(true);
    }
  });

  it('holds each demonstrated case', async () => {
    const guide = await findCase('city-single-rate-extras');
    expect(guide.number).toBe('99991234567');
    expect(guide.housingOffice?.index).toBe('9999');
    for (const period of DEMO_PERIODS) {
      expect(
        guide.charges
          .filter((c) => c.period === period)
          .map((c) => c.kind)
          .sort(),
        period,
      ).toEqual(['COMMON_AREA', 'PENALTY']);
    }
    expect(guide.debts).toHaveLength(1);

    const twoZone = await findCase('city-day-night-electric');
    expect(twoZone).toMatchObject({ tariffPlan: 'DAY_NIGHT', stove: 'ELECTRIC' });

    const rollover = await findCase('city-rollover');
    const lastReading = rollover.readings.at(-1)!;
    expect(lastReading.value).toBeGreaterThan(rollover.meterCapacity - 100);

    const plain = await findCase('city-plain');
    expect(plain.charges).toEqual([]);
    expect(plain.debts).toEqual([]);

    const rural = await findCase('region-rural');
    expect(rural).toMatchObject({ locality: 'RURAL', number: '100001' });
    expect(rural.settlement.kind).toBe('VILLAGE');

    const settlementDebt = await findCase('region-urban-day-night-debt');
    expect(settlementDebt).toMatchObject({ locality: 'URBAN', tariffPlan: 'DAY_NIGHT', number: '200002' });
    expect(settlementDebt.settlement.kind).toBe('URBAN_SETTLEMENT');
    expect(settlementDebt.debts.length).toBeGreaterThan(0);

    const overCeiling = await findCase('city-debt-over-ceiling');
    expect(overCeiling.debts).toHaveLength(1);
    expect(overCeiling.debts[0]!.amountKopecks).toBeGreaterThan(DEFAULT_PAYMENT_SETTINGS.ceilingKopecks);
  });

  it('does not undo what happened since: a settled debt and a corrected rate stay as they are', async () => {
    const account = await findCase('region-urban-day-night-debt');
    const settled = account.debts[0]!;
    await prisma.debt.delete({ where: { id: settled.id } });
    const tariff = await prisma.tariff.findFirstOrThrow({ where: { locality: 'RURAL', stove: 'GAS', zone: 'SINGLE' } });
    await prisma.tariff.update({ where: { id: tariff.id }, data: { rateCentikopecks: tariff.rateCentikopecks + 1 } });

    await seedAll(prisma, { demo: true });

    expect(await prisma.debt.findFirst({ where: { accountId: account.id, period: settled.period } })).toBeNull();
    expect((await prisma.tariff.findUniqueOrThrow({ where: { id: tariff.id } })).rateCentikopecks).toBe(tariff.rateCentikopecks + 1);
  });
});
