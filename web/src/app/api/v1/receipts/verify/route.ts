// GET /api/v1/receipts/verify?number=…&code=…: is this receipt genuine (what the QR code checks)?
// PARKED in `_receipts` (a private folder: not routed, not built) until activities/src/receipts/pdf.tsx
// resolves its fonts with `require.resolve(/* turbopackIgnore: true */ …)`: today Turbopack tries to
// bundle the .ttf files and the whole web build fails. Then: git mv web/src/app/api/v1/_receipts web/src/app/api/v1/receipts
import { apiRoute, jsonResponse, readQuery } from '~/lib/api/http';
import { verifyReceiptPublicly } from '~/lib/api/receipts';
import { VerifyReceiptQuery, VerifyReceiptResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute(async ({ request, locale }) => {
  const { number, code } = readQuery({ request, schema: VerifyReceiptQuery, locale });
  return jsonResponse({ schema: VerifyReceiptResponse, body: await verifyReceiptPublicly({ number, code }), locale });
});
