// What the two apps' next-auth instances take from the environment, decided here and not by
// next-auth's own guesses: the URL links are built from, and a signing key of each app's own.
import { hkdfSync } from 'node:crypto';

export type AuthApp = 'web' | 'admin';

/** Where each app serves next-auth's routes. */
export const AUTH_BASE_PATH = '/api/auth';

/**
 * The app's own next-auth secret, derived from the shared AUTH_SECRET (HKDF-SHA-256, a per-app
 * label): a session cookie or a link hash made by the residents' site means nothing to the
 * console and back, while a deployment still keeps one secret (and `.data/secrets.json` one entry).
 */
export const deriveAuthSecret = ({ secret, app }: { secret: string; app: AuthApp }): string =>
  Buffer.from(hkdfSync('sha256', secret, 'voltpay', `voltpay/${app}/next-auth/v1`, 32)).toString('base64url');

/**
 * next-auth's base URL from the app's public URL. Auth.js v5 builds every link (the one in a
 * sign-in email included) from AUTH_URL when it is set, and from the request's Host /
 * X-Forwarded-Host when not, which a forged header controls. Setting it here, from the
 * configuration, means the Host header never matters, whoever runs the app and however. An AUTH_URL
 * set by hand must agree: two addresses for one app is a misconfiguration to stop on.
 * (Auth.js's `trustHost: false` is no alternative: it refuses every request, see README.)
 */
export const pinAuthUrl = ({ publicUrl, env = process.env }: { publicUrl: string; env?: NodeJS.ProcessEnv }): string => {
  const expected = `${publicUrl.replace(/\/+$/, '')}${AUTH_BASE_PATH}`;
  for (const name of ['AUTH_URL', 'NEXTAUTH_URL'] as const) {
    const given = env[name];
    if (given && given.replace(/\/+$/, '') !== expected)
      throw new Error(`${name}=${given} disagrees with the public URL (${expected}); unset it: it is derived from the public URL`);
  }
  env.AUTH_URL = expected;
  // Nothing else may tell next-auth to trust the request's Host.
  delete env.AUTH_TRUST_HOST;
  return expected;
};
