import { serverEnv } from '@voltpay/stack/env';
import { checkReceipt } from '~/server/payments/check-receipt';
import { roleProcedure } from '~/server/api/trpc';
import { ZCheckReceiptRequest, ZCheckReceiptResponse } from './check-receipt.types';

// A mutation, though it changes nothing but the audit trail: each check is recorded as evidence,
// and a client cache must never answer "genuine" for a check that did not run.
export const checkReceiptRoute = roleProcedure('sales', 'admin')
  .input(ZCheckReceiptRequest)
  .output(ZCheckReceiptResponse)
  .mutation(({ ctx, input }) => checkReceipt({ prisma: ctx.prisma, receiptSecret: serverEnv.RECEIPT_SECRET, staff: ctx.staff, ...input }));
