// GET /api/v1/receipts/:number.pdf?code=… (or ?paymentId=…): the receipt as a PDF.
import { ApiError } from '~/lib/api/errors';
import { apiRoute, readQuery, validate } from '~/lib/api/http';
import { renderReceiptPdfFor } from '~/lib/api/receipts';
import { ReceiptNumberParams, ReceiptPdfQuery } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute<{ number: string }>(async ({ request, params, locale }) => {
  // The segment is `<number>.pdf`: the file name a browser saves is the receipt's number.
  if (!params.number.toLowerCase().endsWith('.pdf')) throw new ApiError({ code: 'ROUTE_NOT_FOUND', status: 404 });
  const { number } = validate({ schema: ReceiptNumberParams, input: { number: params.number.slice(0, -4) }, locale, where: 'params' });
  const query = readQuery({ request, schema: ReceiptPdfQuery, locale });
  const receipt = await renderReceiptPdfFor({
    number,
    ...(query.code !== undefined ? { code: query.code } : {}),
    ...(query.paymentId !== undefined ? { paymentId: query.paymentId } : {}),
    locale: query.lang ?? locale,
  });
  return new Response(new Uint8Array(receipt.pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="receipt-${receipt.number}.pdf"`,
      'content-length': String(receipt.pdf.byteLength),
      'cache-control': 'private, no-store',
    },
  });
});
