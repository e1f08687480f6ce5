// POST /api/v1/payments/:id/return: the resident is back from the acquirer's pages (the site's
// return page calls this); the workflow asks the acquirer for an outcome its webhook has not
// brought yet. Safe to repeat, also after the payment has ended: the webhook is often faster than
// the resident's browser, and an ended workflow takes no more updates, so its state is the answer.
import { returnFromAcquirerUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { ApiError } from '~/lib/api/errors';
import { paymentIdFrom, queryPaymentState, runPaymentUpdate } from '~/lib/api/payments';
import { toResidentPaymentState } from '~/lib/api/resident-payment';
import { PaymentStateResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const state = await runPaymentUpdate({ paymentId, update: returnFromAcquirerUpdate, args: [] }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'WRONG_STATE') return queryPaymentState(paymentId);
    throw error;
  });
  return jsonResponse({ schema: PaymentStateResponse, body: { state: toResidentPaymentState(state) }, locale });
});
