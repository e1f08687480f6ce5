import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Voltpay — консоль сотрудников',
  robots: { index: false, follow: false },
};

const RootLayout = ({ children }: { children: ReactNode }) => (
  <html lang="ru">
    <body>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
    </body>
  </html>
);

export default RootLayout;
