// A /pay/<id> that is no payment: say so, and offer a new payment.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

const PaymentNotFound = async () => {
  const t = await getTranslations('pay');
  return (
    <>
      <h1>{t('status.notFound.title')}</h1>
      <p>{t('status.notFound.text')}</p>
      <div className="actions">
        <Link className="button button--primary" href="/pay">
          {t('common.startAgain')}
        </Link>
        <Link className="button button--secondary" href="/">
          {t('common.backToSite')}
        </Link>
      </div>
    </>
  );
};

export default PaymentNotFound;
