import { describe, expect, it } from 'vitest';
import { localeFromCookieHeader, renderSignInEmail } from './email';

const url = 'http://localhost:3000/api/auth/callback/resident-email?callbackUrl=%2Fmy-payments&token=abc&email=a%40b.ru';

describe('renderSignInEmail', () => {
  it('writes Russian by default, with the link in both parts and the validity in words', () => {
    const email = renderSignInEmail({ url, locale: 'ru', validMinutes: 30 });
    expect(email.subject).toBe('Вход в «Мои оплаты»');
    expect(email.text).toContain(url);
    expect(email.text).toContain('Ссылка действует 30 минут и срабатывает один раз.');
    // The link's & is escaped in the html attribute and text.
    expect(email.html).toContain(`href="${url.replaceAll('&', '&amp;')}"`);
    expect(email.html).not.toContain(`href="${url}"`);
    expect(email.html).toContain('lang="ru"');
  });

  it('writes English when the resident used the site in English, with English plurals', () => {
    const email = renderSignInEmail({ url, locale: 'en', validMinutes: 1 });
    expect(email.subject).toBe('Sign in to “My payments”');
    expect(email.text).toContain('The link is valid for 1 minute and works once.');
    expect(email.html).toContain('lang="en"');
  });

  it('uses the Russian plural forms', () => {
    expect(renderSignInEmail({ url, locale: 'ru', validMinutes: 21 }).text).toContain('21 минуту');
    expect(renderSignInEmail({ url, locale: 'ru', validMinutes: 3 }).text).toContain('3 минуты');
  });
});

describe('localeFromCookieHeader', () => {
  it('reads the site’s language cookie, Russian when absent or unknown', () => {
    expect(localeFromCookieHeader('a=1; NEXT_LOCALE=en; b=2')).toBe('en');
    expect(localeFromCookieHeader('NEXT_LOCALE=de')).toBe('ru');
    expect(localeFromCookieHeader(null)).toBe('ru');
  });
});
