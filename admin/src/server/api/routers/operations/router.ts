import { createTRPCRouter } from '~/server/api/trpc';
import { approveDeclaredReadingsRoute } from './approve-declared-readings';
import { findOperatorQueueRoute } from './find-operator-queue';
import { getPaymentRefundRoute } from './get-payment-refund';
import { recheckPaymentRoute } from './recheck-payment';
import { refundPaymentRoute } from './refund-payment';
import { retryPaymentPostingRoute } from './retry-payment-posting';
import { retryReceiptDeliveryRoute } from './retry-receipt-delivery';

export const operationsRouter = createTRPCRouter({
  approveDeclaredReadings: approveDeclaredReadingsRoute,
  findOperatorQueue: findOperatorQueueRoute,
  getPaymentRefund: getPaymentRefundRoute,
  recheckPayment: recheckPaymentRoute,
  refundPayment: refundPaymentRoute,
  retryPaymentPosting: retryPaymentPostingRoute,
  retryReceiptDelivery: retryReceiptDeliveryRoute,
});
