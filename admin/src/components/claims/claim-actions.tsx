'use client';
// Moving a claim on: take it (OPEN → INVESTIGATING), then resolve it. The resolutions the ledger
// does not support yet are shown disabled with the reason; the server checks the same rule again.
// Resolving cannot be undone, so it asks once more, naming the decision, before it is sent.
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { claimResolutionLabels } from '../payments/format';
import { fieldErrorsOf, formErrorOf } from './use-field-errors';

type Resolution = 'POSTED' | 'REFUNDED' | 'REJECTED';

export type ClaimActionsProps = {
  claimId: string;
  status: 'OPEN' | 'INVESTIGATING' | 'RESOLVED';
  /** The books of the claim's payment now; null when the claim has no payment. */
  ledger: { posted: boolean; refunded: boolean } | null;
};

const refusal = (resolution: Resolution, ledger: ClaimActionsProps['ledger']): string | null => {
  if (resolution === 'REJECTED') return null;
  if (!ledger) return 'претензия не связана с платежом';
  if (resolution === 'POSTED') return ledger.refunded ? 'платёж возвращён' : ledger.posted ? null : 'платёж ещё не проведён в учёте';
  return ledger.refunded ? null : 'возврат не проведён в учёте';
};

export const ClaimActions = ({ claimId, status, ledger }: ClaimActionsProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const take = useMutation(trpc.claims.startClaimInvestigation.mutationOptions({ onSuccess: () => router.refresh() }));
  const resolve = useMutation(
    trpc.claims.resolveClaim.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        router.refresh();
      },
      // The refusal is said in the form, next to the field it concerns.
      onError: () => setConfirming(false),
    }),
  );
  const errors = fieldErrorsOf(resolve.error);
  const formError = formErrorOf(resolve.error);

  if (status === 'RESOLVED') return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!resolution) return;
    setConfirming(true);
  };

  return (
    <Stack gap="md">
      {status === 'OPEN' ? (
        <Group>
          <Button onClick={() => take.mutate({ claimId })} loading={take.isPending} variant="default">
            Взять в работу
          </Button>
          {take.error ? (
            <Text c="red.9" role="alert">
              {take.error.message}
            </Text>
          ) : null}
        </Group>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Решение по претензии">
        <Stack gap="sm">
          {formError ? (
            <Alert variant="outline" color="red.9" role="alert" title="Претензия не решена">
              {formError}
            </Alert>
          ) : null}
          <Radio.Group label="Решение" value={resolution} onChange={(v) => setResolution(v)} error={errors.resolution} required>
            <Stack gap="xs" mt="xs">
              {(['POSTED', 'REFUNDED', 'REJECTED'] as const).map((value) => {
                const why = refusal(value, ledger);
                return (
                  <Radio
                    key={value}
                    value={value}
                    label={claimResolutionLabels[value]}
                    description={why ? `Нельзя: ${why}` : undefined}
                    disabled={why !== null}
                  />
                );
              })}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Пояснение к решению"
            required
            minRows={3}
            autosize
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Group>
            <Button type="submit" loading={resolve.isPending} disabled={!resolution}>
              Решить претензию
            </Button>
          </Group>
        </Stack>
      </form>
      {confirming && resolution ? (
        <Modal opened onClose={() => setConfirming(false)} closeButtonProps={{ 'aria-label': 'Закрыть' }} title="Решить претензию?">
          <Stack gap="sm">
            <Text>
              Решение: <strong>{claimResolutionLabels[resolution]}</strong>. Изменить его потом нельзя: претензия закроется, сведения о платеже на этот момент
              сохранятся в ней и попадут в печатную форму.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
              <Button loading={resolve.isPending} onClick={() => resolve.mutate({ claimId, resolution, note })} data-autofocus>
                Да, решить претензию
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
};
