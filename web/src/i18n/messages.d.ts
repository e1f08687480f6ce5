// Typed messages: a key missing from the Russian files (the reference) fails the type check.
import type account from '../messages/ru/account.json';
import type common from '../messages/ru/common.json';
import type pay from '../messages/ru/pay.json';
import type { Locale } from './config';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: { common: typeof common; pay: typeof pay; account: typeof account };
  }
}
