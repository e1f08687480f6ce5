// What an operator can do about a stuck payment, shown on its page to staff holding the operator
// role. The actions themselves (retry posting, re-check, refund) belong to the operator area.
import { Alert, Text } from '@mantine/core';
import type { TPaymentStatus } from '../../server/api/routers/payments/shared.types';
import { AnchorLink } from './anchor-link';

const NEEDS_OPERATOR: TPaymentStatus[] = ['NEEDS_ATTENTION', 'UNCONFIRMED'];

export const OperatorActions = ({ paymentId, status }: { paymentId: string; status: TPaymentStatus }) =>
  NEEDS_OPERATOR.includes(status) ? (
    <Alert color="orange" variant="outline" title="Нужны действия оператора" data-payment-id={paymentId}>
      <Text>
        Платёж остановился и ждёт оператора. Действия (повторить проведение, перепроверить в банке, вернуть) — в разделе{' '}
        <AnchorLink href="/queues">Очереди</AnchorLink>.
      </Text>
    </Alert>
  ) : null;
