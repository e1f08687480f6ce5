// The console's home: what every member of staff looks at first.
import { Stack, Title } from '@mantine/core';
import { HealthPanel } from '../../components/dashboard/health-panel';
import { env } from '../../env';
import { requireStaff } from '../../server/auth/guard';
import { api } from '../../trpc/server';

export const dynamic = 'force-dynamic';

const DashboardPage = async () => {
  await requireStaff();
  const health = await api.system.getHealth();
  return (
    <Stack gap="md">
      <Title order={1}>Обзор</Title>
      <HealthPanel health={health} temporalUiUrl={env.TEMPORAL_UI_URL} />
    </Stack>
  );
};

export default DashboardPage;
