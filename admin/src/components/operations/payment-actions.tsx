'use client';
// What an operator can do about one payment, as buttons: re-check with the acquirer, retry the
// posting, send the receipt again (optionally elsewhere), refund (with a reason, after an
// explicit confirmation naming the amount). Used by the queues and by the payment page:
// <PaymentActions paymentId status staffRoles />. Renders nothing for staff without `operator`
// or for a status no action applies to. The workflow decides; this shows its answer plainly.
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StaffRole } from '@voltpay/prisma';
import type { AttentionStage } from '@voltpay/workflows/payment';
import { formatRoubles } from '@voltpay/domain/money';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { TPaymentStatus } from '~/server/api/routers/payments/shared.types';
import { useTRPC } from '~/trpc/react';
import { fieldErrorsOf, formErrorOf } from '../claims/use-field-errors';

export type PaymentActionsProps = {
  paymentId: string;
  status: TPaymentStatus;
  staffRoles: readonly StaffRole[];
  /** NEEDS_ATTENTION: which step failed (shows only the retry that applies); unknown → both. */
  attentionStage?: AttentionStage | null;
  /** Prefills "send to another address". */
  receiptEmail?: string | null;
  /** For the refund confirmation: what goes back, to which card. */
  totalKopecks?: number;
  cardLast4?: string | null;
  /** Smaller buttons (table rows). */
  compact?: boolean;
  /** After an action ended (done or refused): the caller refreshes what it shows. */
  onDone?: () => void;
  /**
   * The outcome, for a caller whose list may drop this row once the action worked (the queues):
   * it says the outcome where it stays visible, since this component's own line goes with the row.
   */
  onOutcome?: (outcome: NonNullable<Outcome>) => void;
};

export type Outcome = { kind: 'ok' | 'error'; message: string } | null;

const RECHECKABLE: TPaymentStatus[] = ['UNCONFIRMED', 'AWAITING_CARD', 'PROCESSING'];

export const canActOn = (status: TPaymentStatus) => RECHECKABLE.includes(status) || status === 'NEEDS_ATTENTION' || status === 'COMPLETED';

export const PaymentActions = ({
  paymentId,
  status,
  staffRoles,
  attentionStage = null,
  receiptEmail = null,
  totalKopecks,
  cardLast4 = null,
  compact = false,
  onDone,
  onOutcome,
}: PaymentActionsProps) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [dialog, setDialog] = useState<'delivery' | 'refund' | null>(null);
  const outcomeId = useId();
  const report = (next: NonNullable<Outcome>) => {
    setOutcome(next);
    onOutcome?.(next);
  };

  const settled = {
    onSuccess: (result: { message: string }) => report({ kind: 'ok', message: result.message }),
    onError: (error: { message: string }) => report({ kind: 'error', message: error.message }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.operations.pathKey() });
      router.refresh();
      onDone?.();
    },
  };
  const recheck = useMutation(trpc.operations.recheckPayment.mutationOptions(settled));
  const retryPosting = useMutation(trpc.operations.retryPaymentPosting.mutationOptions(settled));
  const pending = recheck.isPending || retryPosting.isPending;

  if (!staffRoles.includes('operator') || !canActOn(status)) return null;
  const size = compact ? 'xs' : 'sm';
  const describedBy = outcome ? outcomeId : undefined;

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        {RECHECKABLE.includes(status) ? (
          <Button
            size={size}
            variant="default"
            loading={recheck.isPending}
            disabled={pending}
            aria-describedby={describedBy}
            onClick={() => recheck.mutate({ paymentId })}
          >
            Перепроверить в банке
          </Button>
        ) : null}
        {status === 'NEEDS_ATTENTION' && attentionStage !== 'DELIVERY' ? (
          <Button
            size={size}
            loading={retryPosting.isPending}
            disabled={pending}
            aria-describedby={describedBy}
            onClick={() => retryPosting.mutate({ paymentId })}
          >
            Повторить проведение
          </Button>
        ) : null}
        {status === 'NEEDS_ATTENTION' && attentionStage !== 'POSTING' ? (
          <Button size={size} variant="default" disabled={pending} onClick={() => setDialog('delivery')}>
            Отправить квитанцию снова
          </Button>
        ) : null}
        {status === 'NEEDS_ATTENTION' || status === 'COMPLETED' ? (
          <Button size={size} variant="outline" color="red.9" disabled={pending} onClick={() => setDialog('refund')}>
            Вернуть деньги
          </Button>
        ) : null}
      </Group>
      {outcome ? (
        <Alert id={outcomeId} color={outcome.kind === 'ok' ? 'green.9' : 'red.9'} variant="light" role={outcome.kind === 'ok' ? 'status' : 'alert'} p="xs">
          <Text size="sm">{outcome.message}</Text>
        </Alert>
      ) : null}
      {dialog === 'delivery' ? <DeliveryDialog paymentId={paymentId} receiptEmail={receiptEmail} onClose={() => setDialog(null)} settled={settled} /> : null}
      {dialog === 'refund' ? (
        <RefundDialog
          paymentId={paymentId}
          completed={status === 'COMPLETED'}
          totalKopecks={totalKopecks}
          cardLast4={cardLast4}
          onClose={() => setDialog(null)}
          settled={settled}
        />
      ) : null}
    </Stack>
  );
};

