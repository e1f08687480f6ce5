// GET /api/v1/payments/:id: the payment's state (the workflow's getState query).
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { paymentIdFrom, queryPaymentState } from '~/lib/api/payments';
import { PaymentStateResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const state = await queryPaymentState(paymentIdFrom(params));
  return jsonResponse({ schema: PaymentStateResponse, body: { state }, locale });
});
