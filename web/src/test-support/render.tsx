// Component tests of the site (`*.test.tsx` under happy-dom): render inside next-intl's provider
// with the shipped catalogues, and answer the browser's calls to our /api/v1 from a table.
import { OMSK_TIME_ZONE } from '@voltpay/domain/omsk-time';
import { render } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Locale } from '~/i18n/config';
import { MESSAGES } from '~/i18n/catalogues';
import type { ResidentPaymentState } from '~/lib/api/schemas';

export const renderInLocale = (ui: ReactElement, locale: Locale = 'ru') =>
  render(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={OMSK_TIME_ZONE}>
      {ui}
    </NextIntlClientProvider>,
  );

export type ApiCall = { method: string; path: string; lang: string | null; body: unknown };
type Answer = { status?: number; json: unknown };

/**
 * Replaces `fetch` with answers keyed by `"<METHOD> <path under /api/v1/>"`; a call no route names
 * fails the test's expectations through a 599 and is recorded like the others.
 */
export const fakeApi = (routes: Record<string, Answer | ((body: unknown) => Answer)>) => {
  const calls: ApiCall[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1\//, '');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, lang: url.searchParams.get('lang'), body });
    const route = routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(body) : (route ?? { status: 599, json: { code: 'NO_ROUTE', message: `${method} ${path}` } });
    return new Response(JSON.stringify(answer.json), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
};

/** A payment as the API shows it to the resident: a fresh draft unless told otherwise. */
export const residentState = (overrides: Partial<ResidentPaymentState> = {}): ResidentPaymentState => ({
  paymentId: 'p-1',
  status: 'DRAFT',
  revision: 1,
  locale: 'ru',
  terms: { version: '2026-11-01', acceptedAt: '2026-12-07T14:00:00.000Z' },
  startedAt: '2026-12-07T14:00:00.000Z',
  updatedAt: '2026-12-07T14:00:00.000Z',
  settings: { ceilingKopecks: 15_000_000 },
  account: null,
  periods: [],
  period: null,
  bill: null,
  electricity: null,
  options: { commonArea: true, penalty: true, debt: false },
  quote: null,
  receiptEmail: null,
  acquirer: null,
  expiresAt: null,
  declineReason: null,
  unconfirmed: null,
  receipt: null,
  delivery: null,
  refund: null,
  timeline: [],
  ...overrides,
});
