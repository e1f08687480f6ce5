// /receipts/check?number=&code=: the console's side of the receipt's QR link (the residents' site
// has /receipts/verify with the same parameters). Genuine or forged, and whose payment it is.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { AnchorLink } from '~/components/payments/anchor-link';
import { omskDateTime, paymentStatusLabels, roubles } from '~/components/payments/format';
import { ReceiptCheckForm } from '~/components/payments/receipt-check-form';
import { param, type SearchParams } from '~/components/payments/search-params';
import { ZCheckReceiptRequest } from '~/server/api/routers/receipts/check-receipt.types';
import { requireStaff } from '~/server/auth/guard';
import { api } from '~/trpc/server';
import { formatPeriod } from '@voltpay/domain/period';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Проверка квитанции' };

const claimHref = (query: Record<string, string>) => `/claims/new?${new URLSearchParams(query).toString()}`;

const ReceiptCheckPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  const staff = await requireStaff('sales', 'admin');
  const params = await searchParams;
  const number = param(params, 'number');
  const code = param(params, 'code');
  const asked = number !== undefined || code !== undefined;
  const request = ZCheckReceiptRequest.safeParse({ number: number ?? '', code: code ?? '' });
  const errors =
    asked && !request.success
      ? { number: request.error.issues.find((i) => i.path[0] === 'number')?.message, code: request.error.issues.find((i) => i.path[0] === 'code')?.message }
      : {};
  const result = request.success ? await api.receipts.checkReceipt(request.data) : null;
  const mayOpenClaim = staff.roles.includes('sales');

  return (
    <Stack gap="lg">
      <Title order={1}>Проверка квитанции</Title>
      <Paper withBorder p="md">
        <ReceiptCheckForm
          number={number}
          code={code}
          errors={{ ...(errors.number ? { number: errors.number } : {}), ...(errors.code ? { code: errors.code } : {}) }}
        />
      </Paper>

      {result ? (
        <section aria-labelledby="verdict" aria-live="polite">
          {result.outcome === 'GENUINE' ? (
            <Alert color="#236b2e" variant="outline" title={<span id="verdict">Квитанция подлинная</span>} data-testid="receipt-verdict" data-outcome="GENUINE">
              <Stack gap={4}>
                <Text>
                  № {result.number} от {omskDateTime(result.issuedAt)} (Омск), лицевой счёт {result.accountNumber}, период {formatPeriod(result.period, 'ru')},
                  сумма <strong>{roubles(result.totalKopecks)}</strong>.
                </Text>
                <Text>Платёж сейчас: {paymentStatusLabels[result.paymentStatus]}.</Text>
                <Group gap="md" mt="xs">
                  <AnchorLink href={`/payments/${result.paymentId}`}>Открыть платёж</AnchorLink>
                  {mayOpenClaim ? (
                    <AnchorLink href={claimHref({ paymentId: result.paymentId, receiptNumber: result.number, receiptCode: request.data!.code })}>
                      Открыть претензию по этой квитанции
                    </AnchorLink>
                  ) : null}
                </Group>
              </Stack>
            </Alert>
          ) : result.outcome === 'FORGED' ? (
            <Alert
              color="red.9"
              variant="outline"
              title={<span id="verdict">Квитанция поддельная или исправлена</span>}
              data-testid="receipt-verdict"
              data-outcome="FORGED"
            >
              <Stack gap={4}>
                <Text>
                  Квитанция № {result.number} у нас есть, но код проверки на предъявленной бумаге не совпадает с её кодом: сумма, номер или код изменены (или
                  код введён с ошибкой — проверьте ещё раз).
                </Text>
                <Group gap="md" mt="xs">
                  <AnchorLink href={`/payments/${result.paymentId}`}>Платёж, которому принадлежит этот номер</AnchorLink>
                  {mayOpenClaim ? (
                    <AnchorLink href={claimHref({ receiptNumber: result.number, receiptCode: request.data!.code })}>Открыть претензию</AnchorLink>
                  ) : null}
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert color="red.9" variant="outline" title={<span id="verdict">Такой квитанции нет</span>} data-testid="receipt-verdict" data-outcome="NOT_FOUND">
              <Stack gap={4}>
                <Text>Квитанции с номером {result.number} мы не выдавали. Проверьте номер; если он верный — квитанция поддельная.</Text>
                {mayOpenClaim ? (
                  <Group mt="xs">
                    <AnchorLink href={claimHref({ receiptNumber: result.number, receiptCode: request.data!.code })}>Открыть претензию</AnchorLink>
                  </Group>
                ) : null}
              </Stack>
            </Alert>
          )}
        </section>
      ) : null}
      <Group>
        <Button component="a" href="/payments" variant="default">
          К поиску платежей
        </Button>
      </Group>
    </Stack>
  );
};

export default ReceiptCheckPage;
