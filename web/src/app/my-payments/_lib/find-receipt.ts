// A receipt for someone who is not signed in: the receipt number (sequential, guessable) and the
// account number (printed on every bill) together open it; one alone opens nothing, and a wrong
// pair cannot tell which half was wrong.
import type { PrismaClient } from '@voltpay/prisma';
import { normaliseReceiptNumber } from '@voltpay/activities/receipts';
import type { Kopecks, PaymentStatus, Period } from '@voltpay/workflows/payment';
import { sameAccountNumber } from '~/components/account/format';

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
}: {
  prisma: PrismaClient;
  number: string;
  accountNumber: string;
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
  if (!receipt || !sameAccountNumber(accountNumber, receipt.payment.account.number)) return null;
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
