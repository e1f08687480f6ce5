// /pay/<id>/return: where the acquirer sends the resident after its pages, whatever happened
// there (`?cancelled=1` when they cancelled). The page tells the workflow (returnFromAcquirer, which
// asks the acquirer for an outcome its webhook has not brought yet), then follows the state.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PaymentStatus } from '~/components/pay/payment-status';
import { loadPaymentState } from '~/lib/pay/load-payment';

export const dynamic = 'force-dynamic';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('pay.status'))('metaTitle') });

const ReturnPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const state = await loadPaymentState((await params).id);
  if (!state) notFound();
  return <PaymentStatus initialState={state} returning />;
};

export default ReturnPage;
