'use client';
// One district: its own fields, its settlements (kind, order, the district centre) and, for the
// city, its housing offices. Rows that accounts use cannot be deleted; the refusal says why.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
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
  VisuallyHidden,
} from '@mantine/core';
import { notifySaved } from './notify';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { Route } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { THousingOfficeItem, TSettlementItem } from '~/server/api/routers/districts/get-district.types';
import { DISTRICT_KIND_LABELS, SETTLEMENT_KIND_LABELS } from '~/server/reference/labels';
import { useTRPC } from '~/trpc/react';
import { ConfirmDeleteModal, FormAlert } from './confirm-modal';
import { fieldErrorOf, formErrorOf } from '../forms/mutation-errors';
import { FormActions } from '../forms/form-actions';

type SettlementKind = TSettlementItem['kind'];
const SETTLEMENT_KINDS: SettlementKind[] = ['TOWN', 'URBAN_SETTLEMENT', 'VILLAGE', 'HAMLET'];

const useInvalidateDistricts = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.districts.pathKey() });
};

const DistrictForm = ({ district }: { district: { id: string; code: string; name: string; kind: 'CITY' | 'REGION_DISTRICT'; sortOrder: number } }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateDistricts();
  const [name, setName] = useState(district.name);
  const [kind, setKind] = useState(district.kind);
  const [sortOrder, setSortOrder] = useState<number | string>(district.sortOrder);
  const update = useMutation(
    trpc.districts.updateDistrict.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySaved('Район сохранён.');
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: district.id, name, kind, sortOrder: Number(sortOrder) });
  };
  return (
    <Card withBorder component="section" aria-labelledby="district-fields">
      <Title order={2} size="h4" id="district-fields" mb="xs">
        Район
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formErrorOf(update.error, ['name', 'kind', 'sortOrder'])} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label="Название"
              withAsterisk
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrorOf(update.error, 'name')}
              miw={220}
            />
            <NativeSelect
              label="Вид"
              data={(['CITY', 'REGION_DISTRICT'] as const).map((value) => ({ value, label: DISTRICT_KIND_LABELS[value] }))}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
              error={fieldErrorOf(update.error, 'kind')}
              miw={180}
            />
            <NumberInput
              label="Порядок в списке"
              min={0}
              allowDecimal={false}
              value={sortOrder}
              onChange={setSortOrder}
              error={fieldErrorOf(update.error, 'sortOrder')}
              miw={140}
            />
          </Group>
          <Text size="sm" c="gray.7">
            Код: <code>{district.code}</code> (не меняется: по нему ссылки и загрузка данных).
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Сохранить район
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
};

