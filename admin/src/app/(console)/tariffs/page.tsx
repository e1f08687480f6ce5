// Tariffs (admin): the periods are prefetched here and managed in the browser.
import type { Metadata } from 'next';
import { TariffsManager } from '~/components/reference/tariffs-manager';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Тарифы' };
export const dynamic = 'force-dynamic';

const TariffsPage = async () => {
  await requireStaff('admin');
  await getQueryClient().prefetchQuery(trpc.tariffs.listTariffs.queryOptions());
  return (
    <HydrateClient>
      <TariffsManager />
    </HydrateClient>
  );
};

export default TariffsPage;
