// /pay/<id>/review: the last of our steps. Only a complete draft has one; anything else goes to
// the payment's own page (which shows the step it is at).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect, RedirectType } from 'next/navigation';
import { PayProgress } from '~/components/pay/progress';
import { ReviewStep } from '~/components/pay/review-step';
import { StepHeading } from '~/components/pay/step-heading';
import { loadPaymentState } from '~/lib/pay/load-payment';
import { isReviewable } from '~/lib/pay/steps';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('pay.review'))('metaTitle') });

const ReviewPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const state = await loadPaymentState((await params).id);
  if (!state) notFound();
  if (!isReviewable(state)) redirect(`/pay/${state.paymentId}`, RedirectType.replace);
  const t = await getTranslations('pay.review');
  return (
    <>
      <PayProgress current="review" />
      <StepHeading>{t('title')}</StepHeading>
      <ReviewStep state={state} />
    </>
  );
};

export default ReviewPage;
