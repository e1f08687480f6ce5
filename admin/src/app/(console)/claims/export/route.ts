// GET /claims/export?status=…: the claims of the list's filter, as CSV. Audited.
import { prisma } from '@voltpay/prisma';
import { claimResolutionLabels, claimStatusLabels, omskDateTime } from '~/components/payments/format';
import { intParam, param } from '~/components/payments/search-params';
import { ZFindClaimsRequest } from '~/server/api/routers/claims/find-claims.types';
import { recordAudit } from '~/server/audit/audit';
import { findClaims } from '~/server/claims/find-claims';
import { EXPORT_LIMIT, toCsv, type CsvColumn } from '~/server/export/csv';
import { csvResponse, searchParamsOf, staffForExport } from '~/server/export/download';

export const dynamic = 'force-dynamic';

type Row = Awaited<ReturnType<typeof findClaims>>['items'][number];

const COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Претензия №', value: (r) => r.number },
  { header: 'Открыта (Омск)', value: (r) => omskDateTime(r.createdAt) },
  { header: 'Заявитель', value: (r) => r.residentName },
  { header: 'Квитанция', value: (r) => r.receiptNumber },
  { header: 'Квитанция подлинная', value: (r) => (r.receiptGenuine === null ? 'не проверялась' : r.receiptGenuine ? 'да' : 'нет') },
  { header: 'Состояние', value: (r) => claimStatusLabels[r.status] },
  { header: 'Решение', value: (r) => (r.resolution ? claimResolutionLabels[r.resolution] : null) },
  { header: 'Решена (Омск)', value: (r) => (r.resolvedAt ? omskDateTime(r.resolvedAt) : null) },
  { header: 'Открыл', value: (r) => r.openedByName },
  { header: 'В работе у', value: (r) => r.assigneeName },
  { header: 'Платёж', value: (r) => r.paymentId },
];

export const GET = async (request: Request) => {
  const staff = await staffForExport(request, ['sales', 'operator', 'admin']);
  if (staff instanceof Response) return staff;
  const params = searchParamsOf(request);
  const parsed = ZFindClaimsRequest.safeParse({ status: param(params, 'status'), page: intParam(params, 'page') });
  if (!parsed.success) return new Response('Такого состояния претензий нет.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const found = await findClaims({ prisma, status: parsed.data.status, page: 1, pageSize: EXPORT_LIMIT });
  await recordAudit(prisma, staff, {
    action: 'claims.export',
    targetType: 'claim',
    targetId: '*',
    details: { status: parsed.data.status ?? null, rows: found.items.length, total: found.total },
  });
  return csvResponse('pretenzii', toCsv(COLUMNS, found.items));
};
