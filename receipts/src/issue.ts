// Issuing a receipt: one per payment, numbered from the day's counter in the same transaction as
// the receipt row, so a retried or duplicated issue neither adds a receipt nor burns a number.
import { isForeignKeyViolation, isUniqueViolation, type PrismaClient } from '@voltpay/prisma';
import type { Kopecks } from '@voltpay/domain';
import type { ReceiptSummary } from '@voltpay/workflows/payment';
import { receiptVerificationUrl } from './format';
import { omskDay } from '@voltpay/domain/omsk-time';
import { formatReceiptNumber } from './number';
import { computeVerificationCode, formatVerificationCode } from './verification-code';

export type IssueReceiptOptions = {
  prisma: PrismaClient;
  receiptSecret: string;
  webPublicUrl: string;
  paymentId: string;
  /**
   * What the receipt certifies, as the workflow holds it. Absent in payments that reached
   * fulfilment before the workflow sent it: then the payments row says.
   */
  facts?: ReceiptFacts;
  /** The clock; tests pass a fixed instant to own a day's sequence. */
  now?: () => Date;
};

export type ReceiptFacts = { accountNumber: string; totalKopecks: Kopecks };

type ReceiptRow = { number: string; verificationCode: string; issuedAt: Date; totalKopecks: number };

const toSummary = (row: ReceiptRow, webPublicUrl: string): ReceiptSummary => ({
  number: row.number,
  verificationCode: row.verificationCode,
  verificationUrl: receiptVerificationUrl({ webPublicUrl, number: row.number, code: row.verificationCode }),
  issuedAt: row.issuedAt.toISOString(),
  totalKopecks: row.totalKopecks,
});

/** Thrown when there is no payment row to issue for (recordPayment has not run). */
export class PaymentNotRecordedError extends Error {
  override name = 'PaymentNotRecordedError';
}

const notRecorded = (paymentId: string) => new PaymentNotRecordedError(`Payment ${paymentId} is not recorded; no receipt can be issued for it.`);

/** The old input's way: the facts as the payments row has them. */
const readFacts = async (prisma: PrismaClient, paymentId: string): Promise<ReceiptFacts> => {
  const payment = await prisma.payment.findUnique({ where: { id: paymentId }, include: { account: { select: { number: true } } } });
  if (!payment) throw notRecorded(paymentId);
  return { accountNumber: payment.account.number, totalKopecks: payment.totalKopecks };
};

export const issueReceipt = async ({ prisma, receiptSecret, webPublicUrl, paymentId, facts, now = () => new Date() }: IssueReceiptOptions) => {
  // Checked before the counter is touched: a retry of an issued receipt costs no number.
  const existing = await prisma.receipt.findUnique({ where: { paymentId } });
  if (existing) return toSummary(existing, webPublicUrl);

  const { accountNumber, totalKopecks } = facts ?? (await readFacts(prisma, paymentId));

  try {
    const row = await prisma.$transaction(async (tx) => {
      // The code covers issuedAt, so the instant hashed is the instant stored (both to the millisecond).
      const issuedAt = new Date(now().getTime());
      const day = omskDay(issuedAt);
      // One atomic statement: concurrent issuers queue on the day's row and each gets the next value.
      // A transaction that then fails (a duplicate payment) rolls its increment back: no gaps.
      const [counter] = await tx.$queryRaw<{ last: number }[]>`
        INSERT INTO receipt_counters (day, last) VALUES (${day}::date, 1)
        ON CONFLICT (day) DO UPDATE SET last = receipt_counters.last + 1
        RETURNING last`;
      if (!counter) throw new Error('The receipt counter returned no row.');
      const sequence = Number(counter.last);
      const number = formatReceiptNumber({ day, sequence });
      const code = computeVerificationCode({
        secret: receiptSecret,
        fields: { number, paymentId, totalKopecks, issuedAt, accountNumber },
      });
      return tx.receipt.create({
        data: {
          paymentId,
          number,
          issuedOn: new Date(`${day}T00:00:00Z`),
          sequence,
          verificationCode: formatVerificationCode(code),
          totalKopecks,
          issuedAt,
        },
      });
    });
    return toSummary(row, webPublicUrl);
  } catch (error) {
    // The receipt references the payments row: until the workflow has written it, a retry may find it.
    if (isForeignKeyViolation(error)) throw notRecorded(paymentId);
    // A concurrent issue for the same payment won; its receipt is the receipt.
    if (!isUniqueViolation(error)) throw error;
    const winner = await prisma.receipt.findUnique({ where: { paymentId } });
    if (!winner) throw error;
    return toSummary(winner, webPublicUrl);
  }
};
