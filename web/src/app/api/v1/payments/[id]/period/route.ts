// POST /api/v1/payments/:id/period: the billing period; answers its bill and, when it can, a quote.
import { setPeriodUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { SetPeriodRequest, SetPeriodResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const body = await readBody({ request, schema: SetPeriodRequest, locale });
  const result = await runPaymentUpdate({ paymentId, update: setPeriodUpdate, args: [body] });
  return jsonResponse({ schema: SetPeriodResponse, body: result, locale });
});
