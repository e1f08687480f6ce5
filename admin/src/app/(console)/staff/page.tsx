// Staff and roles (admin): the list is prefetched here and edited in the browser.
import type { Metadata } from 'next';
import { requireStaff } from '~/server/auth/guard';
import { HydrateClient, prefetch, trpc } from '~/trpc/server';
import { StaffManager } from './_components/staff-manager';

export const metadata: Metadata = { title: 'Сотрудники' };
export const dynamic = 'force-dynamic';

const StaffPage = async () => {
  const staff = await requireStaff('admin');
  prefetch(trpc.staff.listStaffUsers.queryOptions());
  return (
    <HydrateClient>
      <StaffManager currentUserId={staff.id} />
    </HydrateClient>
  );
};

export default StaffPage;
