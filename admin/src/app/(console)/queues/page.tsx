// The operator's queues: payments the acquirer has not confirmed and payments parked for an
// operator, oldest first, with the actions that move them on (components/operations).
import { Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { OperatorQueue, type OperatorQueueFilter } from '~/components/operations/operator-queue';
import { intParam, param, type SearchParams } from '~/components/payments/search-params';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Очереди оператора' };

const PAGE_SIZE = 20;

const QueuesPage = async ({ searchParams }: { searchParams: Promise<SearchParams> }) => {
  const staff = await requireStaff('operator');
  const params = await searchParams;
  const requested = param(params, 'queue');
  const queue: OperatorQueueFilter = requested === 'UNCONFIRMED' || requested === 'NEEDS_ATTENTION' ? requested : 'ALL';
  const page = Math.max(1, intParam(params, 'page') ?? 1);
  // Awaited, not streamed: the queue reads it with useQuery, which does not suspend, so a query still
  // pending here would render "Загрузка…" on the server and the rows in the browser (React #418).
  await getQueryClient().prefetchQuery(trpc.operations.findOperatorQueue.queryOptions({ queue, page, pageSize: PAGE_SIZE }));

  return (
    <Stack gap="lg">
      <Title order={1}>Очереди оператора</Title>
      <Text>
        Платежи, по которым банк не дал ответа, и платежи, остановившиеся на проведении или отправке квитанции. Сначала — самые старые. Повтор проведения
        безопасен: платёж проводится в учёте не больше одного раза.
      </Text>
      <HydrateClient>
        <OperatorQueue queue={queue} page={page} pageSize={PAGE_SIZE} staffRoles={staff.roles} now={new Date().toISOString()} />
      </HydrateClient>
    </Stack>
  );
};

export default QueuesPage;
