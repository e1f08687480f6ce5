// GET /api/v1/receipts/verify?number=…&code=…: is this receipt genuine (what the QR code checks)?
import { apiRoute, jsonResponse, readQuery } from '~/lib/api/http';
import { verifyReceiptPublicly } from '~/lib/api/receipts';
import { VerifyReceiptQuery, VerifyReceiptResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute(async ({ request, locale }) => {
  const { number, code } = readQuery({ request, schema: VerifyReceiptQuery, locale });
  return jsonResponse({ schema: VerifyReceiptResponse, body: await verifyReceiptPublicly({ number, code }), locale });
});
