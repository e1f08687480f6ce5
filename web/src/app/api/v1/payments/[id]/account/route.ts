// POST /api/v1/payments/:id/account: which account is paid; answers its masked address and periods.
import { setAccountUpdate } from '@voltpay/workflows/payment';
import { apiRoute, jsonResponse, readBody } from '~/lib/api/http';
import { paymentIdFrom, runPaymentUpdate } from '~/lib/api/payments';
import { accountLookupByAccountLimit, accountLookupByAddressLimit, clientAddressOf, enforceLimits } from '~/lib/api/rate-limit';
import { SetAccountRequest, SetAccountResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const paymentId = paymentIdFrom(params);
  const account = await readBody({ request, schema: SetAccountRequest, locale });
  // Counted before the look-up, found or not: a guesser learns from both answers (DESIGN §2.4).
  // Per client address, and per account number whoever asks (many addresses, one account).
  await enforceLimits([
    { limit: accountLookupByAddressLimit(), key: clientAddressOf(request.headers) },
    { limit: accountLookupByAccountLimit(), key: account.accountNumber },
  ]);
  const result = await runPaymentUpdate({ paymentId, update: setAccountUpdate, args: [account] });
  return jsonResponse({ schema: SetAccountResponse, body: result, locale });
});
