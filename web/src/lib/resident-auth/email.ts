// The sign-in email of "My payments": a short html + text message with the one-time link, in the
// language the resident was using on the site. Texts live in the `account.email` messages.
import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '../../i18n/config';
import en from '../../messages/en/account.json';
import ru from '../../messages/ru/account.json';

const MESSAGES = { ru, en } as const;

export type SignInEmail = { subject: string; html: string; text: string };

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const renderSignInEmail = ({ url, locale, validMinutes }: { url: string; locale: Locale; validMinutes: number }): SignInEmail => {
  const t = createTranslator({ locale, messages: { account: MESSAGES[locale] }, namespace: 'account.email' });
  const validity = t('validity', { minutes: validMinutes });
  const link = escapeHtml(url);
  // Inline styles only: mail clients drop <style> blocks and external CSS.
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('subject'))}</title></head>
<body style="margin:0;padding:24px;background:#f3f6f9;font-family:Arial,Helvetica,sans-serif;color:#1a1f24;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 12px">${escapeHtml(t('greeting'))}</p>
<p style="margin:0 0 20px">${escapeHtml(t('body'))}</p>
<p style="margin:0 0 20px"><a href="${link}" style="display:inline-block;background:#0b4f8a;color:#ffffff;padding:12px 20px;border-radius:8px;font-weight:bold;text-decoration:none">${escapeHtml(t('button'))}</a></p>
<p style="margin:0 0 12px;font-size:14px;word-break:break-all"><a href="${link}" style="color:#0b4f8a">${link}</a></p>
<p style="margin:0 0 12px">${escapeHtml(validity)}</p>
<p style="margin:0 0 12px;color:#4a5560">${escapeHtml(t('ignore'))}</p>
<p style="margin:20px 0 0;color:#4a5560;font-size:14px">${escapeHtml(t('signature'))}</p>
</div>
</body>
</html>`;
  const text = [t('greeting'), '', t('body'), url, '', validity, '', t('ignore'), '', `— ${t('signature')}`].join('\n');
  return { subject: t('subject'), html, text };
};

/** The site's language cookie (see ~/i18n) from a request's Cookie header; Russian without one. */
export const localeFromCookieHeader = (cookieHeader: string | null): Locale => {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === LOCALE_COOKIE) {
      const candidate = decodeURIComponent(value.join('='));
      if (isLocale(candidate)) return candidate;
    }
  }
  return DEFAULT_LOCALE;
};
