// GET /api/v1/districts: the city and the region's districts, in the order residents see them.
import { apiRoute, jsonResponse } from '~/lib/api/http';
import { listDistricts } from '~/lib/api/reference-data';
import { DistrictsResponse } from '~/lib/api/schemas';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiRoute(async ({ locale }) => jsonResponse({ schema: DistrictsResponse, body: await listDistricts(), locale }));
