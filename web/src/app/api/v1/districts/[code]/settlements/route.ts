// GET /api/v1/districts/:code/settlements: the district's settlements, its centre first.
import { apiRoute, jsonResponse, validate } from '~/lib/api/http';
import { listSettlements } from '~/lib/api/reference-data';
import { DistrictCodeParams, SettlementsResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute<{ code: string }>(async ({ params, locale }) => {
  const { code } = validate({ schema: DistrictCodeParams, input: params, locale, where: 'params' });
  return jsonResponse({ schema: SettlementsResponse, body: await listSettlements({ districtCode: code }), locale });
});
