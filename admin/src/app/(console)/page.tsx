// The console's home for every role: how payments went over the last 30 days, what waits for an
// operator, and whether our services answer.
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { HealthPanel } from '~/components/dashboard/health-panel';
import { OperatorQueuesPanel } from '~/components/dashboard/operator-queues-panel';
import { OutcomeRates } from '~/components/dashboard/outcome-rates';
import { PaymentsChart } from '~/components/dashboard/payments-chart';
import { env } from '~/env';
import { requireStaff } from '~/server/auth/guard';
import { api } from '~/trpc/server';

export const metadata: Metadata = { title: 'Обзор' };
export const dynamic = 'force-dynamic';

const DAYS = 30;

const DashboardPage = async () => {
  const staff = await requireStaff('admin', 'sales', 'operator');
  const [stats, queues, health] = await Promise.all([api.dashboard.getPaymentStats({ days: DAYS }), api.dashboard.getOperatorQueues(), api.system.getHealth()]);
  return (
    <Stack gap="md">
      <Title order={1}>Обзор</Title>
      <OutcomeRates stats={stats} />
      <Card withBorder component="section" aria-labelledby="per-day-title">
        <Title order={2} size="h4" id="per-day-title">
          Оплаты по дням
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Последние {DAYS} дней по омскому времени; «поступило» — сумма успешных оплат.
        </Text>
        <PaymentsChart days={stats.days} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <OperatorQueuesPanel queues={queues} now={new Date()} canOpenQueues={staff.roles.includes('operator')} />
        <HealthPanel health={health} temporalUiUrl={env.TEMPORAL_UI_URL} />
      </SimpleGrid>
    </Stack>
  );
};

export default DashboardPage;
