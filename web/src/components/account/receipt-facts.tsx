// What a receipt certifies, as the look-up and the verification pages show it: number, Omsk time,
// amount, masked account (and address where known), period, and the payment's status now.
import type { Kopecks, PaymentStatus } from '@voltpay/domain';
import { useTranslations } from 'next-intl';
import { MaskedAccount, Money, OmskTime, PeriodText, StatusBadge } from './receipt-bits';

export type ReceiptFactsProps = {
  number: string;
  issuedAt: string;
  totalKopecks: Kopecks;
  period: string;
  accountNumber: string;
  maskedAddress?: string | null;
  paymentStatus: PaymentStatus;
};

export const ReceiptFacts = ({ number, issuedAt, totalKopecks, period, accountNumber, maskedAddress, paymentStatus }: ReceiptFactsProps) => {
  const t = useTranslations('account.common.fields');
  return (
    <dl className="account-facts">
      <div>
        <dt>{t('number')}</dt>
        <dd>{number}</dd>
      </div>
      <div>
        <dt>{t('issuedAt')}</dt>
        <dd>
          <OmskTime at={issuedAt} />
        </dd>
      </div>
      <div>
        <dt>{t('amount')}</dt>
        <dd className="account-amount">
          <Money kopecks={totalKopecks} />
        </dd>
      </div>
      <div>
        <dt>{t('account')}</dt>
        <dd>
          <MaskedAccount number={accountNumber} />
        </dd>
      </div>
      {maskedAddress ? (
        <div>
          <dt>{t('address')}</dt>
          <dd>{maskedAddress}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('period')}</dt>
        <dd>
          <PeriodText period={period} />
        </dd>
      </div>
      <div>
        <dt>{t('status')}</dt>
        <dd>
          <StatusBadge status={paymentStatus} />
        </dd>
      </div>
    </dl>
  );
};
