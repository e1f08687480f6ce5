// The operator's queues at a glance, and the payment that has waited longest (the one to open first).
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatRoubles } from '@voltpay/domain/money';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { formatDistanceStrict } from 'date-fns';
import { ru } from 'date-fns/locale/ru';
import type { TGetOperatorQueuesResponse } from '~/server/api/routers/dashboard/get-operator-queues.types';

const queueLabels = {
  UNCONFIRMED: 'Не подтверждены банком',
  NEEDS_ATTENTION: 'Требуют внимания',
} as const;

export const OperatorQueuesPanel = ({ queues, now, canOpenQueues }: { queues: TGetOperatorQueuesResponse; now: Date; canOpenQueues: boolean }) => (
  <Card withBorder component="section" aria-labelledby="queues-title">
    <Title order={2} size="h4" id="queues-title" mb="sm">
      Очереди оператора
    </Title>
    <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
      {(Object.keys(queueLabels) as (keyof typeof queueLabels)[]).map((status) => (
        <div key={status}>
          <Text component="dt" size="sm" c="dimmed">
            {queueLabels[status]}
          </Text>
          <Text component="dd" m={0} fz={26} fw={700} className={queues.counts[status] > 0 ? 'num text-down' : 'num'}>
            {queues.counts[status]}
          </Text>
        </div>
      ))}
    </SimpleGrid>
    <Stack gap={4} mt="sm">
      {queues.oldest ? (
        <>
          <Text size="sm" fw={600}>
            Дольше всех ждёт:
          </Text>
          <Group gap="xs" wrap="wrap">
            <Anchor href={`/payments/${queues.oldest.id}`} size="sm">
              Оплата {formatRoubles(queues.oldest.totalKopecks, 'ru')}, счёт {queues.oldest.accountNumber}
            </Anchor>
            <Text size="sm" c="dimmed">
              {queueLabels[queues.oldest.status].toLowerCase()} {formatDistanceStrict(queues.oldest.since, now, { locale: ru })} (с{' '}
              <time dateTime={queues.oldest.since.toISOString()}>{formatOmskDateTime(queues.oldest.since, 'ru')}</time>)
            </Text>
          </Group>
          {queues.oldest.reason ? (
            // Reasons can be raw error text: wrap anywhere and keep the card short (the payment page has it all).
            <Text size="sm" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
              Причина: {queues.oldest.reason}
            </Text>
          ) : null}
        </>
      ) : (
        <Text size="sm">Зависших оплат нет.</Text>
      )}
      {canOpenQueues ? (
        <Anchor href="/queues" size="sm">
          Открыть очереди
        </Anchor>
      ) : null}
    </Stack>
  </Card>
);
