'use client';
// The list of districts (the city first, then the region's) and a form to add one.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
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
} from '@mantine/core';
import { notifySaved } from './notify';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { MapPinPlus } from 'lucide-react';
import type { Route } from 'next';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { DISTRICT_KIND_LABELS } from '~/server/reference/labels';
import { useTRPC } from '~/trpc/react';
import { FormAlert } from './confirm-modal';
import { fieldErrorOf, formErrorOf } from '../forms/mutation-errors';

const CreateDistrictModal = ({ nextSortOrder, onClose }: { nextSortOrder: number; onClose: () => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'CITY' | 'REGION_DISTRICT'>('REGION_DISTRICT');
  const [sortOrder, setSortOrder] = useState<number | string>(nextSortOrder);
  const create = useMutation(
    trpc.districts.createDistrict.mutationOptions({
      onSuccess: async (district) => {
        await queryClient.invalidateQueries({ queryKey: trpc.districts.pathKey() });
        notifySaved(`Район «${district.name}» добавлен.`);
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ code, name, kind, sortOrder: Number(sortOrder) });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title="Новый район">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formErrorOf(create.error, ['code', 'name', 'kind', 'sortOrder'])} />
          <TextInput
            label="Название"
            description="Без слова «район»: его добавляет сайт."
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrorOf(create.error, 'name')}
            data-autofocus
          />
          <TextInput
            label="Код"
            description="Латиницей, для адресов и загрузки данных (например, azovsky). Потом не меняется."
            withAsterisk
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrorOf(create.error, 'code')}
          />
          <NativeSelect
            label="Вид"
            data={(['REGION_DISTRICT', 'CITY'] as const).map((value) => ({ value, label: DISTRICT_KIND_LABELS[value] }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
            error={fieldErrorOf(create.error, 'kind')}
          />
          <NumberInput
            label="Порядок в списке"
            min={0}
            allowDecimal={false}
            value={sortOrder}
            onChange={setSortOrder}
            error={fieldErrorOf(create.error, 'sortOrder')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={create.isPending}>
              Добавить
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

export const DistrictsManager = () => {
  const trpc = useTRPC();
  const { data: districts } = useSuspenseQuery(trpc.districts.listDistricts.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Районы и пункты</Title>
          <Text c="gray.7" size="sm">
            Город Омск с ЖЭО и районы области с населёнными пунктами — в порядке, в котором их видят жители. Откройте район, чтобы изменить его пункты.
          </Text>
        </div>
        <Button leftSection={<MapPinPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          Добавить район
        </Button>
      </Group>
      <TableScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <TableThead>
            <TableTr>
              <TableTh scope="col">Порядок</TableTh>
              <TableTh scope="col">Название</TableTh>
              <TableTh scope="col">Вид</TableTh>
              <TableTh scope="col">Код</TableTh>
              <TableTh scope="col" ta="right">
                Пунктов
              </TableTh>
              <TableTh scope="col" ta="right">
                ЖЭО
              </TableTh>
              <TableTh scope="col" ta="right">
                Счетов
              </TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {districts.map((d) => (
              <TableTr key={d.id}>
                <TableTd>{d.sortOrder}</TableTd>
                <TableTd>
                  <Anchor component={Link} href={`/districts/${d.id}` as Route}>
                    {d.name}
                  </Anchor>
                </TableTd>
                <TableTd>
                  {d.kind === 'CITY' ? (
                    <Badge color="blue.9" variant="filled">
                      {DISTRICT_KIND_LABELS[d.kind]}
                    </Badge>
                  ) : (
                    DISTRICT_KIND_LABELS[d.kind]
                  )}
                </TableTd>
                <TableTd ff="monospace">{d.code}</TableTd>
                <TableTd ta="right">{d.settlementCount}</TableTd>
                <TableTd ta="right">{d.housingOfficeCount}</TableTd>
                <TableTd ta="right">{d.accountCount}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
      {creating ? <CreateDistrictModal nextSortOrder={Math.max(0, ...districts.map((d) => d.sortOrder)) + 1} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
};
