// The sales desk's start: check a presented receipt, or search payments by what the resident knows.
import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { Pager } from '~/components/payments/pager';
import { readPaymentSearch } from '~/components/payments/payment-search';
import { PaymentSearchForm } from '~/components/payments/payment-search-form';
import { PaymentsTable } from '~/components/payments/payments-table';
import { ReceiptCheckForm } from '~/components/payments/receipt-check-form';
import { csvLinkText } from '~/components/payments/format';
import { hrefWith, type SearchParams } from '~/components/payments/search-params';
import { requireStaff } from '~/server/auth/guard';
import { EXPORT_LIMIT } from '~/server/export/csv';
import { api } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Квитанции и оплаты' };

const PaymentsPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  const staff = await requireStaff('sales', 'operator', 'admin');
  const params = await searchParams;
  const { values, searched, request, sort, direction, errors } = readPaymentSearch(params);
  const result = request && searched ? await api.payments.findPayments(request) : null;

  return (
    <Stack gap="lg">
      <Title order={1}>Квитанции и оплаты</Title>

      {staff.roles.some((role) => role === 'sales' || role === 'admin') ? (
        <Paper withBorder p="md" component="section" aria-labelledby="check-title">
          <Title order={2} size="h3" id="check-title" mb="xs">
            Проверить квитанцию
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Номер и код проверки напечатаны на квитанции под QR-кодом.
          </Text>
          <ReceiptCheckForm />
        </Paper>
      ) : null}

      <Paper withBorder p="md" component="section" aria-labelledby="search-title">
        <Title order={2} size="h3" id="search-title" mb="sm">
          Найти платёж
        </Title>
        <PaymentSearchForm values={values} errors={errors} />
      </Paper>

      <section aria-labelledby="results-title" aria-live="polite">
        <Title order={2} size="h3" id="results-title" mb="sm">
          Результаты
        </Title>
        {!request ? (
          <Alert variant="outline" color="red.9" title="Проверьте условия поиска">
            Исправьте отмеченные поля формы.
          </Alert>
        ) : !result ? (
          <Text c="dimmed">Задайте хотя бы одно условие. Черновики (до перехода к оплате) видны только в Temporal.</Text>
        ) : result.items.length === 0 ? (
          <Text>Ничего не найдено.</Text>
        ) : (
          <Stack gap="sm">
            <PaymentsTable items={result.items} params={params} sort={sort} direction={direction} />
            <Pager path="/payments" params={params} page={result.page} pageSize={result.pageSize} total={result.total} />
            {/* A plain link, not next/link: a download, never prefetched. */}
            <Anchor href={hrefWith('/payments/export', params, { page: undefined, pageSize: undefined })} download size="sm">
              {csvLinkText(result.total, EXPORT_LIMIT, ['строка', 'строки', 'строк'])}
            </Anchor>
          </Stack>
        )}
      </section>
    </Stack>
  );
};

export default PaymentsPage;
