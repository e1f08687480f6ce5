// Ledger activities: the PAYMENT posting (with the meter readings it closes) and its REFUND reversal,
// each at most once per payment, enforced by the (payment_id, kind) unique key.
import { ApplicationFailure } from '@temporalio/common';
import { isForeignKeyViolation, isUniqueViolation, type PrismaClient } from '@voltpay/prisma';
import type { LedgerPostingInput, PaymentActivities } from '@voltpay/workflows/payment';
import type { MeterZone } from '@voltpay/domain';
import { InvalidPostingError, assertBalanced, planPaymentEntries, reverseEntries, type PlannedEntry } from './entries';

export const LedgerErrorType = {
  /** The posting would be unbalanced or malformed: retrying cannot help. */
  INVALID_POSTING: 'INVALID_POSTING',
  /** The payments row the posting references is not written yet: retried until the workflow's write lands. */
  PAYMENT_NOT_RECORDED: 'PAYMENT_NOT_RECORDED',
  /** The readings' hold taken at confirm is gone or differs: an operator must look before any reading is recorded. */
  READINGS_CONFLICT: 'READINGS_CONFLICT',
} as const;

const ZONES: readonly MeterZone[] = ['SINGLE', 'DAY', 'NIGHT'];

const invalid = (message: string) => ApplicationFailure.nonRetryable(message, LedgerErrorType.INVALID_POSTING);

const checkReadings = (readings: LedgerPostingInput['readings']) => {
  const zones = new Set<MeterZone>();
  for (const reading of readings) {
    if (!ZONES.includes(reading.zone)) throw invalid(`Unknown meter zone ${String(reading.zone)}.`);
    if (!Number.isSafeInteger(reading.value) || reading.value < 0) {
      throw invalid(`Reading for ${reading.zone} must be a whole, non-negative number, got ${reading.value}.`);
    }
    if (zones.has(reading.zone)) throw invalid(`Zone ${reading.zone} has two readings.`);
    zones.add(reading.zone);
  }
};

const toEntryRows = (entries: readonly PlannedEntry[]) =>
  entries.map((entry) => ({
    ledgerAccount: entry.ledgerAccount,
    accountId: entry.accountId,
    direction: entry.direction,
    amountKopecks: entry.amountKopecks,
    lineKind: entry.lineKind,
  }));

export const createLedgerActivities = ({ prisma }: { prisma: PrismaClient }) => {
  const findPosting = (paymentId: string, kind: 'PAYMENT' | 'REFUND') =>
    prisma.ledgerPosting.findUnique({ where: { paymentId_kind: { paymentId, kind } }, include: { entries: true } });

  return {
    postToLedger: async (input) => {
      // A retry after a committed posting ends here without touching anything.
      const existing = await findPosting(input.paymentId, 'PAYMENT');
      if (existing) return { postingId: existing.id, created: false };

      let entries: PlannedEntry[];
      try {
        entries = planPaymentEntries(input);
      } catch (error) {
        if (error instanceof InvalidPostingError) throw invalid(error.message);
        throw error;
      }
      checkReadings(input.readings);
      // The facts are the workflow's (the input), not read back from the payments row; the row
      // only has to exist, which its foreign key checks below.

      try {
        const posting = await prisma.$transaction(async (tx) => {
          if (input.held && input.readings.length > 0) {
            // The re-check at posting: the range held at confirm is still this payment's.
            await tx.$queryRaw`SELECT id FROM accounts WHERE id = ${input.accountId}::uuid FOR UPDATE`;
            const holds = await tx.meterReadingReservation.findMany({ where: { paymentId: input.paymentId } });
            for (const reading of input.readings) {
              const hold = holds.find((h) => h.zone === reading.zone);
              if (!hold || hold.status !== 'HELD' || hold.endValue !== reading.value) {
                throw ApplicationFailure.nonRetryable(
                  `The ${reading.zone} reading ${reading.value} is no longer held for payment ${input.paymentId} (${hold ? `${hold.status} ${hold.endValue}` : 'no hold'}).`,
                  LedgerErrorType.READINGS_CONFLICT,
                );
              }
            }
            await tx.meterReadingReservation.updateMany({ where: { paymentId: input.paymentId, status: 'HELD' }, data: { status: 'RECORDED' } });
          }
          const created = await tx.ledgerPosting.create({
            data: {
              paymentId: input.paymentId,
              kind: 'PAYMENT',
              totalKopecks: input.totalKopecks,
              description: `Оплата л/с, период ${input.period}, заказ эквайера ${input.acquirerOrderId}`,
              entries: { create: toEntryRows(entries) },
            },
          });
          if (input.readings.length > 0) {
            await tx.meterReading.createMany({
              data: input.readings.map((reading) => ({
                accountId: input.accountId,
                zone: reading.zone,
                value: reading.value,
                period: input.period,
                source: 'PAYMENT' as const,
                paymentId: input.paymentId,
                verified: reading.declared !== true,
              })),
            });
          }
          return created;
        });
        return { postingId: posting.id, created: true };
      } catch (error) {
        // recordPayment runs first; a missing row is most likely a write still in flight, so retry.
        if (isForeignKeyViolation(error)) {
          throw ApplicationFailure.retryable(`Payment ${input.paymentId} is not recorded yet.`, LedgerErrorType.PAYMENT_NOT_RECORDED);
        }
        // A concurrent duplicate committed first: its posting (and readings) are the only ones.
        if (!isUniqueViolation(error)) throw error;
        const winner = await findPosting(input.paymentId, 'PAYMENT');
        if (!winner) throw error;
        return { postingId: winner.id, created: false };
      }
    },

    postRefundToLedger: async ({ paymentId, reason }) => {
      const refund = await findPosting(paymentId, 'REFUND');
      if (refund) return { postingId: refund.id, created: false };
      const original = await findPosting(paymentId, 'PAYMENT');
      if (!original) return { postingId: null, created: false };

      const entries = reverseEntries(
        original.entries.map((entry) => ({
          ledgerAccount: entry.ledgerAccount,
          accountId: entry.accountId,
          direction: entry.direction,
          amountKopecks: entry.amountKopecks,
          lineKind: entry.lineKind,
        })),
      );
      assertBalanced(entries);
      try {
        const created = await prisma.ledgerPosting.create({
          data: {
            paymentId,
            kind: 'REFUND',
            totalKopecks: original.totalKopecks,
            description: `Возврат: ${reason}`.slice(0, 500),
            entries: { create: toEntryRows(entries) },
          },
        });
        return { postingId: created.id, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const winner = await findPosting(paymentId, 'REFUND');
        if (!winner) throw error;
        return { postingId: winner.id, created: false };
      }
    },
  } satisfies Pick<PaymentActivities, 'postToLedger' | 'postRefundToLedger'>;
};
