// Readings a resident declared (no recorded reading to start from, DESIGN §4): the payment's
// readings as recorded, and the staff's approval that makes them the meter's next start.
import type { PrismaClient } from '@voltpay/prisma';
import { TRPCError } from '@trpc/server';
import { auditedTransaction } from '../audit/audit';
import type { StaffIdentity } from '../api/trpc';

export type PaymentReadings = {
  zone: 'SINGLE' | 'DAY' | 'NIGHT';
  /** Where the payment started: the recorded reading, or the resident's declared one. */
  start: number | null;
  end: number;
  verified: boolean;
  approvedBy: string | null;
  approvedAt: Date | null;
}[];

export const getPaymentReadings = async ({ prisma, paymentId }: { prisma: PrismaClient; paymentId: string }): Promise<PaymentReadings> => {
  const [readings, holds] = await Promise.all([
    prisma.meterReading.findMany({ where: { paymentId }, orderBy: { zone: 'asc' } }),
    prisma.meterReadingReservation.findMany({ where: { paymentId } }),
  ]);
  return readings.map((r) => ({
    zone: r.zone,
    start: holds.find((h) => h.zone === r.zone)?.startValue ?? null,
    end: r.value,
    verified: r.verified,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
  }));
};

/** Verifies the payment's declared readings: from now on the meter's next payment starts at them. */
export const approveDeclaredReadings = async ({ prisma, staff, paymentId }: { prisma: PrismaClient; staff: StaffIdentity; paymentId: string }) =>
  auditedTransaction({ prisma, staff }, async (tx) => {
    const declared = await tx.meterReading.findMany({ where: { paymentId, verified: false } });
    if (declared.length === 0) throw new TRPCError({ code: 'CONFLICT', message: 'У этого платежа нет непроверенных показаний.' });
    const approvedAt = new Date();
    await tx.meterReading.updateMany({ where: { paymentId, verified: false }, data: { verified: true, approvedBy: staff.email, approvedAt } });
    return {
      result: { approved: declared.length },
      audit: {
        action: 'readings.approve',
        targetType: 'payment',
        targetId: paymentId,
        before: declared.map((r) => ({ zone: r.zone, value: r.value, verified: false })),
        after: declared.map((r) => ({ zone: r.zone, value: r.value, verified: true })),
      },
    };
  });
