// Any other /api/v1 address: a JSON 404 rather than the site's HTML page.
import { ApiError } from '~/lib/api/errors';
import { apiRoute } from '~/lib/api/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const notFound = apiRoute<{ path: string[] }>(async () => {
  throw new ApiError({ code: 'ROUTE_NOT_FOUND', status: 404 });
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
