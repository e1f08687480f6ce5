'use client';
// The operator's buttons on a stuck payment's page, for staff holding the operator role (a clerk
// who is also an operator can unstick the payment behind a claim without leaving it). The actions
// are the operator area's procedures (server/api/routers/operations); refunds, which need a
// reason and a second look, stay in that area's queue.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { TPaymentStatus } from '../../server/api/routers/payments/shared.types';
import { useTRPC } from '../../trpc/react';
import { AnchorLink } from './anchor-link';

export type OperatorActionsProps = { paymentId: string; status: TPaymentStatus; statusReason: string | null };

export const OperatorActions = ({ paymentId, status, statusReason }: OperatorActionsProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const done = {
    onSuccess: (result: { message: string }) => {
      notifications.show({ color: 'green', title: 'Готово', message: result.message });
      router.refresh();
    },
    onError: (error: { message: string }) => notifications.show({ color: 'red', title: 'Не получилось', message: error.message }),
  };
  const retryPosting = useMutation(trpc.operations.retryPaymentPosting.mutationOptions(done));
  const retryDelivery = useMutation(trpc.operations.retryReceiptDelivery.mutationOptions(done));
  const recheck = useMutation(trpc.operations.recheckPayment.mutationOptions(done));
  const busy = retryPosting.isPending || retryDelivery.isPending || recheck.isPending;
  // The workflow parks with "<stage>: <error>" as its reason (workflows/src/payment/workflow.ts).
  const stage = statusReason?.startsWith('POSTING') ? 'POSTING' : statusReason?.startsWith('DELIVERY') ? 'DELIVERY' : null;

  if (status !== 'NEEDS_ATTENTION' && status !== 'UNCONFIRMED') return null;
  const error = retryPosting.error ?? retryDelivery.error ?? recheck.error;

  return (
    <Alert color="dark.5" variant="outline" title="Действия оператора">
      <Stack gap="xs">
        <Text size="sm">
          {status === 'UNCONFIRMED'
            ? 'Банк не подтвердил исход оплаты: перепроверьте заказ в банке сейчас.'
            : stage === 'DELIVERY'
              ? 'Платёж проведён, но квитанция не доставлена: повторите отправку.'
              : 'Платёж оплачен, но не проведён в учёте: устраните причину и повторите проведение.'}
        </Text>
        <Group gap="sm">
          {status === 'UNCONFIRMED' ? (
            <Button onClick={() => recheck.mutate({ paymentId })} loading={recheck.isPending} disabled={busy}>
              Перепроверить в банке
            </Button>
          ) : null}
          {status === 'NEEDS_ATTENTION' && stage !== 'DELIVERY' ? (
            <Button onClick={() => retryPosting.mutate({ paymentId })} loading={retryPosting.isPending} disabled={busy}>
              Повторить проведение
            </Button>
          ) : null}
          {status === 'NEEDS_ATTENTION' && stage !== 'POSTING' ? (
            <Button onClick={() => retryDelivery.mutate({ paymentId })} loading={retryDelivery.isPending} disabled={busy} variant="default">
              Повторить отправку квитанции
            </Button>
          ) : null}
          <AnchorLink href="/queues">Возврат и другие действия — в очередях</AnchorLink>
        </Group>
        {error ? (
          <Text c="red.9" size="sm" role="alert">
            {error.message}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
};
