'use client';
// A page of the site failed: a message in the resident's language and the way on, never Next's
// English error page. The detail stays in the server log (Next logs it under this digest).
import { useTranslations } from 'next-intl';
import Link from 'next/link';

const SiteError = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => {
  const t = useTranslations('common.error');
  return (
    <section className="status-page" aria-labelledby="status-title" data-testid="site-error">
      <h1 id="status-title">{t('title')}</h1>
      <p>{t('text')}</p>
      {error.digest ? <p className="status-page__digest">{t('digest', { digest: error.digest })}</p> : null}
      <p className="status-page__links">
        <button type="button" className="button button--primary" onClick={reset}>
          {t('retry')}
        </button>
        <Link href="/">{t('home')}</Link>
      </p>
    </section>
  );
};

export default SiteError;
