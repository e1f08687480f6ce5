import { createTRPCRouter } from '~/server/api/trpc';
import { checkReceiptRoute } from './check-receipt';

export const receiptsRouter = createTRPCRouter({
  checkReceipt: checkReceiptRoute,
});
