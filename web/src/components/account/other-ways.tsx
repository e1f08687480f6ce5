// "Without signing in": the guest receipt look-up and the public verification page.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export const OtherWays = () => {
  const t = useTranslations('account.signIn');
  return (
    <section className="account-section" aria-labelledby="other-ways-title">
      <h2 id="other-ways-title">{t('otherWays')}</h2>
      <ul className="account-links">
        <li>
          <Link href="/my-payments/find">{t('findLink')}</Link>
        </li>
        <li>
          <Link href="/receipts/verify">{t('verifyLink')}</Link>
        </li>
      </ul>
    </section>
  );
};
