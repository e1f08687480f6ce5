// The payment's double-entry postings: each with its entries and whether debits equal credits.
import { Alert, Badge, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import type { TGetPaymentResponse } from '~/server/api/routers/payments/get-payment.types';
import { ledgerAccountLabels, lineKindLabels, omskDateTime, roubles } from './format';

export const LedgerPanel = ({ ledger, accountNumber }: { ledger: TGetPaymentResponse['ledger']; accountNumber: string }) => {
  if (ledger.postings.length === 0)
    return (
      <Alert color="dark.5" variant="outline" title="Проводок нет" data-testid="ledger-empty">
        Платёж не проведён в учёте: на лицевой счёт {accountNumber} деньги не зачислены.
      </Alert>
    );
  return (
    <Stack gap="md" data-testid="ledger">
      {!ledger.balanced ? (
        <Alert variant="outline" color="red.9" title="Проводка не сбалансирована">
          Дебет не равен кредиту — сообщите администратору.
        </Alert>
      ) : null}
      {ledger.postings.map((posting) => (
        <Stack key={posting.id} gap={4} data-testid={`posting-${posting.kind}`}>
          <Group gap="sm">
            <Text fw={700}>{posting.kind === 'PAYMENT' ? 'Зачисление платежа' : 'Возврат (сторно)'}</Text>
            <Text className="num">{roubles(posting.totalKopecks)}</Text>
            <Text size="sm" c="dimmed" className="num">
              {omskDateTime(posting.postedAt, { seconds: true })}
            </Text>
            <Badge
              tt="none"
              styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
              color={posting.balanced ? '#236b2e' : 'red.9'}
              variant="filled"
              size="sm"
            >
              {posting.balanced ? 'сбалансирована' : 'не сбалансирована'}
            </Badge>
          </Group>
          <Text size="sm">{posting.description}</Text>
          <TableScrollContainer minWidth={560} type="native" tabIndex={0}>
            <Table withTableBorder verticalSpacing={4}>
              <TableThead>
                <TableTr>
                  <TableTh>Счёт учёта</TableTh>
                  <TableTh>Строка</TableTh>
                  <TableTh ta="right">Дебет</TableTh>
                  <TableTh ta="right">Кредит</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {posting.entries.map((entry) => (
                  <TableTr key={entry.id}>
                    <TableTd>
                      {ledgerAccountLabels[entry.ledgerAccount] ?? entry.ledgerAccount}
                      {entry.accountId ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          (л/с {accountNumber})
                        </Text>
                      ) : null}
                    </TableTd>
                    <TableTd>{entry.lineKind ? lineKindLabels[entry.lineKind] : '—'}</TableTd>
                    <TableTd className="num" ta="right">
                      {entry.direction === 'DEBIT' ? roubles(entry.amountKopecks) : ''}
                    </TableTd>
                    <TableTd className="num" ta="right">
                      {entry.direction === 'CREDIT' ? roubles(entry.amountKopecks) : ''}
                    </TableTd>
                  </TableTr>
                ))}
                <TableTr>
                  <TableTh colSpan={2}>Итого</TableTh>
                  <TableTd className="num" ta="right" fw={700}>
                    {roubles(posting.debitKopecks)}
                  </TableTd>
                  <TableTd className="num" ta="right" fw={700}>
                    {roubles(posting.creditKopecks)}
                  </TableTd>
                </TableTr>
              </TableTbody>
            </Table>
          </TableScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
};
