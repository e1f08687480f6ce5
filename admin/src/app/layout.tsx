// The console's root: Mantine (light scheme, Russian), notifications and the tRPC/TanStack Query
// providers every page can use. The (console) group adds the signed-in shell; /sign-in has none.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './globals.css';
import { ColorSchemeScript, createTheme, MantineProvider, mantineHtmlProps } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '../trpc/react';

export const metadata: Metadata = {
  title: { default: 'Voltpay — консоль сотрудников', template: '%s — Voltpay' },
  robots: { index: false, follow: false },
};

const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than the default 6 keep white text on filled buttons above 4.5:1.
  primaryShade: 8,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  defaultRadius: 'md',
});

// Async and reading the request: every page is rendered per request, so its scripts carry this
// response's CSP nonce (src/proxy.ts); a page prerendered at build time would have none and not run.
const RootLayout = async ({ children }: { children: ReactNode }) => {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="ru" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Перейти к содержанию
        </a>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </MantineProvider>
      </body>
    </html>
  );
};

export default RootLayout;
