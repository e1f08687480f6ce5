'use client';
// The operator's block on a payment's page and on its claim, for staff holding the operator role (a
// clerk who is also an operator can unstick or refund the payment behind a claim without leaving
// it): a line on what the payment needs, then the same buttons and dialogs as the queues
// (components/operations/payment-actions: a refund asks for a reason and confirms the amount).
import { Alert, Stack, Text } from '@mantine/core';
import type { StaffRole } from '@voltpay/prisma';
import { useState } from 'react';
import { canActOn, PaymentActions, type Outcome } from '../operations/payment-actions';
import type { TPaymentStatus } from '~/server/api/routers/payments/shared.types';

export type OperatorActionsProps = {
  paymentId: string;
  status: TPaymentStatus;
  statusReason: string | null;
  staffRoles: readonly StaffRole[];
  receiptEmail: string | null;
  totalKopecks: number;
  cardLast4: string | null;
};

export const OperatorActions = ({ paymentId, status, statusReason, staffRoles, receiptEmail, totalKopecks, cardLast4 }: OperatorActionsProps) => {
  // An action that worked may leave no action to offer (a refunded payment): its outcome is still
  // said here, where the operator clicked, until the page is reloaded.
  const [outcome, setOutcome] = useState<NonNullable<Outcome> | null>(null);
  if (!staffRoles.includes('operator')) return null;
  if (!canActOn(status)) {
    return outcome ? (
      <Alert color={outcome.kind === 'ok' ? 'green.9' : 'red.9'} variant="outline" title="Действия оператора" data-testid="operator-actions">
        <Text size="sm" role={outcome.kind === 'ok' ? 'status' : 'alert'}>
          {outcome.message}
        </Text>
      </Alert>
    ) : null;
  }
  // The workflow parks with "<stage>: <error>" as its reason (workflows/src/payment/workflow.ts).
  const stage = statusReason?.startsWith('POSTING') ? 'POSTING' : statusReason?.startsWith('DELIVERY') ? 'DELIVERY' : null;
  const advice =
    status === 'COMPLETED'
      ? 'Платёж зачислен на лицевой счёт. Если деньги нужно вернуть резиденту (например, по претензии), оформите возврат: банк вернёт их на карту, проводка будет сторнирована.'
      : status === 'NEEDS_ATTENTION'
        ? stage === 'DELIVERY'
          ? 'Платёж проведён, но квитанция не доставлена: повторите отправку.'
          : 'Платёж оплачен, но не проведён в учёте: устраните причину и повторите проведение.'
        : 'Банк не подтвердил исход оплаты: перепроверьте заказ в банке сейчас.';

  return (
    <Alert color="dark.5" variant="outline" title="Действия оператора" data-testid="operator-actions">
      <Stack gap="xs">
        <Text size="sm">{advice}</Text>
        <PaymentActions
          paymentId={paymentId}
          status={status}
          staffRoles={staffRoles}
          attentionStage={stage}
          receiptEmail={receiptEmail}
          totalKopecks={totalKopecks}
          cardLast4={cardLast4}
          onOutcome={setOutcome}
        />
      </Stack>
    </Alert>
  );
};
