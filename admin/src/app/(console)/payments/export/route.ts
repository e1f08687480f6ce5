// GET /payments/export?<the search's own parameters>: the payments the search finds, as CSV (the
// "Скачать CSV" link beside the results carries the filters and the sort). Audited: a download of
// residents' data is a staff action like any other.
import { prisma } from '@voltpay/prisma';
import { omskDateTime, paymentStatusLabels, roubles } from '~/components/payments/format';
import { readPaymentSearch } from '~/components/payments/payment-search';
import { ZFindPaymentsRequest } from '~/server/api/routers/payments/find-payments.types';
import { recordAudit } from '~/server/audit/audit';
import { EXPORT_LIMIT, toCsv, type CsvColumn } from '~/server/export/csv';
import { csvResponse, searchParamsOf, staffForExport } from '~/server/export/download';
import { findPayments } from '~/server/payments/find-payments';
import { formatPeriod } from '@voltpay/domain/period';

export const dynamic = 'force-dynamic';

type Row = Awaited<ReturnType<typeof findPayments>>['items'][number];

const COLUMNS: readonly CsvColumn<Row>[] = [
  { header: 'Создан (Омск)', value: (r) => omskDateTime(r.createdAt, { seconds: true }) },
  { header: 'Квитанция', value: (r) => r.receiptNumber },
  { header: 'Лицевой счёт', value: (r) => r.accountNumber },
  { header: 'Период', value: (r) => formatPeriod(r.period, 'ru') },
  { header: 'Сумма, ₽', value: (r) => roubles(r.totalKopecks).replace(/\s*₽$/, '') },
  { header: 'Сумма, коп.', value: (r) => r.totalKopecks },
  { header: 'Карта', value: (r) => (r.cardLast4 ? `•• ${r.cardLast4}` : null) },
  { header: 'Почта', value: (r) => r.receiptEmail },
  { header: 'Статус', value: (r) => paymentStatusLabels[r.status] },
  { header: 'Изменён (Омск)', value: (r) => omskDateTime(r.updatedAt, { seconds: true }) },
  { header: 'Платёж', value: (r) => r.id },
];

export const GET = async (request: Request) => {
  const staff = await staffForExport(request, ['sales', 'operator', 'admin']);
  if (staff instanceof Response) return staff;
  const { request: input, searched } = readPaymentSearch(searchParamsOf(request));
  if (!input || !searched)
    return new Response('Задайте условия поиска на странице «Квитанции и оплаты» и скачайте найденное оттуда.', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  const { sort, direction, amount, page: _page, pageSize: _pageSize, ...filter } = ZFindPaymentsRequest.parse(input);
  const found = await findPayments({ prisma, filter: { ...filter, amountKopecks: amount }, sort: { field: sort, direction }, page: 1, pageSize: EXPORT_LIMIT });
  await recordAudit(prisma, staff, {
    action: 'payments.export',
    targetType: 'payment',
    targetId: '*',
    details: { filter: { ...filter, amountKopecks: amount }, rows: found.items.length, total: found.total },
  });
  return csvResponse('platezhi', toCsv(COLUMNS, found.items));
};
