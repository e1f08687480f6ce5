// Accounts (admin): search over all of them; demo ones open for editing.
import type { Metadata } from 'next';
import { AccountsSearch } from '../../../components/reference/accounts-search';
import { requireStaff } from '../../../server/auth/guard';

export const metadata: Metadata = { title: 'Лицевые счета' };
export const dynamic = 'force-dynamic';

const AccountsPage = async () => {
  await requireStaff('admin');
  return <AccountsSearch />;
};

export default AccountsPage;
