// POST /api/v1/payments/:id/receipt-email: where to email the receipt, or null for none.
import { setReceiptEmailUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { ReceiptEmailResponse, SetReceiptEmailRequest } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const body = await readBody({ request, schema: SetReceiptEmailRequest, locale });
  const result = await runPaymentUpdate({ paymentId, update: setReceiptEmailUpdate, args: [body] });
  return jsonResponse({ schema: ReceiptEmailResponse, body: result, locale });
});
