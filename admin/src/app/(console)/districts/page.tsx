// Districts, settlements and housing offices (admin): the list is prefetched here and edited in the browser.
import type { Metadata } from 'next';
import { DistrictsManager } from '~/components/reference/districts-manager';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Районы и пункты' };
export const dynamic = 'force-dynamic';

const DistrictsPage = async () => {
  await requireStaff('admin');
  await getQueryClient().prefetchQuery(trpc.districts.listDistricts.queryOptions());
  return (
    <HydrateClient>
      <DistrictsManager />
    </HydrateClient>
  );
};

export default DistrictsPage;
