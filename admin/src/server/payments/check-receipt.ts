// The clerk's receipt check: the same HMAC check as the residents' public page (verifyReceipt),
// plus what only staff may see: which payment the receipt number belongs to.
import type { PaymentStatus, PrismaClient } from '@voltpay/prisma';
import { normaliseReceiptNumber, verifyReceipt } from '@voltpay/receipts';
import type { StaffIdentity } from '../api/trpc';
import { recordAudit } from '../audit/audit';

export type CheckReceiptOptions = {
  prisma: PrismaClient;
  receiptSecret: string;
  staff: Pick<StaffIdentity, 'email'>;
  number: string;
  code: string;
};

export type ReceiptCheck =
  | {
      outcome: 'GENUINE';
      number: string;
      paymentId: string;
      issuedAt: string;
      totalKopecks: number;
      period: string;
      accountNumber: string;
      paymentStatus: PaymentStatus;
    }
  /** A receipt with this number exists but the code is not its code: forged, altered or mistyped. */
  | { outcome: 'FORGED'; number: string; paymentId: string }
  /** No receipt of ours has this number. */
  | { outcome: 'NOT_FOUND'; number: string };

export const checkReceipt = async ({ prisma, receiptSecret, staff, number, code }: CheckReceiptOptions): Promise<ReceiptCheck> => {
  const canonical = normaliseReceiptNumber(number) ?? number.trim();
  const verification = await verifyReceipt({ prisma, receiptSecret, number, code });
  let result: ReceiptCheck;
  switch (verification.status) {
    case 'VALID': {
      const receipt = await prisma.receipt.findUniqueOrThrow({ where: { number: verification.receipt.number }, select: { paymentId: true } });
      result = { outcome: 'GENUINE', paymentId: receipt.paymentId, ...verification.receipt };
      break;
    }
    case 'CODE_MISMATCH': {
      const receipt = await prisma.receipt.findUniqueOrThrow({ where: { number: canonical }, select: { paymentId: true } });
      result = { outcome: 'FORGED', number: canonical, paymentId: receipt.paymentId };
      break;
    }
    case 'NOT_FOUND':
      result = { outcome: 'NOT_FOUND', number: canonical };
      break;
    default: {
      const unknown: never = verification;
      throw new Error(`unknown verification ${JSON.stringify(unknown)}`);
    }
  }
  // A check is evidence in a dispute ("the clerk saw a forged receipt on …"), so it is kept.
  await recordAudit(prisma, staff, {
    action: 'receipt.check',
    targetType: 'receipt',
    targetId: canonical,
    details: { outcome: result.outcome, ...('paymentId' in result ? { paymentId: result.paymentId } : {}) },
  });
  return result;
};
