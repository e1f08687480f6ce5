// /pay/<id>: the payment's own address. Which step it shows is decided from the workflow's state
// alone (lib/pay/steps.ts), so a reload, a second tab or the back button resumes the same payment.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AccountStep } from '~/components/pay/account-step';
import { DetailsStep } from '~/components/pay/details-step';
import { PaymentStatus } from '~/components/pay/payment-status';
import { PayProgress } from '~/components/pay/progress';
import { StepHeading } from '~/components/pay/step-heading';
import { listDistricts } from '~/lib/api/reference-data';
import { loadPaymentState } from '~/lib/pay/load-payment';
import { pageOfState } from '~/lib/pay/steps';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const t = await getTranslations('pay');
  const state = await loadPaymentState((await params).id).catch(() => null);
  const page = state ? pageOfState(state) : 'status';
  return { title: page === 'account' ? t('account.metaTitle') : page === 'details' ? t('details.metaTitle') : t('status.metaTitle') };
};

const PaymentPage = async ({ params }: Props) => {
  const state = await loadPaymentState((await params).id);
  if (!state) notFound();
  const t = await getTranslations('pay');
  const page = pageOfState(state);
  switch (page) {
    case 'account':
      return (
        <>
          <PayProgress current="account" />
          <StepHeading key="account">{t('account.title')}</StepHeading>
          <p>{t('account.intro')}</p>
          <AccountStep paymentId={state.paymentId} districts={(await listDistricts()).districts} initial={null} />
        </>
      );
    case 'details':
      return (
        <>
          <PayProgress current="details" />
          <StepHeading key="details">{t('details.title')}</StepHeading>
          <DetailsStep initialState={state} />
        </>
      );
    case 'status':
      return <PaymentStatus initialState={state} />;
    default: {
      const unknown: never = page;
      throw new Error(`unknown page ${String(unknown)}`);
    }
  }
};

export default PaymentPage;
