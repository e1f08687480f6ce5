// POST /api/v1/payments/:id/lines: include or leave out common-area electricity, penalties, debt.
import { setLineOptionsUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { LineOptionsResponse, SetLineOptionsRequest } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const options = await readBody({ request, schema: SetLineOptionsRequest, locale });
  const quote = await runPaymentUpdate({ paymentId, update: setLineOptionsUpdate, args: [options] });
  return jsonResponse({ schema: LineOptionsResponse, body: { quote }, locale });
});
