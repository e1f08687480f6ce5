// Accounts (admin): search over all of them; demo ones open for editing. The first page is
// prefetched with the search's initial filter, so the table is there at first paint.
import type { Metadata } from 'next';
import { INITIAL_ACCOUNTS_FILTER } from '~/components/reference/accounts-filter';
import { AccountsSearch } from '~/components/reference/accounts-search';
import { requireStaff } from '~/server/auth/guard';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Лицевые счета' };
export const dynamic = 'force-dynamic';

const AccountsPage = async () => {
  await requireStaff('admin');
  await getQueryClient().prefetchQuery(trpc.accounts.findAccounts.queryOptions(INITIAL_ACCOUNTS_FILTER));
  return (
    <HydrateClient>
      <AccountsSearch />
    </HydrateClient>
  );
};

export default AccountsPage;
