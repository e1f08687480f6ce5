// A console download's request and response: who may have it, the query as the page reads it, and
// a CSV attachment that no cache keeps (it holds residents' data).
import type { StaffRole } from '@voltpay/prisma';
import type { StaffIdentity } from '../api/trpc';
import { getStaffIdentity } from '../auth/session';

/** The download's response: `name-2026-12-07.csv`, never cached (it holds residents' data). */
export const csvResponse = (name: string, csv: string, now = new Date()): Response =>
  new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });

/** The signed-in member of staff with one of `roles`, or the response that refuses the download. */
export const staffForExport = async (request: Request, roles: readonly StaffRole[]): Promise<StaffIdentity | Response> => {
  const staff = await getStaffIdentity(request.headers);
  if (!staff) return new Response('Войдите в консоль, чтобы скачать список.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!staff.roles.some((role) => roles.includes(role)))
    return new Response('Этот список вам недоступен.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return staff;
};

/** The query string as the pages read it (`?a=1&a=2` → ['1', '2']). */
export const searchParamsOf = (request: Request): Record<string, string | string[]> => {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const have = params[key];
    params[key] = have === undefined ? value : Array.isArray(have) ? [...have, value] : [have, value];
  }
  return params;
};
