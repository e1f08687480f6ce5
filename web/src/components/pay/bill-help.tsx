'use client';
// "Как узнать номер лицевого счёта?": a picture of a paper bill with the housing-office index (1)
// and the account number (2) marked (web/public/pay/bill-help.svg), opened in place.
import { Collapsible } from 'radix-ui';
import { ChevronDown, CircleHelp } from 'lucide-react';
import { useTranslations } from 'next-intl';

export const BillHelp = () => {
  const t = useTranslations('pay.help');
  return (
    <Collapsible.Root className="bill-help">
      <Collapsible.Trigger className="bill-help__trigger">
        <CircleHelp aria-hidden="true" size={20} />
        <span>{t('toggle')}</span>
        <ChevronDown aria-hidden="true" size={18} className="bill-help__chevron" />
      </Collapsible.Trigger>
      <Collapsible.Content className="bill-help__content">
        <p>{t('text')}</p>
        <figure className="bill-help__figure">
          {/* A static SVG drawn for this page; next/image adds nothing for it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/pay/bill-help.svg" alt={t('alt')} width={640} height={470} />
          <figcaption>{t('caption')}</figcaption>
        </figure>
        <ul className="list">
          <li>{t('city')}</li>
          <li>{t('region')}</li>
        </ul>
      </Collapsible.Content>
    </Collapsible.Root>
  );
};
