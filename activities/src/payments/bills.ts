// What an account owes for a period, and the tariff in force then: the quote's inputs.
import type { PrismaClient } from '@voltpay/prisma';
import { zonesOfPlan, selectTariff } from '@voltpay/domain/quote';
import type { PaymentStatus, PeriodBill, Period, TariffRate } from '@voltpay/domain';
import { lastRecordedReadings } from './readings';

/** Payments whose lines count as paid: charged, or on the way to it. */
const PAID_OR_IN_FLIGHT: PaymentStatus[] = ['AWAITING_CARD', 'PROCESSING', 'UNCONFIRMED', 'POSTING', 'NEEDS_ATTENTION', 'COMPLETED'];

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export const loadPeriodBill = async ({
  prisma,
  accountId,
  period,
  paymentId,
}: {
  prisma: PrismaClient;
  accountId: string;
  period: Period;
  /** The payment asking, whose own hold on the readings is not where it starts. */
  paymentId?: string;
}): Promise<PeriodBill> => {
  const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const zones = zonesOfPlan(account.tariffPlan);
  const [tariffRows, charges, debt, lastReadings, paidLines] = await Promise.all([
    prisma.tariff.findMany({ where: { locality: account.locality, stove: account.stove, zone: { in: [...zones] } } }),
    prisma.charge.findMany({ where: { accountId, period, kind: { in: ['COMMON_AREA', 'PENALTY'] } } }),
    prisma.debt.findUnique({ where: { accountId_period: { accountId, period } } }),
    // "Start" is the last reading of the meter's sequence up to this period (readings.ts).
    lastRecordedReadings({ db: prisma, accountId, zones, period, ...(paymentId ? { exceptPaymentId: paymentId } : {}) }),
    // What other payments of this period already pay of its charges and debt.
    prisma.paymentLine.groupBy({
      by: ['kind'],
      where: {
        kind: { in: ['COMMON_AREA', 'PENALTY', 'DEBT'] },
        payment: { accountId, period, status: { in: PAID_OR_IN_FLIGHT }, ...(paymentId ? { id: { not: paymentId } } : {}) },
      },
      _sum: { amountKopecks: true },
    }),
  ]);

  // Each zone has its own periods (validFrom up to the exclusive validTo, never overlapping: the
  // database's tariffs_no_overlap). The meter is priced only when every one of its zones has a
  // rate in force on the period's first day; otherwise there is no tariff and readings are refused
  // (NO_TARIFF) rather than priced half by guesswork.
  const inForce = zones.map((zone) =>
    selectTariff(
      tariffRows
        .filter((row) => row.zone === zone)
        .map((row) => ({
          validFrom: isoDate(row.validFrom),
          validTo: row.validTo ? isoDate(row.validTo) : null,
          rates: [{ zone: row.zone, rateCentikopecks: row.rateCentikopecks }] satisfies TariffRate[],
        })),
      period,
    ),
  );
  const tariff = inForce.every((t) => t !== null)
    ? {
        // The day this combination of rates took effect: the latest start among the zones.
        validFrom: inForce.reduce((latest, t) => (t.validFrom > latest ? t.validFrom : latest), inForce[0]!.validFrom),
        rates: inForce.flatMap((t) => t.rates),
      }
    : null;
  const chargeOf = (kind: 'COMMON_AREA' | 'PENALTY') => charges.find((c) => c.kind === kind)?.amountKopecks ?? 0;
  const paidOf = (kind: 'COMMON_AREA' | 'PENALTY' | 'DEBT') => paidLines.find((l) => l.kind === kind)?._sum.amountKopecks ?? 0;

  return {
    period,
    tariff,
    lastReadings,
    commonAreaKopecks: chargeOf('COMMON_AREA'),
    penaltyKopecks: chargeOf('PENALTY'),
    debtKopecks: debt?.amountKopecks ?? 0,
    paid: { commonAreaKopecks: paidOf('COMMON_AREA'), penaltyKopecks: paidOf('PENALTY'), debtKopecks: paidOf('DEBT') },
  };
};
