// Opening a "money not received" claim. The receipt's genuineness is checked here, on the server,
// from the number and code the resident presented: a claim never records what a form asserted.
import { TRPCError } from '@trpc/server';
import { normaliseReceiptNumber, verifyReceipt } from '@voltpay/receipts';
import type { PrismaClient } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { auditedTransaction } from '../audit/audit';
import { claimSnapshot } from './claim-snapshot';

export type OpenClaimInput = {
  paymentId?: string | undefined;
  receiptNumber?: string | undefined;
  receiptCode?: string | undefined;
  residentName: string;
  residentContact?: string | undefined;
  description: string;
};

export type OpenClaimOptions = {
  prisma: PrismaClient;
  receiptSecret: string;
  staff: Pick<StaffIdentity, 'id' | 'email'>;
  input: OpenClaimInput;
};

export const openClaim = async ({ prisma, receiptSecret, staff, input }: OpenClaimOptions) => {
  let paymentId = input.paymentId ?? null;
  let receiptNumber: string | null = null;
  let receiptGenuine: boolean | null = null;

  if (input.receiptNumber) {
    receiptNumber = normaliseReceiptNumber(input.receiptNumber) ?? input.receiptNumber.trim();
    if (input.receiptCode) {
      const verification = await verifyReceipt({ prisma, receiptSecret, number: input.receiptNumber, code: input.receiptCode });
      receiptGenuine = verification.status === 'VALID';
      if (verification.status === 'VALID') {
        const receipt = await prisma.receipt.findUniqueOrThrow({ where: { number: verification.receipt.number }, select: { paymentId: true } });
        if (paymentId && paymentId !== receipt.paymentId) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'Квитанция относится к другому платежу.' });
        }
        // A genuine receipt names its payment; a forged one is linked only if the clerk chose a payment.
        paymentId = receipt.paymentId;
      }
    }
  }
  if (input.paymentId && !(await prisma.payment.findUnique({ where: { id: input.paymentId }, select: { id: true } }))) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Платёж не найден.' });
  }

  return auditedTransaction({ prisma, staff }, async (tx) => {
    const claim = await tx.claim.create({
      data: {
        paymentId,
        receiptNumber,
        receiptGenuine,
        residentName: input.residentName,
        residentContact: input.residentContact || null,
        description: input.description,
        openedById: staff.id,
      },
    });
    return { result: claim, audit: { action: 'claim.open', targetType: 'claim', targetId: claim.id, after: claimSnapshot(claim) } };
  });
};
