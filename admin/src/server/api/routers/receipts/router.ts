import { createTRPCRouter } from '../../trpc';
import { checkReceiptRoute } from './check-receipt';

export const receiptsRouter = createTRPCRouter({
  checkReceipt: checkReceiptRoute,
});
