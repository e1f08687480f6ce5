'use client';
// The operator's queues (/queues): UNCONFIRMED and NEEDS_ATTENTION payments, oldest first, with why
// they wait and how often each step was tried, the actions per row, and a bulk re-check of the
// selected unconfirmed ones — one request per payment, in turn, with progress and each outcome.
import { ReasonText } from './reason-text';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffRole } from '@voltpay/prisma';
import { formatRoubles } from '@voltpay/domain/money';
import { formatDistanceStrict } from 'date-fns';
import { ru } from 'date-fns/locale/ru';
import { useEffect, useRef, useState } from 'react';
import type { TOperatorQueueItem } from '~/server/api/routers/operations/find-operator-queue.types';
import { paymentStatusText } from '~/server/operations/labels';
import { useTRPC, useTRPCClient } from '~/trpc/react';
import { AnchorLink } from '../payments/anchor-link';
import { omskDateTime } from '../payments/format';
import { Pager } from '../payments/pager';
import { PaymentStatusBadge } from '../payments/status-badge';
import { PaymentActions, type Outcome } from './payment-actions';
import { formatPeriod } from '@voltpay/domain/period';

export type OperatorQueueFilter = 'ALL' | 'UNCONFIRMED' | 'NEEDS_ATTENTION';

export type OperatorQueueProps = {
  queue: OperatorQueueFilter;
  page: number;
  pageSize: number;
  staffRoles: readonly StaffRole[];
  /** The server's clock at render (ISO), so the first client render says the same ages. */
  now: string;
};

type RowOutcome = { ok: boolean; message: string };
type Bulk = { ids: string[]; done: number; running: boolean; outcomes: Record<string, RowOutcome> };

const FILTERS: { value: OperatorQueueFilter; label: string }[] = [
  { value: 'ALL', label: 'Все' },
  { value: 'UNCONFIRMED', label: 'Не подтверждены банком' },
  { value: 'NEEDS_ATTENTION', label: 'Требуют вмешательства' },
];

const canRecheck = (item: TOperatorQueueItem) => item.status === 'UNCONFIRMED' && item.workflow.kind === 'RUNNING';

const age = (from: Date, now: Date) => formatDistanceStrict(from, now, { locale: ru });

const Reason = ({ item }: { item: TOperatorQueueItem }) => {
  const { workflow } = item;
  if (workflow.kind === 'CLOSED') {
    return (
      <Text size="sm" c="red.9" fw={700}>
        Процесс платежа закрыт ({workflow.closedAs}), а в учёте он всё ещё ждёт: действия невозможны, разберите вручную (Temporal UI).
      </Text>
    );
  }
  if (workflow.kind === 'UNAVAILABLE') {
    return (
      <Stack gap={2}>
        {item.statusReason ? <ReasonText raw={item.statusReason} status={item.status} /> : <Text size="sm">—</Text>}
        <Text size="xs" c="dimmed">
          Процесс не ответил: {workflow.message}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      {workflow.attention ? (
        <ReasonText raw={workflow.attention.error} status={item.status} stage={workflow.attention.stage} />
      ) : workflow.unconfirmed ? (
        <ReasonText raw={workflow.unconfirmed.lastError ?? workflow.enteredBecause ?? 'банк не ответил'} status={item.status} />
      ) : item.statusReason ? (
        <ReasonText raw={item.statusReason} status={item.status} />
      ) : (
        <Text size="sm">—</Text>
      )}
      {!workflow.inSync ? (
        <Text size="xs" c="orange.9">
          Процесс уже «{paymentStatusText(workflow.status)}»: учёт догоняет.
        </Text>
      ) : null}
    </Stack>
  );
};

const Attempts = ({ item }: { item: TOperatorQueueItem }) => {
  const { workflow } = item;
  if (workflow.kind !== 'RUNNING') return <Text size="sm">—</Text>;
  const lines: string[] = [];
  if (workflow.unconfirmed) {
    lines.push(`перепроверок: ${workflow.unconfirmed.checks}`);
    lines.push(workflow.unconfirmed.nextCheckAt ? `следующая: ${omskDateTime(workflow.unconfirmed.nextCheckAt)}` : 'по расписанию больше нет');
  }
  if (workflow.attempts && (workflow.attempts.posting > 0 || workflow.attempts.delivery > 0)) {
    lines.push(`проведение: ${workflow.attempts.posting} × до ${workflow.triesPerRun}`);
    lines.push(`отправка: ${workflow.attempts.delivery} × до ${workflow.triesPerRun}`);
  }
  return (
    <Stack gap={0}>
      {lines.length ? (
        lines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))
      ) : (
        <Text size="sm">—</Text>
      )}
    </Stack>
  );
};

