// What an account owes for a period, and the tariff in force then: the quote's inputs.
import type { PrismaClient } from '@voltpay/prisma';
import { zonesOfPlan, selectTariff } from '@voltpay/workflows/payment/quote';
import type { PeriodBill, Period, TariffRate } from '@voltpay/workflows/payment';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export const loadPeriodBill = async ({ prisma, accountId, period }: { prisma: PrismaClient; accountId: string; period: Period }): Promise<PeriodBill> => {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const zones = zonesOfPlan(account.tariffPlan);
  const [tariffRows, charges, debt, readings] = await Promise.all([
    prisma.tariff.findMany({ where: { locality: account.locality, stove: account.stove, zone: { in: [...zones] } }, orderBy: { validFrom: 'asc' } }),
    prisma.charge.findMany({ where: { accountId, period, kind: { in: ['COMMON_AREA', 'PENALTY'] } } }),
    prisma.debt.findUnique({ where: { accountId_period: { accountId, period } } }),
    // "Start" is the last reading known up to this period: the last paid one, else the billing's.
    // A refunded payment was not paid, so its readings do not count.
    Promise.all(
      zones.map((zone) =>
        prisma.meterReading.findFirst({
          where: { accountId, zone, period: { lte: period }, OR: [{ paymentId: null }, { payment: { status: { not: 'REFUNDED' } } }] },
          orderBy: [{ period: 'desc' }, { takenAt: 'desc' }],
        }),
      ),
    ),
  ]);

  const byValidFrom = new Map<string, TariffRate[]>();
  for (const row of tariffRows) {
    const key = isoDate(row.validFrom);
    byValidFrom.set(key, [...(byValidFrom.get(key) ?? []), { zone: row.zone, rateCentikopecks: row.rateCentikopecks }]);
  }
  // A tariff counts only when it prices every zone of the meter; a half-entered one must not be used.
  const tariffs = [...byValidFrom].map(([validFrom, rates]) => ({ validFrom, rates })).filter((t) => zones.every((z) => t.rates.some((r) => r.zone === z)));
  const chargeOf = (kind: 'COMMON_AREA' | 'PENALTY') => charges.find((c) => c.kind === kind)?.amountKopecks ?? 0;

  return {
    period,
    tariff: selectTariff(tariffs, period),
    lastReadings: readings.flatMap((r) => (r ? [{ zone: r.zone, value: r.value, period: r.period }] : [])),
    commonAreaKopecks: chargeOf('COMMON_AREA'),
    penaltyKopecks: chargeOf('PENALTY'),
    debtKopecks: debt?.amountKopecks ?? 0,
  };
};
