// Proving a receipt genuine: the code typed (or scanned from the QR) must equal the HMAC of the
// receipt's key fields as stored now, so a forged code or an edited total both fail.
import type { PrismaClient } from '@voltpay/prisma';
import type { Kopecks, PaymentStatus, Period } from '@voltpay/domain';
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

const STAND_IN_PAYMENT_ID = '00000000-0000-0000-0000-000000000000';
const STAND_IN_ISSUED_AT = new Date(0);

export type VerifyReceiptOptions = { prisma: PrismaClient; receiptSecret: string; number: string; code: string };

export const verifyReceipt = async ({ prisma, receiptSecret, number, code }: VerifyReceiptOptions): Promise<ReceiptVerification> => {
  const canonicalNumber = normaliseReceiptNumber(number);
  if (!canonicalNumber) return { status: 'NOT_FOUND' };
  const receipt = await prisma.receipt.findUnique({
    where: { number: canonicalNumber },
    include: { payment: { include: { account: { select: { number: true } } } } },
  });
  // A missing receipt is checked against a stand-in, so it costs what a wrong code costs: the public
  // page answers both alike, and neither its words nor its timing may say the number exists.
  const expected = computeVerificationCode({
    secret: receiptSecret,
    fields: receipt
      ? {
          number: receipt.number,
          paymentId: receipt.paymentId,
          totalKopecks: receipt.totalKopecks,
          issuedAt: receipt.issuedAt,
          accountNumber: receipt.payment.account.number,
        }
      : { number: canonicalNumber, paymentId: STAND_IN_PAYMENT_ID, totalKopecks: 0, issuedAt: STAND_IN_ISSUED_AT, accountNumber: '' },
  });
  const candidate = normaliseVerificationCode(code);
  const matches = candidate !== null && verificationCodesMatch(expected, candidate);
  if (!receipt) return { status: 'NOT_FOUND' };
  if (!matches) return { status: 'CODE_MISMATCH' };
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
