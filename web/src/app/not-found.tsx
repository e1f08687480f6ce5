// An address of the site that leads nowhere (HTTP 404), in the resident's language, with the way on.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('common.notFound'))('metaTitle') });

const NotFound = async () => {
  const t = await getTranslations('common.notFound');
  return (
    <section className="status-page" aria-labelledby="status-title" data-testid="not-found">
      <p className="status-page__code">404</p>
      <h1 id="status-title">{t('title')}</h1>
      <p>{t('text')}</p>
      <p className="status-page__links">
        <Link className="button button--primary" href="/pay">
          {t('pay')}
        </Link>
        <Link href="/">{t('home')}</Link>
      </p>
    </section>
  );
};

export default NotFound;
