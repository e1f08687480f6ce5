// POST /api/v1/payments/:id/electricity: meter readings or a typed amount; answers the quote.
import { setElectricityUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { QuoteResponse, SetElectricityRequest } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const electricity = await readBody({ request, schema: SetElectricityRequest, locale });
  const quote = await runPaymentUpdate({ paymentId, update: setElectricityUpdate, args: [electricity] });
  return jsonResponse({ schema: QuoteResponse, body: { quote }, locale });
});
