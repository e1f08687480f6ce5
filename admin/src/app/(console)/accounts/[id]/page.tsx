// One account (admin): read-only when it comes from the billing, editable when it is a demo one.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountView } from '~/components/reference/account-view';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Лицевой счёт' };
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const AccountPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  await requireStaff('admin');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const queryClient = getQueryClient();
  const account = await queryClient.fetchQuery(trpc.accounts.getAccount.queryOptions({ id })).catch(() => null);
  if (!account) notFound();
  // The form's selects need the district list and this district's settlements at first paint.
  await Promise.all([
    queryClient.prefetchQuery(trpc.districts.listDistricts.queryOptions()),
    queryClient.prefetchQuery(trpc.districts.getDistrict.queryOptions({ id: account.districtId })),
  ]);
  return (
    <HydrateClient>
      <AccountView id={id} />
    </HydrateClient>
  );
};

export default AccountPage;
