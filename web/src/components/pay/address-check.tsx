// The address the system found for the account, to check before paying (guide: «ПРОВЕРЬТЕ
// УКАЗАННЫЙ СИСТЕМОЙ АДРЕС!»), with "Сменить лицевой счёт" back to the account step.
import type { AccountView } from '@voltpay/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';

export const AddressCheck = ({ paymentId, account }: { paymentId: string; account: AccountView }) => {
  const t = useTranslations('pay.address');
  const tAccount = useTranslations('pay.account');
  return (
    <section aria-labelledby="address-title" className="address-check">
      <h2 id="address-title">{t('title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('account')}</dt>
          <dd className="facts__number">{account.number}</dd>
        </div>
        <div>
          <dt>{t('district')}</dt>
          <dd>{account.districtName}</dd>
        </div>
        <div>
          <dt>{t('address')}</dt>
          <dd data-testid="masked-address">
            {account.maskedAddress} <span className="muted">({t('masked')})</span>
          </dd>
        </div>
      </dl>
      <p className="address-check__warning">{t('warning')}</p>
      <Link className="button button--secondary" href={`/pay/${paymentId}/account`}>
        {tAccount('change')}
      </Link>
    </section>
  );
};
