import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Voltpay — оплата электроэнергии',
  description: 'Оплата электроэнергии банковской картой VISA / MasterCard.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f8a' };

const RootLayout = ({ children }: { children: ReactNode }) => (
  <html lang="ru">
    <body>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link className="brand" href="/">
            Voltpay — оплата электроэнергии
          </Link>
          {/* The utility's guide promises this link top right of every page (DESIGN §2.1). */}
          <nav aria-label="Основная навигация">
            <Link className="pay-link" href="/">
              Оплата картой VISA / MasterCard
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Voltpay — оплата электроэнергии банковской картой.</p>
        </div>
      </footer>
    </body>
  </html>
);

export default RootLayout;
