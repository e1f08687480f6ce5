// GET /audit/export?<the journal's filter>: the audit entries the filter finds, as CSV (admins only).
// The download is itself an audited action.
import { prisma } from '@voltpay/prisma';
import { omskDateTime } from '~/components/payments/format';
import { ZFindAuditEntriesRequest } from '~/server/api/routers/audit/find-audit-entries.types';
import { recordAudit } from '~/server/audit/audit';
import { findAuditEntries } from '~/server/audit/find-audit-entries';
import { EXPORT_LIMIT, toCsv, type CsvColumn } from '~/server/export/csv';
import { csvResponse, searchParamsOf, staffForExport } from '~/server/export/download';

export const dynamic = 'force-dynamic';

type Row = Awaited<ReturnType<typeof findAuditEntries>>['items'][number];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Когда (Омск)', value: (r) => omskDateTime(r.createdAt, { seconds: true }) },
  { header: 'Кто', value: (r) => r.actorId },
  { header: 'Действие', value: (r) => r.action },
  { header: 'Над чем', value: (r) => r.targetType },
  { header: 'Запись', value: (r) => r.targetId },
  { header: 'До', value: (r) => json(r.before) },
  { header: 'После', value: (r) => json(r.after) },
  { header: 'Подробности', value: (r) => json(r.details) },
];

export const GET = async (request: Request) => {
  const staff = await staffForExport(request, ['admin']);
  if (staff instanceof Response) return staff;
  const params = searchParamsOf(request);
  const text = (name: string) => (typeof params[name] === 'string' ? params[name] : undefined);
  const parsed = ZFindAuditEntriesRequest.safeParse({
    actor: text('actor'),
    action: text('action'),
    targetType: text('targetType'),
    targetId: text('targetId'),
    from: text('from'),
    to: text('to'),
  });
  if (!parsed.success)
    return new Response(parsed.error.issues[0]?.message ?? 'Неверный отбор.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const { page: _page, pageSize: _pageSize, ...filter } = parsed.data;
  const found = await findAuditEntries({ prisma, filter, page: 1, pageSize: EXPORT_LIMIT });
  await recordAudit(prisma, staff, {
    action: 'audit.export',
    targetType: 'auditLog',
    targetId: '*',
    details: { filter, rows: found.items.length, total: found.total },
  });
  return csvResponse('zhurnal-dejstvij', toCsv(COLUMNS, found.items));
};
