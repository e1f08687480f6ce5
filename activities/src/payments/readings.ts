// The meter's reading sequence (DESIGN §4): where a payment's readings start, the hold a confirmed
// payment keeps on the range it will record, and the hold's release when the payment ends unpaid.
import type { Prisma, PrismaClient } from '@voltpay/prisma';
import type { PaymentActivities, ReadingsHoldResult } from '@voltpay/workflows/payment';
import type { MeterZone, Period } from '@voltpay/domain';

type Db = PrismaClient | Prisma.TransactionClient;

export type RecordedReading = { zone: MeterZone; value: number; period: Period };

/**
 * The last reading of each zone up to `period` that a payment must start from: the end of a
 * payment in flight (held) or paid (a refunded one was not), else the billing's. Readings that
 * started from a resident's declared start count only once staff verified them.
 */
export const lastRecordedReadings = async ({
  db,
  accountId,
  zones,
  period,
  exceptPaymentId,
}: {
  db: Db;
  accountId: string;
  zones: readonly MeterZone[];
  period: Period;
  /** The payment asking: its own hold is not where it starts. */
  exceptPaymentId?: string;
}): Promise<RecordedReading[]> => {
  const latest = await Promise.all(
    zones.map(async (zone): Promise<RecordedReading | null> => {
      const [reading, hold] = await Promise.all([
        db.meterReading.findFirst({
          where: { accountId, zone, verified: true, period: { lte: period }, OR: [{ paymentId: null }, { payment: { status: { not: 'REFUNDED' } } }] },
          orderBy: [{ period: 'desc' }, { takenAt: 'desc' }],
        }),
        db.meterReadingReservation.findFirst({
          where: {
            accountId,
            zone,
            status: 'HELD',
            declared: false,
            period: { lte: period },
            ...(exceptPaymentId ? { paymentId: { not: exceptPaymentId } } : {}),
          },
          orderBy: [{ period: 'desc' }, { createdAt: 'desc' }],
        }),
      ]);
      // A hold starts where the sequence stood when it was taken, so it is the newer of the two
      // unless a later period's reading was recorded since.
      const holdIsLater = hold && (!reading || hold.period > reading.period || (hold.period === reading.period && hold.createdAt >= reading.takenAt));
      if (holdIsLater) return { zone, value: hold.endValue, period: hold.period };
      return reading ? { zone, value: reading.value, period: reading.period } : null;
    }),
  );
  return latest.filter((r): r is RecordedReading => r !== null);
};

/**
 * Holds a confirmed payment's readings: each zone must start at the last recorded reading (or,
 * with none, be declared), checked and written under the account's row lock so two payments of one
 * meter can never both start at the same reading. Idempotent on (payment, zone).
 */
export const holdReadings = async ({
  prisma,
  input,
}: {
  prisma: PrismaClient;
  input: Parameters<PaymentActivities['holdReadings']>[0];
}): Promise<ReadingsHoldResult> =>
  prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM accounts WHERE id = ${input.accountId}::uuid FOR UPDATE`;
    const zones = input.readings.map((r) => r.zone);
    const last = await lastRecordedReadings({ db: tx, accountId: input.accountId, zones, period: input.period, exceptPaymentId: input.paymentId });
    const moved = input.readings.some((reading) => {
      const recorded = last.find((r) => r.zone === reading.zone);
      return recorded ? reading.start !== recorded.value || reading.declared : !reading.declared;
    });
    if (moved) return { ok: false, lastReadings: last };
    for (const reading of input.readings) {
      const values = { period: input.period, startValue: reading.start, endValue: reading.end, declared: reading.declared, status: 'HELD' as const };
      await tx.meterReadingReservation.upsert({
        where: { paymentId_zone: { paymentId: input.paymentId, zone: reading.zone } },
        create: { paymentId: input.paymentId, accountId: input.accountId, zone: reading.zone, ...values },
        update: values,
      });
    }
    return { ok: true };
  });

/** The payment ended without being posted: its range is free again. Posted holds stay RECORDED. */
export const releaseReadings = async ({ prisma, paymentId }: { prisma: PrismaClient; paymentId: string }): Promise<{ released: number }> => {
  const { count } = await prisma.meterReadingReservation.updateMany({ where: { paymentId, status: 'HELD' }, data: { status: 'RELEASED' } });
  return { released: count };
};
