// next-intl's per-request configuration (without i18n routing): the locale from the cookie the
// language switch sets, Russian when there is none; the messages of every namespace.
// The catalogues are static imports in ./catalogues (not a template `import()`), so `next dev` reloads
// a message file when it changes, and an English file missing a key the Russian one has fails the type check.
import { OMSK_TIME_ZONE } from '@voltpay/domain/omsk-time';
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './config';
import { MESSAGES } from './catalogues';

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: OMSK_TIME_ZONE };
});
