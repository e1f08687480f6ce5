// The `payments` read model: what staff search, written by the workflow from confirmation on.
import { Prisma, type PrismaClient } from '@voltpay/prisma';
import type { PaymentRecord } from '@voltpay/workflows/payment';

const columns = (record: PaymentRecord) => ({
  revision: record.revision,
  status: record.status,
  statusReason: record.statusReason,
  receiptEmail: record.receiptEmail,
  acquirerOrderId: record.acquirerOrderId,
  cardLast4: record.cardLast4,
  completedAt: record.completedAt ? new Date(record.completedAt) : null,
});

/**
 * Inserts the payment with its lines, or moves it forward. The revision guard makes writes
 * commute: a retried or late write of an older revision changes nothing.
 */
export const recordPayment = async ({ prisma, record }: { prisma: PrismaClient; record: PaymentRecord }): Promise<void> => {
  const { count } = await prisma.payment.updateMany({ where: { id: record.paymentId, revision: { lt: record.revision } }, data: columns(record) });
  if (count > 0) return;
  try {
    await prisma.payment.create({
      data: {
        id: record.paymentId,
        workflowId: record.workflowId,
        accountId: record.accountId,
        period: record.period,
        totalKopecks: record.totalKopecks,
        termsVersion: record.termsVersion,
        termsAcceptedAt: new Date(record.termsAcceptedAt),
        locale: record.locale,
        ...columns(record),
        lines: {
          create: record.lines.map((line, position) => ({
            kind: line.kind,
            amountKopecks: line.amountKopecks,
            kwh: line.kwh,
            details: line.details === null ? Prisma.JsonNull : (line.details as Prisma.InputJsonValue),
            position,
          })),
        },
      },
    });
  } catch (error) {
    // Already there (a newer revision, or a concurrent first write): the update above was the whole job.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      await prisma.payment.updateMany({ where: { id: record.paymentId, revision: { lt: record.revision } }, data: columns(record) });
      return;
    }
    throw error;
  }
};

/**
 * The refund of a closed, COMPLETED payment (the refund workflow): REFUNDED with the reason, at a
 * revision above the payment workflow's final one, so the same guard keeps it from going back.
 * completed_at stays when the payment completed; the refund's time is its ledger posting's.
 */
export const recordRefund = async ({
  prisma,
  paymentId,
  revision,
  reason,
}: {
  prisma: PrismaClient;
  paymentId: string;
  revision: number;
  reason: string;
}): Promise<void> => {
  await prisma.payment.updateMany({
    where: { id: paymentId, revision: { lt: revision } },
    data: { revision, status: 'REFUNDED', statusReason: reason },
  });
};
