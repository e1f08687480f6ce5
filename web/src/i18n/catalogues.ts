// The site's message catalogues by locale: one table that next-intl's request config and the
// component tests both read, so a test renders a component with exactly the words it ships with.
import type { Messages } from 'next-intl';
import enAccount from '../messages/en/account.json';
import enCommon from '../messages/en/common.json';
import enPay from '../messages/en/pay.json';
import ruAccount from '../messages/ru/account.json';
import ruCommon from '../messages/ru/common.json';
import ruPay from '../messages/ru/pay.json';
import type { Locale } from './config';

export const MESSAGES = {
  ru: { common: ruCommon, pay: ruPay, account: ruAccount },
  en: { common: enCommon, pay: enPay, account: enAccount },
} satisfies Record<Locale, Messages>;
