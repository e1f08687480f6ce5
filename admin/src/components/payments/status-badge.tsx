// The payment's status as a coloured badge with its Russian name (colour is never the only cue).
import { Badge } from '@mantine/core';
import type { TPaymentStatus } from '~/server/api/routers/payments/shared.types';
import { paymentStatusColors, paymentStatusLabels } from './format';

export const PaymentStatusBadge = ({ status }: { status: TPaymentStatus }) => (
  <Badge
    tt="none"
    styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
    color={paymentStatusColors[status]}
    variant="filled"
    title={status}
  >
    {paymentStatusLabels[status]}
  </Badge>
);
