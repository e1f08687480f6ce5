// Find a receipt without signing in: by its number and the account it paid.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FindReceiptForm } from '~/components/account/find-receipt-form';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('account.meta'))('find') });

const FindReceiptPage = async () => {
  const t = await getTranslations('account.find');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="account-lead">{t('intro')}</p>
      <FindReceiptForm />
      <p className="account-back">
        <Link href="/my-payments">{t('back')}</Link>
      </p>
    </>
  );
};

export default FindReceiptPage;
