// "Мои оплаты / My payments": signed out, the email sign-in form (and the ways in without it);
// signed in, the payments whose receipt went to that address, a page at a time.
import { prisma } from '@voltpay/prisma';
import { CircleAlert } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getResidentEmail } from '~/auth';
import { parsePageParam } from '~/components/account/format';
import { OtherWays } from '~/components/account/other-ways';
import { Pagination } from '~/components/account/pagination';
import { PaymentCard } from '~/components/account/payment-card';
import { SignInForm } from '~/components/account/sign-in-form';
import { signOutResident } from './actions';
import { listResidentPayments } from './_lib/list-payments';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('account.meta'))('myPayments') });

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const LINK_ERRORS = ['Verification', 'TooManyRequests', 'Configuration'] as const;
type LinkError = (typeof LINK_ERRORS)[number] | 'default';
const linkErrorOf = (raw: string | string[] | undefined): LinkError | null => {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  return (LINK_ERRORS as readonly string[]).includes(value) ? (value as LinkError) : 'default';
};

const SignedOut = async ({ error }: { error: LinkError | null }) => {
  const t = await getTranslations('account.signIn');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="account-lead">{t('intro')}</p>
      {error ? (
        <p className="account-alert account-alert--error" role="alert">
          <CircleAlert aria-hidden="true" focusable="false" size={20} />
          <span>{t(`linkErrors.${error}`)}</span>
        </p>
      ) : null}
      <SignInForm />
      <OtherWays />
    </>
  );
};

const SignedIn = async ({ email, page }: { email: string; page: number }) => {
  const t = await getTranslations('account.list');
  const list = await listResidentPayments({ prisma, email, page });
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="account-session">
        <p>{t('signedInAs', { email })}</p>
        <form action={signOutResident}>
          <button type="submit" className="account-button account-button--secondary">
            {t('signOut')}
          </button>
        </form>
      </div>
      <p className="account-lead" data-testid="payments-summary">
        {list.total > 0 ? t('summary', { total: list.total }) : t('empty')}
      </p>
      {list.items.length > 0 ? (
        <ul className="account-payments" aria-label={t('title')}>
          {list.items.map((payment) => (
            <li key={payment.id}>
              <PaymentCard payment={payment} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={list.page} pageCount={list.pageCount} />
      <OtherWays />
    </>
  );
};

const MyPaymentsPage = async ({ searchParams }: { searchParams: SearchParams }) => {
  const params = await searchParams;
  const email = await getResidentEmail();
  return email ? <SignedIn email={email} page={parsePageParam(params.page)} /> : <SignedOut error={linkErrorOf(params.error)} />;
};

export default MyPaymentsPage;
