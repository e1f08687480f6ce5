// What the acquirer says of the payment's order right now, asked live; an acquirer that is down
// is said plainly, with what to do, instead of breaking the page.
import { Alert, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableTr, Text } from '@mantine/core';
import type { TAcquirerView } from '~/server/api/routers/payments/shared.types';
import { acquirerStatusLabels, omskDateTime, roubles } from './format';

export const AcquirerPanel = ({ view, recordedTotalKopecks }: { view: TAcquirerView; recordedTotalKopecks: number }) => {
  switch (view.kind) {
    case 'NO_ORDER':
      return <Text>Заказ в банке не создавался: резидент не дошёл до оплаты картой.</Text>;
    case 'UNAVAILABLE':
      return (
        <Alert color="dark.5" variant="outline" title="Банк-эквайер сейчас не отвечает" data-testid="acquirer-unavailable">
          Спросили в {omskDateTime(view.checkedAt, { seconds: true })}: {view.message}. Данные ниже (проводки, квитанция) — наши; мнение банка узнайте позже,
          обновив страницу.
        </Alert>
      );
    case 'REJECTED':
      return (
        <Alert color="red.9" variant="outline" title="Банк не выдал сведения о заказе">
          {view.message}
        </Alert>
      );
    case 'OK': {
      const { order } = view;
      return (
        <TableScrollContainer minWidth={520} type="native" tabIndex={0}>
          <Table variant="vertical" withTableBorder layout="fixed" data-testid="acquirer-view">
            <TableTbody>
              <TableTr>
                <TableTh w={220}>Заказ в банке</TableTh>
                <TableTd className="num">{order.orderId}</TableTd>
              </TableTr>
              <TableTr>
                <TableTh>Статус в банке</TableTh>
                <TableTd>
                  <strong>{acquirerStatusLabels[order.status] ?? order.status}</strong> ({order.status})
                  {order.declineReason ? `, причина: ${order.declineReason}` : ''}
                </TableTd>
              </TableTr>
              <TableTr>
                <TableTh>Сумма в банке</TableTh>
                <TableTd className="num">
                  {roubles(order.amountKopecks)}
                  {order.amountKopecks !== recordedTotalKopecks ? (
                    <Text span c="red.9" fw={700}>
                      {' '}
                      — не совпадает с нашей суммой {roubles(recordedTotalKopecks)}
                    </Text>
                  ) : null}
                </TableTd>
              </TableTr>
              <TableTr>
                <TableTh>Карта</TableTh>
                <TableTd className="num">{order.cardLast4 ? `•• ${order.cardLast4}` : '—'}</TableTd>
              </TableTr>
              <TableTr>
                <TableTh>Спросили</TableTh>
                <TableTd className="num">{omskDateTime(view.checkedAt, { seconds: true })} (Омск)</TableTd>
              </TableTr>
            </TableTbody>
          </Table>
        </TableScrollContainer>
      );
    }
    default: {
      const unknown: never = view;
      return <Text>{JSON.stringify(unknown)}</Text>;
    }
  }
};
