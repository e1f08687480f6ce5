// A receipt for someone who is not signed in: the receipt number (sequential, guessable), the
// account number (printed on every bill) and the amount paid together open it. Number and account
// alone were a walk: take a known account, try yesterday's numbers in order. The amount is a fact
// of the payment that neither the bill nor the numbering gives away. A wrong triple cannot tell
// which part was wrong, and every answer costs the same: one query, one comparison of all facts.
import type { PrismaClient } from '@voltpay/prisma';
import { normaliseReceiptNumber } from '@voltpay/receipts';
import type { Kopecks, PaymentStatus, Period } from '@voltpay/domain';
import { sameAccountNumber } from '../../../components/account/format';

export type FoundReceipt = {
  number: string;
  verificationCode: string;
  issuedAt: string;
  totalKopecks: Kopecks;
  period: Period;
  accountNumber: string;
  paymentStatus: PaymentStatus;
};

export const findReceiptByNumberAndAccount = async ({
  prisma,
  number,
  accountNumber,
  totalKopecks,
}: {
  prisma: PrismaClient;
  number: string;
  accountNumber: string;
  /** The amount the resident says they paid, as the receipt prints it. */
  totalKopecks: Kopecks;
}): Promise<FoundReceipt | null> => {
  const canonical = normaliseReceiptNumber(number);
  if (!canonical) return null;
  const receipt = await prisma.receipt.findUnique({
    where: { number: canonical },
    select: {
      number: true,
      verificationCode: true,
      issuedAt: true,
      totalKopecks: true,
      payment: { select: { period: true, status: true, account: { select: { number: true } } } },
    },
  });
  // Both facts are compared even when the first fails (no short-circuit): the same work for any wrong answer.
  const sameAccount = receipt !== null && sameAccountNumber(accountNumber, receipt.payment.account.number);
  const sameAmount = receipt !== null && receipt.totalKopecks === totalKopecks;
  if (!receipt || !(sameAccount && sameAmount)) return null;
  return {
    number: receipt.number,
    verificationCode: receipt.verificationCode,
    issuedAt: receipt.issuedAt.toISOString(),
    totalKopecks: receipt.totalKopecks,
    period: receipt.payment.period,
    accountNumber: receipt.payment.account.number,
    paymentStatus: receipt.payment.status,
  };
};
