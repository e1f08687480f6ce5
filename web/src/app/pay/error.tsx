'use client';
// The payment pages when Temporal or the database does not answer: nothing is lost, try again.
import { useTranslations } from 'next-intl';

const PaymentError = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => {
  const t = useTranslations('pay.status.unavailable');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => reset()}>
          {t('retry')}
        </button>
      </div>
    </>
  );
};

export default PaymentError;
