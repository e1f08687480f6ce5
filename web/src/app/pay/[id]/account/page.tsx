// /pay/<id>/account: "Сменить лицевой счёт" — the account step again, prefilled; a payment past
// its draft goes to its own page instead.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect, RedirectType } from 'next/navigation';
import { AccountStep } from '~/components/pay/account-step';
import { PayProgress } from '~/components/pay/progress';
import { StepHeading } from '~/components/pay/step-heading';
import { listDistricts } from '~/lib/api/reference-data';
import { loadPaymentState } from '~/lib/pay/load-payment';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('pay.account'))('metaTitle') });

const ChangeAccountPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const state = await loadPaymentState((await params).id);
  if (!state) notFound();
  if (state.status !== 'DRAFT') redirect(`/pay/${state.paymentId}`, RedirectType.replace);
  const t = await getTranslations('pay.account');
  const account = state.account;
  return (
    <>
      <PayProgress current="account" />
      <StepHeading>{t('title')}</StepHeading>
      <p>{t('intro')}</p>
      <AccountStep
        paymentId={state.paymentId}
        districts={(await listDistricts()).districts}
        initial={account ? { districtCode: account.districtCode, settlementName: account.settlementName, accountNumber: account.number } : null}
      />
    </>
  );
};

export default ChangeAccountPage;
