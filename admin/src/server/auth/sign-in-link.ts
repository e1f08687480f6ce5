// Makes a one-time sign-in link exactly as next-auth's email provider would (@auth/core
// lib/actions/signin/send-token.ts: the row holds sha256(token + secret) in hex; the link carries the
// token). For the local stack's start-up message and for tests; the console itself lets next-auth do it.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@voltpay/prisma';
import { normaliseStaffEmail, STAFF_EMAIL_PROVIDER_ID, STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS } from './config';

/** What next-auth stores for an emailed token (its createHash). */
export const hashVerificationToken = ({ token, secret }: { token: string; secret: string }) => createHash('sha256').update(`${token}${secret}`).digest('hex');

export type StaffSignInLink = { url: string; email: string; expires: Date };

export const createStaffSignInLink = async ({
  prisma,
  email,
  secret,
  publicUrl,
  callbackUrl = '/',
  maxAgeSeconds = STAFF_SIGN_IN_LINK_MAX_AGE_SECONDS,
}: {
  prisma: PrismaClient;
  email: string;
  /** The console's own next-auth secret: deriveAuthSecret({ secret: AUTH_SECRET, app: 'admin' }). */
  secret: string;
  /** ADMIN_PUBLIC_URL. */
  publicUrl: string;
  callbackUrl?: string;
  maxAgeSeconds?: number;
}): Promise<StaffSignInLink> => {
  const identifier = normaliseStaffEmail(email);
  const token = randomBytes(32).toString('hex');
  const expires = new Date(Date.now() + maxAgeSeconds * 1000);
  await prisma.authVerificationToken.create({
    data: { realm: 'STAFF', identifier, token: hashVerificationToken({ token, secret }), expires },
  });
  const base = publicUrl.replace(/\/+$/, '');
  const absoluteCallbackUrl = new URL(callbackUrl, `${base}/`).toString();
  const query = new URLSearchParams({ callbackUrl: absoluteCallbackUrl, token, email: identifier });
  return { url: `${base}/api/auth/callback/${STAFF_EMAIL_PROVIDER_ID}?${query}`, email: identifier, expires };
};
