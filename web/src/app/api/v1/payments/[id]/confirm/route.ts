// POST /api/v1/payments/:id/confirm: review done; creates the acquirer order and answers where
// to send the resident (the acquirer's card page, never ours).
import { confirmUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { ConfirmResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const result = await runPaymentUpdate({ paymentId, update: confirmUpdate, args: [] });
  return jsonResponse({ schema: ConfirmResponse, body: result, locale });
});
