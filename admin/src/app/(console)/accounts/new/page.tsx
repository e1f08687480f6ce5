// A new demo account (admin).
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { DemoAccountForm } from '~/components/reference/demo-account-form';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Новый демо-счёт' };
export const dynamic = 'force-dynamic';

const NewDemoAccountPage = async () => {
  await requireStaff('admin');
  // The form starts on the first district: its settlements are there at first paint.
  const queryClient = getQueryClient();
  const [first] = await queryClient.fetchQuery(trpc.districts.listDistricts.queryOptions());
  if (first) await queryClient.prefetchQuery(trpc.districts.getDistrict.queryOptions({ id: first.id }));
  return (
    <HydrateClient>
      <Stack gap="md">
        <div>
          <Anchor href="/accounts" size="sm">
            ← Все счета
          </Anchor>
          <Title order={1}>Новый демо-счёт</Title>
          <Text c="gray.7" size="sm">
            Демо-счета — для проверки оплаты, не настоящие жители. Начисления и долги добавляются на странице счёта после его создания.
          </Text>
        </div>
        <Card withBorder>
          <DemoAccountForm />
        </Card>
      </Stack>
    </HydrateClient>
  );
};

export default NewDemoAccountPage;
