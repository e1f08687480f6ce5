// The email with a one-time link to the console, in Russian, sent through the shared email path
// (Resend when configured, else the email_outbox table where development mail is read).
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@voltpay/prisma';
import { formatOmskDateTimeLong } from '@voltpay/domain/omsk-time';
import { SIGN_IN_EMAIL_KEY_PREFIXES, sendEmail, type ResendConfig } from '@voltpay/emails';

const STAFF_SIGN_IN_KEY_PREFIX = SIGN_IN_EMAIL_KEY_PREFIXES.staff;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const STAFF_SIGN_IN_SUBJECT = 'Вход в консоль сотрудников Voltpay';

export const renderStaffSignInEmail = ({ url, expires }: { url: string; expires: Date }) => {
  const until = `${formatOmskDateTimeLong(expires, 'ru')} (время омское)`;
  const text = [
    'Здравствуйте!',
    '',
    'Чтобы войти в консоль сотрудников Voltpay, откройте ссылку:',
    url,
    '',
    `Ссылка действует один раз, до ${until}.`,
    'Если вы не запрашивали вход, ничего не делайте: без этой ссылки в консоль не войти.',
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;color:#1a1f24;line-height:1.5">
<p>Здравствуйте!</p>
<p>Чтобы войти в консоль сотрудников Voltpay, нажмите кнопку:</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#1864ab;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">Войти в консоль</a></p>
<p>Или откройте ссылку: <br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
<p>Ссылка действует один раз, до ${escapeHtml(until)}.</p>
<p style="color:#4a5560">Если вы не запрашивали вход, ничего не делайте: без этой ссылки в консоль не войти.</p>
</body></html>`;
  return { subject: STAFF_SIGN_IN_SUBJECT, html, text };
};

export const sendStaffSignInEmail = async ({
  prisma,
  resend,
  from,
  to,
  url,
  token,
  expires,
}: {
  prisma: PrismaClient;
  resend: ResendConfig;
  from: string;
  to: string;
  url: string;
  /** The link's token: one email per link (the key is its hash, never the token). */
  token: string;
  expires: Date;
}) => {
  const idempotencyKey = `${STAFF_SIGN_IN_KEY_PREFIX}${createHash('sha256').update(token).digest('hex')}`;
  await sendEmail({ prisma, resend, email: { idempotencyKey, from, to, ...renderStaffSignInEmail({ url, expires }), confidential: true } });
};
