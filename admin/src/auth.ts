// Staff sign-in (next-auth v5): a one-time link by email, database sessions that an admin can end,
// and cookies of the console's own (`voltpay-staff…`) so the residents' site on the same host
// never reads or overwrites them. Only existing, active staff get a link; the page says "check your
// email" to everyone, so the form does not reveal who works here.
import NextAuth from 'next-auth';
import type { EmailConfig } from 'next-auth/providers/email';
import { prisma } from '@voltpay/prisma';
import { describeError } from '@voltpay/logger';
import { AUTH_BASE_PATH, deriveAuthSecret, pinAuthUrl } from '@voltpay/stack/auth-config';
import { env } from './env';
import { recordAudit } from './server/audit/audit';
import { createStaffAdapter } from './server/auth/adapter';
import {
  normaliseStaffEmail,
  STAFF_EMAIL_PROVIDER_ID,
  STAFF_SESSION_MAX_AGE_SECONDS,
  STAFF_SESSION_UPDATE_AGE_SECONDS,
  STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS,
} from './server/auth/config';
import { isSecureOrigin, staffCookieNames } from './server/auth/cookies';
import { sendStaffSignInEmail } from './server/auth/sign-in-email';
import { mayReceiveSignInLink } from './server/auth/link-request';
import { takeStaffSignInLink } from './server/auth/sign-in-limit';
import { log } from './server/log';

// Built per request, not at import: `next build` imports this module with no environment.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  // Links and redirects from ADMIN_PUBLIC_URL only, never from the request's Host (next-auth reads it after this call).
  pinAuthUrl({ publicUrl: env.ADMIN_PUBLIC_URL });
  const secure = isSecureOrigin(env.ADMIN_PUBLIC_URL);
  const names = staffCookieNames(env.ADMIN_PUBLIC_URL);
  // SameSite=lax: the emailed link (a top-level GET from the mail client) still carries the
  // callback cookies, while cross-site POSTs carry none.
  const cookie = (name: string) => ({ name, options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure } });

  /** Where a refused request is sent: the same page, same query, as an accepted one. */
  const checkEmailUrl = `${env.ADMIN_PUBLIC_URL.replace(/\/+$/, '')}/api/auth/verify-request?provider=${STAFF_EMAIL_PROVIDER_ID}&type=email`;

  const emailProvider: EmailConfig = {
    id: STAFF_EMAIL_PROVIDER_ID,
    type: 'email',
    name: 'Email',
    maxAge: STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS,
    // Sent after the answer, not before it: waiting for the mail provider made a colleague's address
    // answer seconds later than a stranger's (and a failed send showed an error page only for staff).
    // A failure is logged; the person asks again, as for any mail that does not arrive.
    sendVerificationRequest: async ({ identifier, url, token, expires }) => {
      void sendStaffSignInEmail({
        prisma,
        resend: { ...(env.RESEND_API_KEY ? { apiKey: env.RESEND_API_KEY } : {}), ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}) },
        from: env.EMAIL_FROM,
        to: identifier,
        url,
        token,
        expires,
      }).catch((error: unknown) => {
        // The kind of failure only: never the address or the link.
        log.error({ error: describeError(error) }, 'staff sign-in link not sent');
      });
    },
    options: {},
  };

  return {
    adapter: createStaffAdapter({ prisma }),
    secret: deriveAuthSecret({ secret: env.AUTH_SECRET, app: 'admin' }),
    basePath: AUTH_BASE_PATH,
    providers: [emailProvider],
    session: { strategy: 'database', maxAge: STAFF_SESSION_MAX_AGE_SECONDS, updateAge: STAFF_SESSION_UPDATE_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: cookie(names.sessionToken),
      callbackUrl: cookie(names.callbackUrl),
      csrfToken: cookie(names.csrfToken),
      pkceCodeVerifier: cookie(names.pkceCodeVerifier),
      state: cookie(names.state),
      nonce: cookie(names.nonce),
      webauthnChallenge: cookie(names.webauthnChallenge),
    },
    pages: { signIn: '/sign-in', verifyRequest: '/sign-in/check-email', error: '/sign-in/error' },
    callbacks: {
      // Runs when a link is requested (verificationRequest) and when it is used: the user must exist
      // and be active both times (an admin may deactivate someone holding a fresh link).
      signIn: async ({ user, email }) => {
        const address = user.email ? normaliseStaffEmail(user.email) : null;
        const isActiveStaff = async (staffEmail: string) =>
          (await prisma.staffUser.findUnique({ where: { email: staffEmail }, select: { active: true } }))?.active === true;
        if (email?.verificationRequest) {
          // A stranger's address, a deactivated one, or too many links asked: no email, and the same
          // page after the same work as ever, so the form does not say whether the address is staff's.
          if (!address) return checkEmailUrl;
          return (await mayReceiveSignInLink({ email: address, isActiveStaff, takeLink: takeStaffSignInLink })) ? true : checkEmailUrl;
        }
        return address !== null && (await isActiveStaff(address));
      },
    },
    events: {
      signIn: async ({ user }) => {
        if (!user.id || !user.email) return;
        const email = user.email;
        await prisma.$transaction(async (tx) => {
          await tx.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
          await recordAudit(tx, { email }, { action: 'auth.signIn', targetType: 'staffUser', targetId: user.id! });
        });
      },
      signOut: async (message) => {
        const session = 'session' in message ? message.session : null;
        if (!session) return;
        const staff = await prisma.staffUser.findUnique({ where: { id: session.userId }, select: { id: true, email: true } });
        if (staff) await recordAudit(prisma, staff, { action: 'auth.signOut', targetType: 'staffUser', targetId: staff.id });
      },
    },
  };
});
