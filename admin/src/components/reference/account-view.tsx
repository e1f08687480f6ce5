'use client';
// One account: what it is and what was billed to it per period. Demo accounts are edited here;
// billing accounts are shown read-only (they change in the utility's billing).
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifySaved } from './notify';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { formatRoubles } from '@voltpay/domain/money';
import type { Route } from 'next';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { TAccountPeriod } from '~/server/api/routers/accounts/get-account.types';
import { LOCALITY_LABELS, PLAN_LABELS, STOVE_LABELS } from '~/server/reference/labels';
import { useTRPC } from '~/trpc/react';
import { FormAlert } from './confirm-modal';
import { DemoAccountForm } from './demo-account-form';
import { fieldErrorOf, formErrorOf } from '../forms/mutation-errors';
import { FormActions } from '../forms/form-actions';
import { formatPeriod } from '@voltpay/domain/period';
import { omskDay } from '@voltpay/domain/omsk-time';

const amount = (kopecks: number | null) => (kopecks === null ? '—' : formatRoubles(kopecks, 'ru'));
/** Kopecks as the amount field shows them (`1234,56`), for editing. */
const amountText = (kopecks: number | null) => (kopecks === null ? '' : `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`);

const currentPeriod = () => omskDay().slice(0, 7);

const PeriodModal = ({ accountId, period, onClose }: { accountId: string; period: TAccountPeriod | null; onClose: () => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(period?.period ?? currentPeriod());
  const [commonArea, setCommonArea] = useState(amountText(period?.commonAreaKopecks ?? null));
  const [penalty, setPenalty] = useState(amountText(period?.penaltyKopecks ?? null));
  const [electricity, setElectricity] = useState(amountText(period?.electricityKopecks ?? null));
  const [debt, setDebt] = useState(amountText(period?.debtKopecks ?? null));
  const save = useMutation(
    trpc.accounts.setDemoAccountPeriod.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.accounts.getAccount.queryKey({ id: accountId }) });
        notifySaved(`Начисления за ${month} сохранены.`);
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ accountId, period: month, commonArea, penalty, electricity, debt });
  };
  const field = (label: string, value: string, set: (v: string) => void, name: string) => (
    <TextInput
      label={label}
      inputMode="decimal"
      autoComplete="off"
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      error={fieldErrorOf(save.error, name)}
    />
  );
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
      title={period ? `Период: ${formatPeriod(period.period, 'ru')}` : 'Начисления за период'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formErrorOf(save.error, ['period', 'commonArea', 'penalty', 'electricity', 'debt'])} />
          <TextInput
            label="Период"
            type="month"
            withAsterisk
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            disabled={period !== null}
            error={fieldErrorOf(save.error, 'period')}
            data-autofocus
          />
          <Text size="sm" c="gray.7">
            Суммы в рублях (1 234,56). Пустое поле — строки нет.
          </Text>
          {field('МОП (общедомовые нужды), ₽', commonArea, setCommonArea, 'commonArea')}
          {field('Пени, ₽', penalty, setPenalty, 'penalty')}
          {field('Электроэнергия по биллингу (справочно), ₽', electricity, setElectricity, 'electricity')}
          {field('Долг за период, ₽', debt, setDebt, 'debt')}
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};

export const AccountView = ({ id }: { id: string }) => {
  const trpc = useTRPC();
  const { data: account } = useSuspenseQuery(trpc.accounts.getAccount.queryOptions({ id }));
  const [editing, setEditing] = useState<{ period: TAccountPeriod | null } | null>(null);
  const place =
    account.districtKind === 'CITY'
      ? `${account.districtName}, ЖЭО ${account.housingOfficeIndex ?? '—'}`
      : `${account.districtName} район, ${account.settlementName}`;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} href={'/accounts' as Route} size="sm">
          ← Все счета
        </Anchor>
        <Group gap="xs">
          <Title order={1}>Лицевой счёт {account.number}</Title>
          {account.isDemo ? (
            <Badge color="grape.9" variant="filled">
              демо
            </Badge>
          ) : null}
        </Group>
        <Text c="gray.7" size="sm">
          {place}; {account.street}, д. {account.house}
          {account.flat ? `, кв. ${account.flat}` : ''}. {LOCALITY_LABELS[account.locality]}, {STOVE_LABELS[account.stove]}, счётчик{' '}
          {PLAN_LABELS[account.tariffPlan]}; оплат: {account.paymentCount}.
        </Text>
      </div>
      {account.isDemo ? (
        <Card withBorder component="section" aria-labelledby="account-fields">
          <Title order={2} size="h4" id="account-fields" mb="xs">
            Данные счёта
          </Title>
          <DemoAccountForm key={account.number + account.street + account.house} account={account} />
        </Card>
      ) : (
        <Alert color="blue" title="Счёт из биллинга">
          Этот счёт пришёл из биллинга энергосбыта: в консоли его только смотрят. Адрес, начисления и долги меняют в биллинге.
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="periods-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="periods-title">
            Начисления и долги по периодам
          </Title>
          {account.isDemo ? (
            <Button size="xs" onClick={() => setEditing({ period: null })}>
              Добавить период
            </Button>
          ) : null}
        </Group>
        {account.periods.length === 0 ? (
          <Text c="gray.7">Начислений и долгов нет.</Text>
        ) : (
          <TableScrollContainer minWidth={640}>
            <Table striped>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">Период</TableTh>
                  <TableTh scope="col" ta="right">
                    МОП
                  </TableTh>
                  <TableTh scope="col" ta="right">
                    Пени
                  </TableTh>
                  <TableTh scope="col" ta="right">
                    Электроэнергия
                  </TableTh>
                  <TableTh scope="col" ta="right">
                    Долг
                  </TableTh>
                  {account.isDemo ? (
                    <TableTh scope="col">
                      <VisuallyHidden>Действия</VisuallyHidden>
                    </TableTh>
                  ) : null}
                </TableTr>
              </TableThead>
              <TableTbody>
                {account.periods.map((p) => (
                  <TableTr key={p.period}>
                    <TableTd>{formatPeriod(p.period, 'ru')}</TableTd>
                    <TableTd ta="right">{amount(p.commonAreaKopecks)}</TableTd>
                    <TableTd ta="right">{amount(p.penaltyKopecks)}</TableTd>
                    <TableTd ta="right">{amount(p.electricityKopecks)}</TableTd>
                    <TableTd ta="right">{amount(p.debtKopecks)}</TableTd>
                    {account.isDemo ? (
                      <TableTd>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing({ period: p })}
                          aria-label={`Изменить период ${formatPeriod(p.period, 'ru')}`}
                        >
                          Изменить
                        </Button>
                      </TableTd>
                    ) : null}
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Card>
      {editing ? <PeriodModal accountId={account.id} period={editing.period} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
};
