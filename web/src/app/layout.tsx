import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '~/components/language-switch';
import './globals.css';

export const generateMetadata = async (): Promise<Metadata> => {
  const t = await getTranslations('common.meta');
  return { title: { default: t('title'), template: `%s — ${t('title')}` }, description: t('description') };
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f8a' };

const RootLayout = async ({ children }: { children: ReactNode }) => {
  // Every page is rendered per request, so Next can put this response's CSP nonce (src/proxy.ts)
  // on its scripts; a page prerendered at build time would have none, and would not run.
  await connection();
  const [locale, t] = [await getLocale(), await getTranslations('common')];
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipLink')}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link className="brand" href="/">
              {t('brand')}
            </Link>
            {/* The utility's guide promises the card-payment link top right of every page (DESIGN §2.1). */}
            <nav aria-label={t('nav.label')} className="site-nav">
              <Link className="pay-link" href="/pay">
                {t('nav.pay')}
              </Link>
              <Link className="site-nav__link" href="/my-payments">
                {t('nav.myPayments')}
              </Link>
              <LanguageSwitch />
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          <NextIntlClientProvider>{children}</NextIntlClientProvider>
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t('footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
};

export default RootLayout;
