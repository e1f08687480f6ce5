// Proving a receipt genuine: the code typed (or scanned from the QR) must equal the HMAC of the
// receipt's key fields as stored now, so a forged code or an edited total both fail.
import type { PrismaClient } from '@voltpay/prisma';
import type { Kopecks, PaymentStatus, Period } from '@voltpay/workflows/payment';
import { normaliseReceiptNumber } from './number';
import { computeVerificationCode, normaliseVerificationCode, verificationCodesMatch } from './verification-code';

export type ReceiptVerification =
  | {
      status: 'VALID';
      receipt: {
        number: string;
        issuedAt: string;
        totalKopecks: Kopecks;
        period: Period;
        /** Shown in full: the clerk holds the paper with it on anyway. */
        accountNumber: string;
        paymentStatus: PaymentStatus;
      };
    }
  | { status: 'NOT_FOUND' }
  | { status: 'CODE_MISMATCH' };

export type VerifyReceiptOptions = { prisma: PrismaClient; receiptSecret: string; number: string; code: string };

export const verifyReceipt = async ({ prisma, receiptSecret, number, code }: VerifyReceiptOptions): Promise<ReceiptVerification> => {
  const canonicalNumber = normaliseReceiptNumber(number);
  if (!canonicalNumber) return { status: 'NOT_FOUND' };
  const receipt = await prisma.receipt.findUnique({
    where: { number: canonicalNumber },
    include: { payment: { include: { account: { select: { number: true } } } } },
  });
  if (!receipt) return { status: 'NOT_FOUND' };

  const expected = computeVerificationCode({
    secret: receiptSecret,
    fields: {
      number: receipt.number,
      paymentId: receipt.paymentId,
      totalKopecks: receipt.totalKopecks,
      issuedAt: receipt.issuedAt,
      accountNumber: receipt.payment.account.number,
    },
  });
  const candidate = normaliseVerificationCode(code);
  if (!candidate || !verificationCodesMatch(expected, candidate)) return { status: 'CODE_MISMATCH' };
  return {
    status: 'VALID',
    receipt: {
      number: receipt.number,
      issuedAt: receipt.issuedAt.toISOString(),
      totalKopecks: receipt.totalKopecks,
      period: receipt.payment.period,
      accountNumber: receipt.payment.account.number,
      paymentStatus: receipt.payment.status,
    },
  };
};
