// Sign-in of residents to "My payments" (next-auth v5): a one-time link emailed to the address,
// a JWT session in a `voltpay-resident.*` cookie for 24 hours, no accounts (see
// lib/resident-auth/adapter.ts for why there is no users table).
import { createHash } from 'node:crypto';
import { SIGN_IN_EMAIL_KEY_PREFIXES, sendEmail } from '@voltpay/emails';
import { prisma } from '@voltpay/prisma';
import { AUTH_BASE_PATH, deriveAuthSecret, pinAuthUrl } from '@voltpay/stack/auth-config';
import { serverEnv } from '@voltpay/stack/env';
import NextAuth from 'next-auth';
import type { EmailConfig } from 'next-auth/providers/email';
import { createResidentAdapter } from '~/lib/resident-auth/adapter';
import { residentCookies } from '~/lib/resident-auth/cookies';
import { localeFromCookieHeader, renderSignInEmail } from '~/lib/resident-auth/email';
import { signInByEmailLimit } from '~/lib/resident-auth/limits';

export const RESIDENT_EMAIL_PROVIDER_ID = 'resident-email';
/** How long an emailed sign-in link works (it works once). */
export const SIGN_IN_LINK_MINUTES = 30;
export const RESIDENT_SESSION_HOURS = 24;

export const MY_PAYMENTS_PATH = '/my-payments';

const residentEmailProvider = (): EmailConfig => ({
  id: RESIDENT_EMAIL_PROVIDER_ID,
  type: 'email',
  name: 'Email',
  from: serverEnv.EMAIL_FROM,
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  sendVerificationRequest: async ({ identifier, url, token, request }) => {
    const email = renderSignInEmail({ url, locale: localeFromCookieHeader(request.headers.get('cookie')), validMinutes: SIGN_IN_LINK_MINUTES });
    await sendEmail({
      prisma,
      resend: { apiKey: serverEnv.RESEND_API_KEY, baseUrl: serverEnv.RESEND_BASE_URL },
      email: {
        // One email per link. The key is kept in the outbox row: a hash, so it does not carry the token.
        idempotencyKey: `${SIGN_IN_EMAIL_KEY_PREFIXES.resident}${createHash('sha256').update(token).digest('hex')}`,
        from: serverEnv.EMAIL_FROM,
        to: identifier,
        ...email,
        confidential: true,
      },
    });
  },
  options: {},
});

// Lazy: the configuration reads the environment, which `next build` does not have.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  // Links and redirects from WEB_PUBLIC_URL only, never from the request's Host (next-auth reads it after this call).
  pinAuthUrl({ publicUrl: serverEnv.WEB_PUBLIC_URL });
  const secure = serverEnv.WEB_PUBLIC_URL.startsWith('https:');
  return {
    secret: deriveAuthSecret({ secret: serverEnv.AUTH_SECRET, app: 'web' }),
    basePath: AUTH_BASE_PATH,
    adapter: createResidentAdapter({ prisma }),
    providers: [residentEmailProvider()],
    session: { strategy: 'jwt', maxAge: RESIDENT_SESSION_HOURS * 60 * 60 },
    useSecureCookies: secure,
    cookies: residentCookies({ secure }),
    pages: {
      signIn: MY_PAYMENTS_PATH,
      error: MY_PAYMENTS_PATH,
      verifyRequest: `${MY_PAYMENTS_PATH}/check-email`,
    },
    callbacks: {
      // Asking for a link (not using one) is limited per address here, where every way in passes
      // (the page's form and a direct POST to /api/auth/signin/…): nobody can flood a mailbox.
      signIn: async ({ user, email }) => {
        if (!email?.verificationRequest || !user.email) return true;
        return (await signInByEmailLimit().take(user.email.toLowerCase())).allowed ? true : `${MY_PAYMENTS_PATH}?error=TooManyRequests`;
      },
      // The token carries the address and nothing else.
      jwt: ({ token }) => ({ sub: token.sub, email: token.email }),
      session: ({ session, token }) => ({ ...session, user: { ...session.user, email: token.email ?? '' } }),
    },
  };
});

/** The signed-in resident's email address (lower case, as verified), or null. */
export const getResidentEmail = async (): Promise<string | null> => {
  const session = await auth();
  const email = session?.user?.email;
  return typeof email === 'string' && email.includes('@') ? email : null;
};
