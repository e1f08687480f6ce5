// GET /api/v1/payments/:id: the resident's view of the payment (the workflow's getState query, cut
// by toResidentPaymentState: the whole state is the console's).
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { paymentIdFrom, queryPaymentState } from '~/lib/api/payments';
import { toResidentPaymentState } from '~/lib/api/resident-payment';
import { PaymentStateResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const state = await queryPaymentState(paymentIdFrom(params));
  return jsonResponse({ schema: PaymentStateResponse, body: { state: toResidentPaymentState(state) }, locale });
});
