// The cookie names of the residents' sign-in. The site (:3000) and the staff console (:3001) are
// both `localhost` in development, and browsers ignore ports for cookies: with next-auth's
// default names each app would overwrite (and fail to decrypt) the other's session. So every
// cookie of this next-auth instance is named `voltpay-resident.…` (the console uses `voltpay-staff.…`).
import type { NextAuthConfig } from 'next-auth';

export const RESIDENT_COOKIE_PREFIX = 'voltpay-resident';

type CookieSettings = NonNullable<NextAuthConfig['cookies']>;

export const residentCookies = ({ secure }: { secure: boolean }): CookieSettings => {
  const base = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  const named = (name: string, extra: { maxAge?: number } = {}) => ({ name: `${RESIDENT_COOKIE_PREFIX}.${name}`, options: { ...base, ...extra } });
  return {
    sessionToken: named('session-token'),
    callbackUrl: named('callback-url'),
    csrfToken: named('csrf-token'),
    // Unused by email sign-in, named anyway so no default `authjs.*` cookie can ever appear.
    pkceCodeVerifier: named('pkce.code_verifier', { maxAge: 15 * 60 }),
    state: named('state', { maxAge: 15 * 60 }),
    nonce: named('nonce'),
    webauthnChallenge: named('challenge', { maxAge: 15 * 60 }),
  };
};
