'use client';
// A demo account's fields: where it is (district, settlement; the city's housing office follows
// from the number), its number in the district's format, address, meter and stove.
import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifySaved } from './notify';
import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { TGetAccountResponse } from '~/server/api/routers/accounts/get-account.types';
import { PLAN_LABELS, STOVE_LABELS } from '~/server/reference/labels';
import { useTRPC } from '~/trpc/react';
import { FormAlert } from './confirm-modal';
import { fieldErrorOf, formErrorOf } from '../forms/mutation-errors';

const FIELDS = ['districtId', 'settlementId', 'number', 'street', 'house', 'flat', 'tariffPlan', 'stove', 'meterCapacity'] as const;

export const DemoAccountForm = ({ account }: { account?: TGetAccountResponse }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: districts } = useSuspenseQuery(trpc.districts.listDistricts.queryOptions());
  const [districtId, setDistrictId] = useState(account?.districtId ?? districts[0]?.id ?? '');
  const { data: district } = useQuery({ ...trpc.districts.getDistrict.queryOptions({ id: districtId }), enabled: districtId !== '' });
  const [settlementId, setSettlementId] = useState(account?.settlementId ?? '');
  const [number, setNumber] = useState(account?.number ?? '');
  const [street, setStreet] = useState(account?.street ?? '');
  const [house, setHouse] = useState(account?.house ?? '');
  const [flat, setFlat] = useState(account?.flat ?? '');
  const [tariffPlan, setPlan] = useState<'SINGLE_RATE' | 'DAY_NIGHT'>(account?.tariffPlan ?? 'SINGLE_RATE');
  const [stove, setStove] = useState<'GAS' | 'ELECTRIC'>(account?.stove ?? 'GAS');
  const [meterCapacity, setCapacity] = useState<number | string>(account?.meterCapacity ?? 99999);
  const settlements = district?.settlements ?? [];
  const chosenSettlement = settlements.some((s) => s.id === settlementId) ? settlementId : (settlements[0]?.id ?? '');

  const saved = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
    notifySaved('Демо-счёт сохранён.');
    if (!account) router.push(`/accounts/${id}` as Route);
  };
  const create = useMutation(trpc.accounts.createDemoAccount.mutationOptions({ onSuccess: ({ id }) => saved(id) }));
  const update = useMutation(trpc.accounts.updateDemoAccount.mutationOptions({ onSuccess: ({ id }) => saved(id) }));
  const error = create.error ?? update.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { districtId, settlementId: chosenSettlement, number, street, house, flat, tariffPlan, stove, meterCapacity: Number(meterCapacity) };
    if (account) update.mutate({ id: account.id, ...fields });
    else create.mutate(fields);
  };
  const city = district?.kind === 'CITY';
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={formErrorOf(error, FIELDS)} />
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label="Район"
            data={districts.map((d) => ({ value: d.id, label: d.kind === 'CITY' ? d.name : `${d.name} район` }))}
            value={districtId}
            onChange={(e) => setDistrictId(e.currentTarget.value)}
            error={fieldErrorOf(error, 'districtId')}
            miw={220}
          />
          <NativeSelect
            label="Населённый пункт"
            description="Тариф (городской или сельский) следует из вида пункта."
            data={settlements.map((s) => ({ value: s.id, label: s.name }))}
            value={chosenSettlement}
            onChange={(e) => setSettlementId(e.currentTarget.value)}
            error={fieldErrorOf(error, 'settlementId')}
            miw={220}
          />
        </Group>
        <TextInput
          label="Номер лицевого счёта"
          description={city ? 'Город: 4 цифры индекса ЖЭО и номер счёта, всего 5–12 цифр (99991234567).' : 'Район области: ровно 6 цифр.'}
          withAsterisk
          inputMode="numeric"
          autoComplete="off"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={fieldErrorOf(error, 'number')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Улица"
            withAsterisk
            value={street}
            onChange={(e) => setStreet(e.currentTarget.value)}
            error={fieldErrorOf(error, 'street')}
            miw={220}
          />
          <TextInput label="Дом" withAsterisk value={house} onChange={(e) => setHouse(e.currentTarget.value)} error={fieldErrorOf(error, 'house')} miw={100} />
          <TextInput label="Квартира" value={flat} onChange={(e) => setFlat(e.currentTarget.value)} error={fieldErrorOf(error, 'flat')} miw={100} />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label="Счётчик"
            data={(['SINGLE_RATE', 'DAY_NIGHT'] as const).map((value) => ({ value, label: PLAN_LABELS[value] }))}
            value={tariffPlan}
            onChange={(e) => setPlan(e.currentTarget.value as typeof tariffPlan)}
            error={fieldErrorOf(error, 'tariffPlan')}
            miw={180}
          />
          <NativeSelect
            label="Плита"
            data={(['GAS', 'ELECTRIC'] as const).map((value) => ({ value, label: STOVE_LABELS[value] }))}
            value={stove}
            onChange={(e) => setStove(e.currentTarget.value as typeof stove)}
            error={fieldErrorOf(error, 'stove')}
            miw={180}
          />
          <NumberInput
            label="Наибольшее показание"
            description="99999 для пятизначного счётчика: после него — 0."
            min={9}
            allowDecimal={false}
            value={meterCapacity}
            onChange={setCapacity}
            error={fieldErrorOf(error, 'meterCapacity')}
            miw={180}
          />
        </Group>
        {account && account.readingCount > 0 ? (
          <Text size="sm" c="gray.7">
            Показаний в истории: {account.readingCount}; тип счётчика у такого счёта не меняется.
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {account ? 'Сохранить счёт' : 'Завести демо-счёт'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
