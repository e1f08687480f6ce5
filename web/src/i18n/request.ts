// next-intl's per-request configuration (without i18n routing): the locale from the cookie the
// language switch sets, Russian when there is none; the messages of every namespace.
// Static imports (not a template `import()`), so `next dev` reloads a message file when it changes,
// and an English file missing a key the Russian one has fails the type check.
import { OMSK_TIME_ZONE } from '@voltpay/domain/omsk-time';
import { cookies } from 'next/headers';
import type { Messages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import enAccount from '../messages/en/account.json';
import enCommon from '../messages/en/common.json';
import enPay from '../messages/en/pay.json';
import ruAccount from '../messages/ru/account.json';
import ruCommon from '../messages/ru/common.json';
import ruPay from '../messages/ru/pay.json';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './config';

const MESSAGES = {
  ru: { common: ruCommon, pay: ruPay, account: ruAccount },
  en: { common: enCommon, pay: enPay, account: enAccount },
} satisfies Record<Locale, Messages>;

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: OMSK_TIME_ZONE };
});
