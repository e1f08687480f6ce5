// next-intl's per-request configuration (without i18n routing): the locale from the cookie the
// language switch sets, Russian when there is none; the messages of every namespace.
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, NAMESPACES, type Locale } from './config';

const loadMessages = async (locale: Locale) =>
  Object.fromEntries(
    await Promise.all(
      NAMESPACES.map(async (namespace) => [namespace, (await import(`../messages/${locale}/${namespace}.json`)).default as Record<string, unknown>] as const),
    ),
  );

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: 'Asia/Omsk' };
});
