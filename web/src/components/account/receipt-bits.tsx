// The small pieces every "My payments" and receipt page prints the same way: a masked account
// number, a billing period in words, a payment's status, money, Omsk time, the PDF link.
import { formatRoubles } from '@voltpay/domain/money';
import type { Kopecks, PaymentStatus } from '@voltpay/domain';
import { useLocale, useTranslations } from 'next-intl';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { paymentStatusLabel } from '@voltpay/domain/status-labels';
import { maskAccountNumber, parsePeriod, receiptPdfPath, statusTone } from './format';

export const MaskedAccount = ({ number }: { number: string }) => {
  const t = useTranslations('account.common');
  const { hidden, visible } = maskAccountNumber(number);
  return (
    <span className="account-masked">
      <span aria-hidden="true">{hidden}</span>
      <span className="account-sr-only">{t('accountEnding')} </span>
      {visible}
    </span>
  );
};

export const usePeriodLabel = () => {
  const t = useTranslations('account.common');
  return (period: string): string => {
    const parsed = parsePeriod(period);
    if (!parsed) return period;
    const month = t(`months.${String(parsed.month) as '1'}`);
    return t('period', { month, year: String(parsed.year) });
  };
};

export const PeriodText = ({ period }: { period: string }) => <>{usePeriodLabel()(period)}</>;

export const StatusBadge = ({ status }: { status: PaymentStatus }) => (
  <span className={`account-status account-status--${statusTone(status)}`}>{paymentStatusLabel(status, useLocale())}</span>
);

export const Money = ({ kopecks }: { kopecks: Kopecks }) => <>{formatRoubles(kopecks, useLocale())}</>;

export const OmskTime = ({ at }: { at: Date | string }) => {
  const instant = new Date(at);
  return <time dateTime={instant.toISOString()}>{formatOmskDateTime(instant, useLocale(), { zone: true })}</time>;
};

export const DownloadReceiptLink = ({ number, code }: { number: string; code: string }) => {
  const t = useTranslations('account.common');
  return (
    <a className="account-button account-button--secondary" href={receiptPdfPath({ number, code, locale: useLocale() })} download={`receipt-${number}.pdf`}>
      {t('download')}
      <span className="account-sr-only"> {t('downloadHidden', { number })}</span>
    </a>
  );
};
