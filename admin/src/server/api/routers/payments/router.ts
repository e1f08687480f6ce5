import { createTRPCRouter } from '~/server/api/trpc';
import { findPaymentsRoute } from './find-payments';
import { getPaymentRoute } from './get-payment';
import { getPaymentAcquirerViewRoute } from './get-payment-acquirer-view';
import { getPaymentReadingsRoute } from './get-payment-readings';
import { getPaymentTimelineRoute } from './get-payment-timeline';

export const paymentsRouter = createTRPCRouter({
  findPayments: findPaymentsRoute,
  getPayment: getPaymentRoute,
  getPaymentAcquirerView: getPaymentAcquirerViewRoute,
  getPaymentReadings: getPaymentReadingsRoute,
  getPaymentTimeline: getPaymentTimelineRoute,
});
