// POST /api/v1/payments/:id/cancel: the resident gives up (allowed until the one-time password).
import { cancelUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { toResidentPaymentState } from '~/lib/api/resident-payment';
import { PaymentStateResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const state = await runPaymentUpdate({ paymentId, update: cancelUpdate, args: [] });
  return jsonResponse({ schema: PaymentStateResponse, body: { state: toResidentPaymentState(state) }, locale });
});
