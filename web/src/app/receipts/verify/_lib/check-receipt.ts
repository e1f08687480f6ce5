// The verification page's answer: genuine, with what the receipt certifies and the masked address,
// or not genuine, with nothing more (a wrong code and an unknown number look the same).
import { loadReceiptDocument, normaliseReceiptNumber, normaliseVerificationCode } from '@voltpay/receipts';
import { prisma } from '@voltpay/prisma';
import { serverEnv } from '@voltpay/stack/env';
import type { ReceiptFactsProps } from '~/components/account/receipt-facts';
import { verifyReceiptPublicly } from '~/lib/api/receipts';

export type VerifyFormErrors = {
  number?: 'numberRequired' | 'numberInvalid';
  code?: 'codeRequired' | 'codeInvalid';
};

/** The form's own checks: the shape of what was typed, never whether it exists. */
export const validateVerifyInput = ({ number, code }: { number: string; code: string }): VerifyFormErrors => {
  const errors: VerifyFormErrors = {};
  if (!number) errors.number = 'numberRequired';
  else if (!normaliseReceiptNumber(number)) errors.number = 'numberInvalid';
  if (!code) errors.code = 'codeRequired';
  else if (!normaliseVerificationCode(code)) errors.code = 'codeInvalid';
  return errors;
};

export type ReceiptCheck = { genuine: true; receipt: ReceiptFactsProps } | { genuine: false };

export const checkReceipt = async ({ number, code }: { number: string; code: string }): Promise<ReceiptCheck> => {
  const verdict = await verifyReceiptPublicly({ number, code });
  if (verdict.status !== 'VALID') return { genuine: false };
  const { receipt } = verdict;
  // The code matched, so the holder has the receipt: the address as printed on it (flat hidden).
  const document = await loadReceiptDocument({ prisma, webPublicUrl: serverEnv.WEB_PUBLIC_URL, number: receipt.number });
  return {
    genuine: true,
    receipt: {
      number: receipt.number,
      issuedAt: receipt.issuedAt,
      totalKopecks: receipt.totalKopecks,
      period: receipt.period,
      accountNumber: receipt.accountNumber,
      maskedAddress: document?.account.maskedAddress ?? null,
      paymentStatus: receipt.paymentStatus,
    },
  };
};
