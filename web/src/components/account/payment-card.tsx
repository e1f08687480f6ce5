// One payment of "My payments": when, which account (masked), which period, how much, its status
// in words, and its receipt (number and PDF) when it has one.
import { useTranslations } from 'next-intl';
import type { ResidentPayment } from '~/app/my-payments/_lib/list-payments';
import { DownloadReceiptLink, MaskedAccount, Money, OmskTime, StatusBadge, usePeriodLabel } from './receipt-bits';

export const PaymentCard = ({ payment }: { payment: ResidentPayment }) => {
  const t = useTranslations('account');
  const periodLabel = usePeriodLabel();
  const titleId = `payment-${payment.id}`;
  return (
    <article className="account-card" aria-labelledby={titleId}>
      <h2 className="account-card__title" id={titleId}>
        {t('list.paymentTitle', { period: periodLabel(payment.period) })}
      </h2>
      <dl className="account-facts">
        <div>
          <dt>{t('common.fields.paidAt')}</dt>
          <dd>
            <OmskTime at={payment.at} />
          </dd>
        </div>
        <div>
          <dt>{t('common.fields.account')}</dt>
          <dd>
            <MaskedAccount number={payment.accountNumber} />
          </dd>
        </div>
        <div>
          <dt>{t('common.fields.amount')}</dt>
          <dd className="account-amount">
            <Money kopecks={payment.totalKopecks} />
          </dd>
        </div>
        <div>
          <dt>{t('common.fields.status')}</dt>
          <dd>
            <StatusBadge status={payment.status} />
          </dd>
        </div>
        <div>
          <dt>{t('common.fields.receipt')}</dt>
          <dd>{payment.receipt ? `№ ${payment.receipt.number}` : t('list.noReceipt')}</dd>
        </div>
      </dl>
      {payment.receipt ? <DownloadReceiptLink number={payment.receipt.number} code={payment.receipt.verificationCode} /> : null}
    </article>
  );
};
