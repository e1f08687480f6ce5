'use client';
// The tariff table (category × zone × period, rates in ₽/kWh) and its actions: a new version from
// a date, edits and deletion of what has not started. Refusals show on the field they concern.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
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
import { CalendarPlus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { TTariffView } from '~/server/api/routers/tariffs/list-tariffs.types';
import { formatDay, formatLastDay, LOCALITY_LABELS, STOVE_LABELS, ZONE_LABELS } from '~/server/reference/labels';
import { changedRateTexts, formatRate, parseRateToCentikopecks } from '~/server/reference/rates';
import { useTRPC } from '~/trpc/react';
import { fieldErrorOf, formErrorOf } from '../forms/mutation-errors';
import { FormActions } from '../forms/form-actions';
import { DateField } from '../forms/date-field';

type Locality = TTariffView['locality'];
type Stove = TTariffView['stove'];
type Zone = TTariffView['zone'];

const CATEGORIES: { locality: Locality; stove: Stove }[] = [
  { locality: 'URBAN', stove: 'GAS' },
  { locality: 'URBAN', stove: 'ELECTRIC' },
  { locality: 'RURAL', stove: 'GAS' },
  { locality: 'RURAL', stove: 'ELECTRIC' },
];
const ZONES: Zone[] = ['SINGLE', 'DAY', 'NIGHT'];
const categoryKey = ({ locality, stove }: { locality: Locality; stove: Stove }) => `${locality}/${stove}`;
const categoryLabel = ({ locality, stove }: { locality: Locality; stove: Stove }) => {
  const text = `${LOCALITY_LABELS[locality]}, ${STOVE_LABELS[stove]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const STATUS: Record<TTariffView['status'], { label: string; color: string }> = {
  PAST: { label: 'закончился', color: 'gray.7' },
  CURRENT: { label: 'действует', color: 'teal.9' },
  FUTURE: { label: 'будущий', color: 'blue.9' },
};

const periodLabel = (t: Pick<TTariffView, 'validFrom' | 'validTo'>) =>
  // People read "01.07.2025 – 30.06.2026" as both days included; the stored end is the next day's start.
  t.validTo ? `${formatDay(t.validFrom)} – ${formatLastDay(t.validTo)}` : `с ${formatDay(t.validFrom)}, бессрочно`;

const useInvalidateTariffs = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.tariffs.listTariffs.queryKey() });
};

/** The first day of next month in Omsk: the usual start of a new version. */
const nextMonthStart = (today: string) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};

const NewVersionModal = ({ tariffs, today, onClose }: { tariffs: TTariffView[]; today: string; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateTariffs();
  const [category, setCategory] = useState(categoryKey(CATEGORIES[0]!));
  const [validFrom, setValidFrom] = useState(nextMonthStart(today));
  const inForce = (key: string, zone: Zone) =>
    tariffs.find((t) => categoryKey(t) === key && t.zone === zone && t.validFrom <= today && (t.validTo === null || t.validTo > today));
  const ratesInForce = (key: string) =>
    Object.fromEntries(ZONES.flatMap((zone) => (inForce(key, zone) ? [[zone, inForce(key, zone)!.rateCentikopecks]] : []))) as Partial<Record<Zone, number>>;
  const ratesOf = (key: string) =>
    Object.fromEntries(ZONES.map((zone) => [zone, inForce(key, zone) ? formatRate(inForce(key, zone)!.rateCentikopecks) : ''])) as Record<Zone, string>;
  const [rates, setRates] = useState<Record<Zone, string>>(ratesOf(category));
  const create = useMutation(
    trpc.tariffs.createTariffVersion.mutationOptions({
      onSuccess: async (result) => {
        await invalidate();
        const closed = result.closed.length ? `, закрыто прежних периодов: ${result.closed.length}` : '';
        notifySaved(`Новая версия с ${formatDay(validFrom)} сохранена (ставок: ${result.created.length}${closed}).`);
        onClose();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [locality, stove] = category.split('/') as [Locality, Stove];
    // The fields start from the rates in force: only a zone whose rate was changed gets a version.
    const changed = changedRateTexts({ typed: rates, inForce: ratesInForce(category) });
    create.mutate({ locality, stove, validFrom, singleRate: changed.SINGLE ?? '', dayRate: changed.DAY ?? '', nightRate: changed.NIGHT ?? '' });
  };
  const formError = formErrorOf(create.error, ['locality', 'stove', 'validFrom', 'singleRate', 'dayRate', 'nightRate']);
  const rateField = { SINGLE: 'singleRate', DAY: 'dayRate', NIGHT: 'nightRate' } as const;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title="Новая версия тарифа">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          <Text size="sm">
            Период, в который попадает дата, закончится накануне; новая версия продлится до его прежнего конца. Оплаты, уже рассчитанные по прежней ставке, не
            пересчитываются.
          </Text>
          <NativeSelect
            label="Категория"
            data-autofocus
            data={CATEGORIES.map((c) => ({ value: categoryKey(c), label: categoryLabel(c) }))}
            value={category}
            onChange={(e) => {
              setCategory(e.currentTarget.value);
              setRates(ratesOf(e.currentTarget.value));
            }}
            error={fieldErrorOf(create.error, 'locality') ?? fieldErrorOf(create.error, 'stove')}
          />
          <DateField
            label="Действует с"
            withAsterisk
            value={validFrom}
            onChange={setValidFrom}
            description="Обычно первое число месяца: период оплаты считается по тарифу его первого дня."
            error={fieldErrorOf(create.error, 'validFrom')}
          />
          {ZONES.map((zone) => (
            <TextInput
              key={zone}
              label={`Ставка, ₽ за кВт·ч — ${ZONE_LABELS[zone]}`}
              inputMode="decimal"
              autoComplete="off"
              value={rates[zone]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setRates((current) => ({ ...current, [zone]: value }));
              }}
              description={
                zone === 'SINGLE'
                  ? 'До 4 знаков после запятой: 5,19 или 5,8712. Зона, чью ставку не меняли (или поле пустое), остаётся без изменений.'
                  : undefined
              }
              error={fieldErrorOf(create.error, rateField[zone])}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" loading={create.isPending}>
              Создать версию
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

const EditTariffModal = ({ tariff, onClose }: { tariff: TTariffView; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateTariffs();
  const [rate, setRate] = useState(formatRate(tariff.rateCentikopecks));
  const [validFrom, setValidFrom] = useState(tariff.validFrom);
  const [validTo, setValidTo] = useState(tariff.validTo ?? '');
  const update = useMutation(
    trpc.tariffs.updateTariff.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySaved('Тариф сохранён.');
        onClose();
      },
    }),
  );
  const future = tariff.status === 'FUTURE';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      id: tariff.id,
      ...(parseRateToCentikopecks(rate) !== tariff.rateCentikopecks ? { rate } : {}),
      ...(validFrom !== tariff.validFrom ? { validFrom } : {}),
      ...(validTo !== (tariff.validTo ?? '') ? { validTo: validTo === '' ? null : validTo } : {}),
    });
  };
  const formError = formErrorOf(update.error, ['rate', 'validFrom', 'validTo']);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Закрыть' }}
      title={`${categoryLabel(tariff)}, ${ZONE_LABELS[tariff.zone]}: ${periodLabel(tariff)}`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError ? (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          ) : null}
          {tariff.completedPayments > 0 ? (
            <Alert color="yellow">
              По этой ставке рассчитано завершённых оплат: {tariff.completedPayments}. Её не меняют — добавьте новую версию тарифа с нужной даты.
            </Alert>
          ) : null}
          <TextInput
            label="Ставка, ₽ за кВт·ч"
            inputMode="decimal"
            autoComplete="off"
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            error={fieldErrorOf(update.error, 'rate')}
            data-autofocus
          />
          <DateField
            label="Действует с"
            value={validFrom}
            onChange={setValidFrom}
            disabled={!future}
            description={future ? 'Предыдущий период, кончавшийся в этот день, сдвинется вместе с началом.' : 'Тариф уже действует: начало не переносят.'}
            error={fieldErrorOf(update.error, 'validFrom')}
          />
          <DateField
            label="Действует по (не включая)"
            value={validTo}
            onChange={setValidTo}
            description="Пусто — бессрочно. Только будущая дата."
            error={fieldErrorOf(update.error, 'validTo')}
          />
          <FormActions onCancel={onClose} saving={update.isPending} />
        </Stack>
      </form>
    </Modal>
  );
};

const DeleteTariffModal = ({ tariff, onClose }: { tariff: TTariffView; onClose: () => void }) => {
  const trpc = useTRPC();
  const invalidate = useInvalidateTariffs();
  const remove = useMutation(
    trpc.tariffs.deleteTariff.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        notifySaved('Будущий тариф удалён.');
        onClose();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Закрыть' }} title="Удалить будущий тариф?">
      <Stack gap="sm">
        {remove.error ? (
          <Alert color="red" role="alert">
            {remove.error.message}
          </Alert>
        ) : null}
        <Text>
          {categoryLabel(tariff)}, {ZONE_LABELS[tariff.zone]}: {formatRate(tariff.rateCentikopecks)} ₽/кВт·ч, {periodLabel(tariff)}. Предыдущий период, если он
          кончался в день начала этого, продлится на его время.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: tariff.id })}>
            Удалить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

type Dialog = { kind: 'new' } | { kind: 'edit'; tariff: TTariffView } | { kind: 'delete'; tariff: TTariffView } | null;

export const TariffsManager = () => {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.tariffs.listTariffs.queryOptions());
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Тарифы</Title>
          <Text c="gray.7" size="sm">
            Ставки в ₽ за кВт·ч. Период оплаты считается по тарифу, действующему в его первый день; периоды одной зоны не пересекаются.
          </Text>
        </div>
        <Button leftSection={<CalendarPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
          Новая версия тарифа
        </Button>
      </Group>
      {CATEGORIES.map((category) => {
        const rows = data.tariffs
          .filter((t) => categoryKey(t) === categoryKey(category))
          .sort((a, b) => ZONES.indexOf(a.zone) - ZONES.indexOf(b.zone) || a.validFrom.localeCompare(b.validFrom));
        const titleId = `tariffs-${category.locality}-${category.stove}`.toLowerCase();
        return (
          <Card key={categoryKey(category)} withBorder component="section" aria-labelledby={titleId}>
            <Title order={2} size="h4" id={titleId} mb="xs">
              {categoryLabel(category)}
            </Title>
            {rows.length === 0 ? (
              <Text c="dimmed">Тарифов нет: оплата по показаниям в этой категории невозможна.</Text>
            ) : (
              <TableScrollContainer minWidth={640}>
                <Table striped highlightOnHover>
                  <TableThead>
                    <TableTr>
                      <TableTh scope="col">Зона</TableTh>
                      <TableTh scope="col">Период</TableTh>
                      <TableTh scope="col" ta="right">
                        Ставка, ₽/кВт·ч
                      </TableTh>
                      <TableTh scope="col">Статус</TableTh>
                      <TableTh scope="col" ta="right">
                        Оплат по ставке
                      </TableTh>
                      <TableTh scope="col">
                        <VisuallyHidden>Действия</VisuallyHidden>
                      </TableTh>
                    </TableTr>
                  </TableThead>
                  <TableTbody>
                    {rows.map((t) => (
                      <TableTr key={t.id} data-testid={`tariff-${t.locality}-${t.stove}-${t.zone}-${t.validFrom}`}>
                        <TableTd>{ZONE_LABELS[t.zone]}</TableTd>
                        <TableTd>{periodLabel(t)}</TableTd>
                        <TableTd ta="right" ff="monospace">
                          {formatRate(t.rateCentikopecks)}
                        </TableTd>
                        <TableTd>
                          <Group gap={4}>
                            <Badge color={STATUS[t.status].color} variant="filled">
                              {STATUS[t.status].label}
                            </Badge>
                            {t.isDemo ? (
                              <Badge color="gray.7" variant="outline">
                                демо
                              </Badge>
                            ) : null}
                          </Group>
                        </TableTd>
                        <TableTd ta="right">{t.completedPayments}</TableTd>
                        <TableTd>
                          <Group gap="xs" wrap="nowrap" justify="flex-end">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setDialog({ kind: 'edit', tariff: t })}
                              aria-label={`Изменить: ${ZONE_LABELS[t.zone]}, ${periodLabel(t)}`}
                            >
                              Изменить
                            </Button>
                            {t.status === 'FUTURE' ? (
                              <Button
                                size="xs"
                                variant="outline"
                                color="red.9"
                                onClick={() => setDialog({ kind: 'delete', tariff: t })}
                                aria-label={`Удалить: ${ZONE_LABELS[t.zone]}, ${periodLabel(t)}`}
                              >
                                Удалить
                              </Button>
                            ) : null}
                          </Group>
                        </TableTd>
                      </TableTr>
                    ))}
                  </TableTbody>
                </Table>
              </TableScrollContainer>
            )}
          </Card>
        );
      })}
      {dialog?.kind === 'new' ? <NewVersionModal tariffs={data.tariffs} today={data.today} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <EditTariffModal tariff={dialog.tariff} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'delete' ? <DeleteTariffModal tariff={dialog.tariff} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
};
