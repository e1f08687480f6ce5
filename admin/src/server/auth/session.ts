// Resolves the signed-in member of staff for a request from the console's session cookie: the
// session row must be unexpired and its user active, and the roles are the user's roles NOW (an
// admin's change applies on the next request, not at the next sign-in).
import { prisma as defaultPrisma, type PrismaClient } from '@voltpay/prisma';
import { serverEnv } from '@voltpay/stack/env';
import type { StaffIdentity } from '../api/trpc';
import { hashStaffSessionToken } from './config';
import { readCookie, staffCookieNames } from './cookies';

/** The identity behind a session token (the cookie's raw token), or null when the session is unknown, expired or its user deactivated. */
export const findStaffBySessionToken = async ({
  prisma = defaultPrisma,
  sessionToken,
  now = new Date(),
}: {
  prisma?: PrismaClient;
  sessionToken: string;
  now?: Date;
}): Promise<StaffIdentity | null> => {
  const session = await prisma.staffSession.findUnique({
    where: { sessionToken: hashStaffSessionToken(sessionToken) },
    select: { expires: true, user: { select: { id: true, email: true, name: true, roles: true, active: true } } },
  });
  if (!session || session.expires <= now || !session.user.active) return null;
  const { id, email, name, roles } = session.user;
  return { id, email, name, roles };
};

export const getStaffIdentity = async (headers: Headers): Promise<StaffIdentity | null> => {
  const sessionToken = readCookie(headers, staffCookieNames(serverEnv.ADMIN_PUBLIC_URL).sessionToken);
  return sessionToken ? findStaffBySessionToken({ sessionToken }) : null;
};
