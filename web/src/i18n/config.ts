// The site's languages: Russian first (the utility's own), English second. The choice lives in a
// cookie, not the URL, so a payment's links (acquirer return, emailed receipts) stay the same.
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