export const OperatorQueue = ({ queue, page, pageSize, staffRoles, now: serverNow }: OperatorQueueProps) => {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const input = { queue, page, pageSize };
  const result = useQuery({ ...trpc.operations.findOperatorQueue.queryOptions(input), refetchInterval: 20_000 });
  const [now, setNow] = useState(() => new Date(serverNow));
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<Bulk | null>(null);
  // The last single action's outcome, said above the table: the row it concerned may have left the queue.
  const [lastOutcome, setLastOutcome] = useState<NonNullable<Outcome> | null>(null);
  const stop = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const items = result.data?.items ?? [];
  const selectable = items.filter(canRecheck).map((item) => item.paymentId);
  const selectedHere = selected.filter((id) => selectable.includes(id));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operations.findOperatorQueue.pathKey() });

  const runBulk = async () => {
    const ids = selectedHere;
    if (ids.length === 0) return;
    stop.current = false;
    setBulk({ ids, done: 0, running: true, outcomes: {} });
    // One payment per request, in turn: each is short, none can time out, and the acquirer is not flooded.
    for (const [index, id] of ids.entries()) {
      if (stop.current) break;
      let outcome: RowOutcome;
      try {
        const answer = await client.operations.recheckPayment.mutate({ paymentId: id });
        outcome = { ok: true, message: `${paymentStatusText(answer.after)}: ${answer.message}` };
      } catch (error) {
        outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      setBulk((b) => (b ? { ...b, done: index + 1, outcomes: { ...b.outcomes, [id]: outcome } } : b));
    }
    setBulk((b) => (b ? { ...b, running: false } : b));
    setSelected([]);
    await refresh();
  };

  if (result.error) {
    return (
      <Alert color="red.9" role="alert" title="Очередь не загрузилась">
        {result.error.message}
      </Alert>
    );
  }
  const data = result.data;
  const itemById = new Map(items.map((item) => [item.paymentId, item]));

  return (
    <Stack gap="md">
      <nav aria-label="Очереди">
        <Group gap="md" wrap="wrap">
          {FILTERS.map((filter) => {
            const count = data ? (filter.value === 'ALL' ? data.counts.UNCONFIRMED + data.counts.NEEDS_ATTENTION : data.counts[filter.value]) : null;
            const label = `${filter.label}${count === null ? '' : ` (${count})`}`;
            return filter.value === queue ? (
              <Text key={filter.value} fw={700} aria-current="page">
                {label}
              </Text>
            ) : (
              <AnchorLink key={filter.value} href={filter.value === 'ALL' ? '/queues' : `/queues?queue=${filter.value}`}>
                {label}
              </AnchorLink>
            );
          })}
        </Group>
      </nav>

      {staffRoles.includes('operator') ? (
        <Group gap="sm" wrap="wrap" align="center">
          <Button onClick={() => void runBulk()} disabled={selectedHere.length === 0 || bulk?.running === true} loading={bulk?.running === true}>
            Перепроверить выбранные ({selectedHere.length})
          </Button>
          {bulk?.running ? (
            <Button variant="default" onClick={() => (stop.current = true)}>
              Остановить
            </Button>
          ) : null}
          <Text size="sm" c="dimmed">
            Выбрать можно неподтверждённые банком платежи.
          </Text>
        </Group>
      ) : null}

      <div role="status" aria-live="polite" className="queue-outcome">
        {lastOutcome ? (
          <Alert
            color={lastOutcome.kind === 'ok' ? 'green.9' : 'red.9'}
            variant="light"
            p="xs"
            withCloseButton
            closeButtonLabel="Скрыть"
            onClose={() => setLastOutcome(null)}
          >
            <Text size="sm">{lastOutcome.message}</Text>
          </Alert>
        ) : null}
      </div>

      {bulk ? (
        <section aria-labelledby="bulk-title">
          <Stack gap="xs">
            <Text id="bulk-title" fw={700} role="status" aria-live="polite">
              {bulk.running ? `Перепроверка: ${bulk.done} из ${bulk.ids.length}` : `Перепроверено ${bulk.done} из ${bulk.ids.length}`}
            </Text>
            <Progress value={(bulk.done / bulk.ids.length) * 100} aria-label={`Перепроверено ${bulk.done} из ${bulk.ids.length}`} size="lg" />
            <ul className="bulk-results" aria-label="Результаты перепроверки">
              {bulk.ids.map((id) => {
                const outcome = bulk.outcomes[id];
                const item = itemById.get(id);
                const name = item ? `${formatRoubles(item.totalKopecks, 'ru')}, счёт ${item.accountNumber}` : id;
                return (
                  <li key={id} data-payment-id={id}>
                    <Text size="sm" c={outcome ? (outcome.ok ? undefined : 'red.9') : 'dimmed'}>
                      {name} — {outcome ? outcome.message : bulk.running ? 'ждёт очереди' : 'не перепроверен (остановлено)'}
                    </Text>
                  </li>
                );
              })}
            </ul>
          </Stack>
        </section>
      ) : null}

      {!data ? (
        <Text c="dimmed">Загрузка…</Text>
      ) : items.length === 0 ? (
        <Alert color="green.9" variant="light" title="Очередь пуста">
          Ни один платёж не ждёт оператора.
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Платежи, ждущие оператора">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label="Выбрать все неподтверждённые на странице"
                    checked={selectable.length > 0 && selectedHere.length === selectable.length}
                    indeterminate={selectedHere.length > 0 && selectedHere.length < selectable.length}
                    disabled={selectable.length === 0 || bulk?.running === true}
                    onChange={(e) => setSelected(e.currentTarget.checked ? selectable : [])}
                  />
                </Table.Th>
                <Table.Th scope="col">Платёж</Table.Th>
                <Table.Th scope="col">Состояние</Table.Th>
                <Table.Th scope="col">Ждёт</Table.Th>
                <Table.Th scope="col">Причина</Table.Th>
                <Table.Th scope="col">Попытки</Table.Th>
                <Table.Th scope="col">Действия</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const label = `${formatRoubles(item.totalKopecks, 'ru')}, счёт ${item.accountNumber}`;
                return (
                  <Table.Tr key={item.paymentId} data-payment-id={item.paymentId}>
                    <Table.Td>
                      {canRecheck(item) ? (
                        <Checkbox
                          aria-label={`Выбрать: ${label}`}
                          checked={selected.includes(item.paymentId)}
                          disabled={bulk?.running === true}
                          onChange={(e) => {
                            const checked = e.currentTarget.checked;
                            setSelected((ids) => (checked ? [...ids, item.paymentId] : ids.filter((id) => id !== item.paymentId)));
                          }}
                        />
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={0}>
                        <Anchor href={`/payments/${item.paymentId}`} fw={700}>
                          {formatRoubles(item.totalKopecks, 'ru')}
                        </Anchor>
                        <Text size="sm">
                          счёт {item.accountNumber}, период {formatPeriod(item.period, 'ru')}
                        </Text>
                        {item.receiptNumber ? <Text size="xs">квитанция № {item.receiptNumber}</Text> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <PaymentStatusBadge status={item.status} />
                        {item.workflow.kind === 'CLOSED' ? <Badge color="red.9">процесс закрыт</Badge> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{age(item.waitingSince, now)}</Text>
                      <Text size="xs" c="dimmed">
                        оплата {omskDateTime(item.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Reason item={item} />
                    </Table.Td>
                    <Table.Td>
                      <Attempts item={item} />
                    </Table.Td>
                    <Table.Td>
                      {item.workflow.kind === 'CLOSED' ? (
                        <Text size="sm">—</Text>
                      ) : (
                        <PaymentActions
                          paymentId={item.paymentId}
                          status={item.status}
                          staffRoles={staffRoles}
                          attentionStage={item.workflow.kind === 'RUNNING' ? (item.workflow.attention?.stage ?? null) : null}
                          receiptEmail={item.receiptEmail}
                          totalKopecks={item.totalKopecks}
                          cardLast4={item.cardLast4}
                          compact
                          onOutcome={setLastOutcome}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data ? <Pager path="/queues" params={queue === 'ALL' ? {} : { queue }} page={data.page} pageSize={data.pageSize} total={data.total} /> : null}
    </Stack>
  );
};
