// The search results: one row per payment, sortable by the columns the server can sort (links,
// so the sort is part of the address), each row opening the payment's page.
import { Table, TableCaption, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, VisuallyHidden } from '@mantine/core';
import type { TPaymentListItem } from '~/server/api/routers/payments/find-payments.types';
import { AnchorLink } from './anchor-link';
import { omskDateTime, roubles } from './format';
import { hrefWith, type SearchParams } from './search-params';
import { PaymentStatusBadge } from './status-badge';
import { formatPeriod } from '@voltpay/domain/period';

type SortField = 'createdAt' | 'updatedAt' | 'totalKopecks' | 'status';

export type PaymentsTableProps = {
  items: TPaymentListItem[];
  params: SearchParams;
  sort: SortField;
  direction: 'asc' | 'desc';
};

const SortHeader = ({ field, label, params, sort, direction }: { field: SortField; label: string } & Omit<PaymentsTableProps, 'items'>) => {
  const active = sort === field;
  const next = active && direction === 'desc' ? 'asc' : 'desc';
  return (
    <TableTh aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <AnchorLink href={hrefWith('/payments', params, { sort: field, direction: next, page: undefined })} fw={600}>
        {label}
        <span aria-hidden="true">{active ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        <VisuallyHidden>{active ? `, сортировка ${direction === 'asc' ? 'по возрастанию' : 'по убыванию'}` : ', сортировать'}</VisuallyHidden>
      </AnchorLink>
    </TableTh>
  );
};

export const PaymentsTable = ({ items, ...sorting }: PaymentsTableProps) => (
  <TableScrollContainer minWidth={1100} type="native" tabIndex={0}>
    <Table striped highlightOnHover verticalSpacing="xs" captionSide="top">
      <TableCaption>Найденные платежи</TableCaption>
      <TableThead>
        <TableTr>
          <SortHeader field="createdAt" label="Создан" {...sorting} />
          <TableTh>Квитанция</TableTh>
          <TableTh>Лицевой счёт</TableTh>
          <TableTh>Период</TableTh>
          <SortHeader field="totalKopecks" label="Сумма" {...sorting} />
          <TableTh>Карта</TableTh>
          <TableTh>Почта</TableTh>
          <SortHeader field="status" label="Статус" {...sorting} />
          <SortHeader field="updatedAt" label="Изменён" {...sorting} />
        </TableTr>
      </TableThead>
      <TableTbody>
        {items.map((item) => (
          <TableTr key={item.id}>
            <TableTd className="num">
              <AnchorLink href={`/payments/${item.id}`} aria-label={`Платёж от ${omskDateTime(item.createdAt)}, ${roubles(item.totalKopecks)}`}>
                {omskDateTime(item.createdAt)}
              </AnchorLink>
            </TableTd>
            <TableTd className="num">
              {item.receiptNumber ?? (
                <Text span c="dimmed" size="sm">
                  нет
                </Text>
              )}
            </TableTd>
            <TableTd className="num">{item.accountNumber}</TableTd>
            <TableTd className="num">{formatPeriod(item.period, 'ru')}</TableTd>
            <TableTd className="num" ta="right">
              {roubles(item.totalKopecks)}
            </TableTd>
            <TableTd className="num">{item.cardLast4 ? `•• ${item.cardLast4}` : '—'}</TableTd>
            <TableTd>{item.receiptEmail ?? '—'}</TableTd>
            <TableTd>
              <PaymentStatusBadge status={item.status} />
            </TableTd>
            <TableTd className="num">{omskDateTime(item.updatedAt)}</TableTd>
          </TableTr>
        ))}
      </TableTbody>
    </Table>
  </TableScrollContainer>
);