const SettlementModal = ({
  districtId,
  settlement,
  nextSortOrder,
  onClose,
}: {
  districtId: string;
  settlement: TSettlementItem | null;
  nextSortOrder: number;
  onClose: () => void;
}) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateDistricts();
  const [name, setName] = useState(settlement?.name ?? '');
  const [kind, setKind] = useState<SettlementKind>(settlement?.kind ?? 'VILLAGE');
  const [isDistrictCentre, setCentre] = useState(settlement?.isDistrictCentre ?? false);
  const [sortOrder, setSortOrder] = useState<number | string>(settlement?.sortOrder ?? nextSortOrder);
  const done = async () => {
    await invalidate();
    notifySaved(`«${name.trim()}» сохранён.`);
    onClose();
  };
  const create = useMutation(trpc.districts.createSettlement.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.districts.updateSettlement.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { name, kind, isDistrictCentre, sortOrder: Number(sortOrder) };
    if (settlement) update.mutate({ id: settlement.id, ...fields });
    else create.mutate({ districtId, ...fields });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title={settlement ? `Пункт: ${settlement.name}` : 'Новый населённый пункт'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formErrorOf(error, ['name', 'kind', 'isDistrictCentre', 'sortOrder', 'districtId'])} />
          <TextInput
            label="Название"
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrorOf(error, 'name')}
            data-autofocus
          />
          <NativeSelect
            label="Вид"
            description="Село и посёлок/деревня — сельский тариф, город и рабочий посёлок — городской."
            data={SETTLEMENT_KINDS.map((value) => ({ value, label: SETTLEMENT_KIND_LABELS[value] }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as SettlementKind)}
            error={fieldErrorOf(error, 'kind') ?? fieldErrorOf(error, 'districtId')}
          />
          <Checkbox
            label="Районный центр (показывается первым; у района один центр)"
            checked={isDistrictCentre}
            onChange={(e) => setCentre(e.currentTarget.checked)}
            error={fieldErrorOf(error, 'isDistrictCentre')}
          />
          <NumberInput
            label="Порядок в списке"
            min={0}
            allowDecimal={false}
            value={sortOrder}
            onChange={setSortOrder}
            error={fieldErrorOf(error, 'sortOrder')}
          />
          <FormActions onCancel={onClose} saving={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};

const OfficeModal = ({ districtId, office, onClose }: { districtId: string; office: THousingOfficeItem | null; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateDistricts();
  const [index, setIndex] = useState(office?.index ?? '');
  const [name, setName] = useState(office?.name ?? '');
  const done = async () => {
    await invalidate();
    notifySaved(`ЖЭО ${index.trim()} сохранено.`);
    onClose();
  };
  const create = useMutation(trpc.districts.createHousingOffice.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.districts.updateHousingOffice.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (office) update.mutate({ id: office.id, index, name });
    else create.mutate({ districtId, index, name });
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title={office ? `ЖЭО ${office.index}` : 'Новое ЖЭО'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formErrorOf(error, ['index', 'name', 'districtId'])} />
          <TextInput
            label="Индекс"
            description="Ровно 4 цифры: с них начинается номер городского лицевого счёта."
            withAsterisk
            inputMode="numeric"
            maxLength={4}
            value={index}
            onChange={(e) => setIndex(e.currentTarget.value)}
            error={fieldErrorOf(error, 'index') ?? fieldErrorOf(error, 'districtId')}
            data-autofocus
          />
          <TextInput label="Название" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldErrorOf(error, 'name')} />
          <FormActions onCancel={onClose} saving={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};

type Dialog =
  | { kind: 'settlement'; settlement: TSettlementItem | null }
  | { kind: 'deleteSettlement'; settlement: TSettlementItem }
  | { kind: 'office'; office: THousingOfficeItem | null }
  | { kind: 'deleteOffice'; office: THousingOfficeItem }
  | { kind: 'deleteDistrict' }
  | null;

export const DistrictEditor = ({ id }: { id: string }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateDistricts();
  const { data: district } = useSuspenseQuery(trpc.districts.getDistrict.queryOptions({ id }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const deleteSettlement = useMutation(trpc.districts.deleteSettlement.mutationOptions({ onSuccess: async () => (await invalidate(), close()) }));
  const deleteOffice = useMutation(trpc.districts.deleteHousingOffice.mutationOptions({ onSuccess: async () => (await invalidate(), close()) }));
  const deleteDistrict = useMutation(
    trpc.districts.deleteDistrict.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySaved(`Район «${district.name}» удалён.`);
        router.push('/districts' as Route);
      },
    }),
  );
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} href={'/districts' as Route} size="sm">
          ← Все районы
        </Anchor>
        <Title order={1}>{district.kind === 'CITY' ? district.name : `${district.name} район`}</Title>
        <Text c="gray.7" size="sm">
          {DISTRICT_KIND_LABELS[district.kind]}; лицевых счетов: {district.accountCount}
        </Text>
      </div>
      <DistrictForm key={`${district.name}-${district.kind}-${district.sortOrder}`} district={district} />

      <Card withBorder component="section" aria-labelledby="settlements-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="settlements-title">
            Населённые пункты
          </Title>
          <Button size="xs" onClick={() => setDialog({ kind: 'settlement', settlement: null })}>
            Добавить пункт
          </Button>
        </Group>
        {district.settlements.length === 0 ? (
          <Text c="gray.7">Пунктов нет: жители района не смогут найти свой счёт.</Text>
        ) : (
          <TableScrollContainer minWidth={560}>
            <Table striped>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">Порядок</TableTh>
                  <TableTh scope="col">Название</TableTh>
                  <TableTh scope="col">Вид</TableTh>
                  <TableTh scope="col" ta="right">
                    Счетов
                  </TableTh>
                  <TableTh scope="col">
                    <VisuallyHidden>Действия</VisuallyHidden>
                  </TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {district.settlements.map((s) => (
                  <TableTr key={s.id}>
                    <TableTd>{s.sortOrder}</TableTd>
                    <TableTd>
                      {s.name}{' '}
                      {s.isDistrictCentre ? (
                        <Badge color="blue.9" variant="filled">
                          центр
                        </Badge>
                      ) : null}
                    </TableTd>
                    <TableTd>{SETTLEMENT_KIND_LABELS[s.kind]}</TableTd>
                    <TableTd ta="right">{s.accountCount}</TableTd>
                    <TableTd>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'settlement', settlement: s })} aria-label={`Изменить: ${s.name}`}>
                          Изменить
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setDialog({ kind: 'deleteSettlement', settlement: s })}
                          aria-label={`Удалить: ${s.name}`}
                        >
                          Удалить
                        </Button>
                      </Group>
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Card>

      {district.kind === 'CITY' || district.housingOffices.length > 0 ? (
        <Card withBorder component="section" aria-labelledby="offices-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="offices-title">
              ЖЭО
            </Title>
            {district.kind === 'CITY' ? (
              <Button size="xs" onClick={() => setDialog({ kind: 'office', office: null })}>
                Добавить ЖЭО
              </Button>
            ) : null}
          </Group>
          <TableScrollContainer minWidth={480}>
            <Table striped>
              <TableThead>
                <TableTr>
                  <TableTh scope="col">Индекс</TableTh>
                  <TableTh scope="col">Название</TableTh>
                  <TableTh scope="col" ta="right">
                    Счетов
                  </TableTh>
                  <TableTh scope="col">
                    <VisuallyHidden>Действия</VisuallyHidden>
                  </TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {district.housingOffices.map((o) => (
                  <TableTr key={o.id}>
                    <TableTd ff="monospace">{o.index}</TableTd>
                    <TableTd>
                      {o.name}{' '}
                      {o.isDemo ? (
                        <Badge color="gray.7" variant="outline">
                          демо
                        </Badge>
                      ) : null}
                    </TableTd>
                    <TableTd ta="right">{o.accountCount}</TableTd>
                    <TableTd>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'office', office: o })} aria-label={`Изменить ЖЭО ${o.index}`}>
                          Изменить
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => setDialog({ kind: 'deleteOffice', office: o })}
                          aria-label={`Удалить ЖЭО ${o.index}`}
                        >
                          Удалить
                        </Button>
                      </Group>
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        </Card>
      ) : null}

      <Group>
        <Button variant="outline" color="red.9" onClick={() => setDialog({ kind: 'deleteDistrict' })}>
          Удалить район
        </Button>
      </Group>

      {dialog?.kind === 'settlement' ? (
        <SettlementModal districtId={district.id} settlement={dialog.settlement} nextSortOrder={district.settlements.length} onClose={close} />
      ) : null}
      {dialog?.kind === 'office' ? <OfficeModal districtId={district.id} office={dialog.office} onClose={close} /> : null}
      {dialog?.kind === 'deleteSettlement' ? (
        <ConfirmDeleteModal
          title={`Удалить «${dialog.settlement.name}»?`}
          error={deleteSettlement.error?.message ?? null}
          pending={deleteSettlement.isPending}
          onConfirm={() => deleteSettlement.mutate({ id: dialog.settlement.id })}
          onClose={() => (deleteSettlement.reset(), close())}
        >
          Пункт исчезнет из списка жителей. Пункт, где есть лицевые счета, не удаляется.
        </ConfirmDeleteModal>
      ) : null}
      {dialog?.kind === 'deleteOffice' ? (
        <ConfirmDeleteModal
          title={`Удалить ЖЭО ${dialog.office.index}?`}
          error={deleteOffice.error?.message ?? null}
          pending={deleteOffice.isPending}
          onConfirm={() => deleteOffice.mutate({ id: dialog.office.id })}
          onClose={() => (deleteOffice.reset(), close())}
        >
          ЖЭО, к которому относятся лицевые счета, не удаляется.
        </ConfirmDeleteModal>
      ) : null}
      {dialog?.kind === 'deleteDistrict' ? (
        <ConfirmDeleteModal
          title={`Удалить район «${district.name}»?`}
          error={deleteDistrict.error?.message ?? null}
          pending={deleteDistrict.isPending}
          onConfirm={() => deleteDistrict.mutate({ id: district.id })}
          onClose={() => (deleteDistrict.reset(), close())}
        >
          Удаляется только пустой район: без лицевых счетов, пунктов и ЖЭО.
        </ConfirmDeleteModal>
      ) : null}
    </Stack>
  );
};
