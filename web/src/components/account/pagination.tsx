// Previous / next through the payment list; plain links, so they work without JavaScript.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export const Pagination = ({ page, pageCount }: { page: number; pageCount: number }) => {
  const t = useTranslations('account.list');
  if (pageCount <= 1) return null;
  return (
    <nav className="account-pagination" aria-label={t('pagination')}>
      {page > 1 ? (
        <Link className="account-button account-button--secondary" href={{ pathname: '/my-payments', query: { page: page - 1 } }} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <p className="account-pagination__where" aria-current="page">
        {t('pageOf', { page, pages: pageCount })}
      </p>
      {page < pageCount ? (
        <Link className="account-button account-button--secondary" href={{ pathname: '/my-payments', query: { page: page + 1 } }} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
};