type Settled = {
  onSuccess: (result: { message: string }) => void;
  onError: (error: { message: string }) => void;
  onSettled: () => Promise<void>;
};

/** A dialog closes once its action succeeded; a refusal keeps it open, with the message in it. */
const closingOnSuccess = (settled: Settled, onClose: () => void): Settled => ({
  ...settled,
  onSuccess: (result) => {
    settled.onSuccess(result);
    onClose();
  },
  // The refusal is shown inside the dialog: the page's outcome line would repeat it behind the overlay.
  onError: () => undefined,
});

const DeliveryDialog = ({
  paymentId,
  receiptEmail,
  onClose,
  settled,
}: {
  paymentId: string;
  receiptEmail: string | null;
  onClose: () => void;
  settled: Settled;
}) => {
  const trpc = useTRPC();
  const [target, setTarget] = useState<'same' | 'other' | 'none'>(receiptEmail ? 'same' : 'other');
  const [email, setEmail] = useState(receiptEmail ?? '');
  const retry = useMutation(trpc.operations.retryReceiptDelivery.mutationOptions(closingOnSuccess(settled, onClose)));
  const errors = fieldErrorsOf(retry.error);
  const formError = retry.error && !errors.email ? formErrorOf(retry.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    retry.mutate({ paymentId, ...(target === 'other' ? { email } : target === 'none' ? { email: null } : {}) });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title="Отправить квитанцию снова">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red.9" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Radio.Group label="Куда отправить" value={target} onChange={(v) => setTarget(v)}>
            <Stack gap="xs" mt="xs">
              <Radio value="same" label={receiptEmail ? `На тот же адрес (${receiptEmail})` : 'На тот же адрес'} disabled={!receiptEmail} />
              <Radio value="other" label="На исправленный адрес" />
              <Radio value="none" label="Не отправлять письмо (квитанция останется доступной для скачивания)" />
            </Stack>
          </Radio.Group>
          {target === 'other' ? (
            <TextInput
              label="Адрес электронной почты"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
              autoComplete="off"
              data-autofocus
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={retry.isPending}>
              Отправить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

const RefundDialog = ({
  paymentId,
  completed,
  totalKopecks,
  cardLast4,
  onClose,
  settled,
}: {
  paymentId: string;
  completed: boolean;
  totalKopecks: number | undefined;
  cardLast4: string | null;
  onClose: () => void;
  settled: Settled;
}) => {
  const trpc = useTRPC();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  // One procedure whatever the status: the server picks who refunds (server/operations/refund-payment.ts).
  const mutation = useMutation(trpc.operations.refundPayment.mutationOptions(closingOnSuccess(settled, onClose)));
  const errors = fieldErrorsOf(mutation.error);
  const formError = mutation.error && !errors.reason ? formErrorOf(mutation.error) : null;
  const what = `${totalKopecks !== undefined ? formatRoubles(totalKopecks, 'ru') : 'Вся сумма'} вернётся на карту${cardLast4 ? ` •••• ${cardLast4}` : ''}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ paymentId, reason });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
      title={completed ? 'Вернуть деньги за зачисленный платёж' : 'Вернуть деньги'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {what}
            {completed ? '; проводка в учёте будет сторнирована, квитанция при проверке покажет «возвращён».' : '.'} Отменить возврат нельзя.
          </Text>
          {formError ? (
            <Alert color="red.9" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label="Причина возврата"
            description="Например, номер претензии и что решили. До 500 символов."
            required
            minRows={3}
            autosize
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          {/* Either refund is final: both ask for the same explicit confirmation. */}
          <Checkbox label="Я проверил(а): деньги нужно вернуть резиденту" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red.9" loading={mutation.isPending} disabled={!confirmed}>
              Вернуть деньги
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
