// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from its zod schemas.
import { buildOpenApiDocument } from '~/lib/api/openapi';

export const dynamic = 'force-static';
export const runtime = 'nodejs';

// The same for every caller and every request: built once per server process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = () => {
  document ??= buildOpenApiDocument();
  return Response.json(document, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
};
