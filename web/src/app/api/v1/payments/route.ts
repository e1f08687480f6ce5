// POST /api/v1/payments: the resident accepted the terms; one new payment workflow.
import { CURRENT_TERMS_VERSION } from '@voltpay/workflows/payment';
import { ApiError } from '~/lib/api/errors';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { startPayment, testSettingsAllowed } from '~/lib/api/payments';
import { clientAddressOf } from '~/lib/api/rate-limit';
import { toResidentPaymentState } from '~/lib/api/resident-payment';
import { StartPaymentRequest, StartPaymentResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute(async ({ request, locale }) => {
  const body = await readBody({ request, schema: StartPaymentRequest, locale });
  // Consent counts only for the terms the site shows now; an old tab must show them again.
  if (body.termsVersion !== CURRENT_TERMS_VERSION) {
    throw new ApiError({ code: 'TERMS_VERSION_OUTDATED', status: 409, params: { current: CURRENT_TERMS_VERSION } });
  }
  if (body.settings && !testSettingsAllowed()) throw new ApiError({ code: 'TEST_SETTINGS_FORBIDDEN', status: 403 });
  const started = await startPayment({
    termsVersion: body.termsVersion,
    locale: body.locale ?? locale,
    clientAddress: clientAddressOf(request.headers),
    ...(body.settings ? { settings: body.settings } : {}),
  });
  return jsonResponse({
    schema: StartPaymentResponse,
    body: { paymentId: started.paymentId, state: toResidentPaymentState(started.state) },
    locale,
    status: 201,
    headers: { location: `/api/v1/payments/${started.paymentId}` },
  });
});
