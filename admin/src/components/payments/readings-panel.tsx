'use client';
// The meter readings a payment recorded. A reading that started from the resident's own word (no
// earlier one was recorded) is marked unverified: it is not the meter's next start until an
// operator or admin, having checked it (a photo of the meter, the billing), approves it here.
import { Alert, Button, Group, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { TGetPaymentReadingsResponse } from '~/server/api/routers/payments/get-payment-readings.types';
import { useTRPC } from '~/trpc/react';
import { omskDateTime } from './format';

const ZONE_LABELS = { SINGLE: 'Однотарифный', DAY: 'День', NIGHT: 'Ночь' } as const;

export const ReadingsPanel = ({ paymentId, readings, canApprove }: { paymentId: string; readings: TGetPaymentReadingsResponse; canApprove: boolean }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const approve = useMutation(
    trpc.operations.approveDeclaredReadings.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Готово', message: 'Показания подтверждены: следующий платёж начнётся с них.' });
        router.refresh();
      },
      onError: (error) => notifications.show({ color: 'red', title: 'Не получилось', message: error.message }),
    }),
  );
  if (readings.length === 0) return <Text c="dimmed">Платёж не записал показаний (оплата суммой).</Text>;
  const unverified = readings.some((r) => !r.verified);
  return (
    <>
      <TableScrollContainer minWidth={520} type="native" tabIndex={0}>
        <Table withTableBorder verticalSpacing={4} data-testid="payment-readings">
          <TableThead>
            <TableTr>
              <TableTh>Зона</TableTh>
              <TableTh ta="right">Начальные</TableTh>
              <TableTh ta="right">Конечные</TableTh>
              <TableTh>Проверка</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {readings.map((r) => (
              <TableTr key={r.zone}>
                <TableTd>{ZONE_LABELS[r.zone]}</TableTd>
                <TableTd className="num" ta="right">
                  {r.start ?? '—'}
                </TableTd>
                <TableTd className="num" ta="right">
                  {r.end}
                </TableTd>
                <TableTd>
                  {r.verified
                    ? r.approvedBy
                      ? `подтверждены: ${r.approvedBy}, ${omskDateTime(r.approvedAt!)}`
                      : 'продолжают последние записанные'
                    : 'начальные заявлены жителем, не проверены'}
                </TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      {unverified ? (
        <Alert color="dark.5" variant="outline" mt="sm" title="Показания не проверены">
          <Text size="sm">
            У счётчика не было записанных показаний, и житель сам указал начальные. Пока их не подтвердят, следующий платёж не начнётся с этих показаний.
          </Text>
          {canApprove ? (
            <Group mt="xs">
              <Button loading={approve.isPending} onClick={() => approve.mutate({ paymentId })}>
                Подтвердить показания
              </Button>
            </Group>
          ) : null}
        </Alert>
      ) : null}
    </>
  );
};
