// One district (admin): its fields, settlements and housing offices, prefetched and edited in the browser.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DistrictEditor } from '~/components/reference/district-editor';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Район' };
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DistrictPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  await requireStaff('admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const district = await getQueryClient()
    .fetchQuery(trpc.districts.getDistrict.queryOptions({ id }))
    .catch(() => null);
  if (!district) notFound();
  return (
    <HydrateClient>
      <DistrictEditor id={id} />
    </HydrateClient>
  );
};

export default DistrictPage;
