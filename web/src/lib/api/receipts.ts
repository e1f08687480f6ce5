// Receipts for residents and anyone holding one: the PDF and the public verification. The
// receipt logic is @voltpay/receipts; this decides who may see what.
import { prisma } from '@voltpay/prisma';
import { loadReceiptDocument, normaliseVerificationCode, renderReceiptPdf, verificationCodesMatch, verifyReceipt } from '@voltpay/receipts';
import { serverEnv } from '@voltpay/stack/env';
import type { Locale } from '@voltpay/domain';
import type { z } from 'zod';
import { ApiError } from './errors';
import type { VerifyReceiptResponse } from './schemas';

const notFound = () => new ApiError({ code: 'RECEIPT_NOT_FOUND', status: 404 });

/**
 * The receipt's PDF, for whoever proves they hold the receipt (its verification code) or the
 * payment (its id). Receipt numbers are sequential, so the number alone opens nothing; a wrong
 * code answers exactly like a missing receipt, so guessing learns nothing either.
 */
export const renderReceiptPdfFor = async ({
  number,
  code,
  paymentId,
  locale,
}: {
  number: string;
  code?: string;
  paymentId?: string;
  locale: Locale;
}): Promise<{ number: string; pdf: Buffer }> => {
  const document = await loadReceiptDocument({ prisma, webPublicUrl: serverEnv.WEB_PUBLIC_URL, number });
  if (!document) throw notFound();
  const expectedCode = normaliseVerificationCode(document.verificationCode);
  const candidateCode = code === undefined ? null : normaliseVerificationCode(code);
  const byCode = expectedCode !== null && candidateCode !== null && verificationCodesMatch(expectedCode, candidateCode);
  const byPayment = paymentId !== undefined && verificationCodesMatch(document.paymentId.toLowerCase(), paymentId.toLowerCase());
  if (!byCode && !byPayment) throw notFound();
  return { number: document.number, pdf: await renderReceiptPdf(document, locale) };
};

/**
 * The public check of a paper or emailed receipt: VALID with what it certifies, or INVALID.
 * "No such number" and "wrong code" are one answer: the page must not confirm that a number exists.
 */
export const verifyReceiptPublicly = async ({ number, code }: { number: string; code: string }): Promise<z.input<typeof VerifyReceiptResponse>> => {
  const result = await verifyReceipt({ prisma, receiptSecret: serverEnv.RECEIPT_SECRET, number, code });
  switch (result.status) {
    case 'VALID':
      return { status: 'VALID', receipt: result.receipt };
    case 'NOT_FOUND':
    case 'CODE_MISMATCH':
      return { status: 'INVALID' };
    default: {
      const unknown: never = result;
      throw new Error(`verifyReceipt: unknown status ${JSON.stringify(unknown)}`);
    }
  }
};
