// "Check your email": where next-auth sends the resident after asking for a sign-in link.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SIGN_IN_LINK_MINUTES } from '~/auth';
import { FocusHeading } from '~/components/account/focus-on-mount';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('account.meta'))('checkEmail') });

const CheckEmailPage = async () => {
  const t = await getTranslations('account.checkEmail');
  return (
    <>
      <FocusHeading level={1}>{t('title')}</FocusHeading>
      <div className="account-alert account-alert--info" role="status">
        <p>{t('body', { minutes: SIGN_IN_LINK_MINUTES })}</p>
      </div>
      <p>{t('noEmail')}</p>
      <p>
        <Link href="/my-payments">{t('again')}</Link>
      </p>
    </>
  );
};

export default CheckEmailPage;
