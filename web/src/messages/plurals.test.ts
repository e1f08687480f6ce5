// Counted phrases go through ICU plural rules in both languages: "1 платёж, квитанция которого
// отправлена", never "1 платёж, квитанции которых отправлены".
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from './en/account.json';
import ru from './ru/account.json';

describe('the payments list summary', () => {
  it('agrees with its count in Russian', () => {
    const t = createTranslator({ locale: 'ru', messages: { account: ru }, namespace: 'account.list' });
    expect([1, 2, 5, 21, 22, 25].map((total) => t('summary', { total }))).toEqual([
      '1 платёж, квитанция которого отправлена на этот адрес.',
      '2 платежа, квитанции которых отправлены на этот адрес.',
      '5 платежей, квитанции которых отправлены на этот адрес.',
      '21 платёж, квитанция которого отправлена на этот адрес.',
      '22 платежа, квитанции которых отправлены на этот адрес.',
      '25 платежей, квитанции которых отправлены на этот адрес.',
    ]);
  });

  it('and in English', () => {
    const t = createTranslator({ locale: 'en', messages: { account: en }, namespace: 'account.list' });
    expect([1, 2].map((total) => t('summary', { total }))).toEqual([
      '1 payment with the receipt sent to this address.',
      '2 payments with the receipt sent to this address.',
    ]);
  });
});
