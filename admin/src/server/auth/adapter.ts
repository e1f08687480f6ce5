// next-auth's database adapter over the console's own tables: staff_users, staff_sessions and the
// STAFF realm of auth_verification_tokens. Nobody is created by signing in (admins add staff), and
// a deactivated user's session reads as no session at all. Session rows hold the token's hash
// (hashStaffSessionToken); next-auth hands us and gets back the raw token, which only the cookie keeps.
import type { Adapter, AdapterSession, AdapterUser } from 'next-auth/adapters';
import type { PrismaClient, StaffUser } from '@voltpay/prisma';
import { hashStaffSessionToken, normaliseStaffEmail } from './config';

const toAdapterUser = (user: Pick<StaffUser, 'id' | 'email' | 'name' | 'emailVerified'>): AdapterUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  emailVerified: user.emailVerified,
});

const toAdapterSession = (sessionToken: string, session: { userId: string; expires: Date }): AdapterSession => ({
  sessionToken,
  userId: session.userId,
  expires: session.expires,
});

export const createStaffAdapter = ({ prisma }: { prisma: PrismaClient }): Adapter => ({
  createUser: async () => {
    // The signIn callback refuses unknown emails before next-auth gets here.
    throw new Error('Staff accounts are created by an admin in the console, never by signing in.');
  },

  getUser: async (id) => {
    const user = await prisma.staffUser.findUnique({ where: { id } });
    return user ? toAdapterUser(user) : null;
  },

  getUserByEmail: async (email) => {
    const user = await prisma.staffUser.findUnique({ where: { email: normaliseStaffEmail(email) } });
    return user ? toAdapterUser(user) : null;
  },

  getUserByAccount: async () => null,

  updateUser: async ({ id, emailVerified }) => {
    const user = await prisma.staffUser.update({
      where: { id },
      data: emailVerified === undefined ? {} : { emailVerified },
    });
    return toAdapterUser(user);
  },

  createSession: async ({ sessionToken, userId, expires }) =>
    toAdapterSession(sessionToken, await prisma.staffSession.create({ data: { sessionToken: hashStaffSessionToken(sessionToken), userId, expires } })),

  getSessionAndUser: async (sessionToken) => {
    const session = await prisma.staffSession.findUnique({ where: { sessionToken: hashStaffSessionToken(sessionToken) }, include: { user: true } });
    if (!session || !session.user.active) return null;
    return { session: toAdapterSession(sessionToken, session), user: toAdapterUser(session.user) };
  },

  updateSession: async ({ sessionToken, expires }) => {
    const where = { sessionToken: hashStaffSessionToken(sessionToken) };
    // A session an admin ended meanwhile stays ended.
    const { count } = await prisma.staffSession.updateMany({ where, data: expires ? { expires } : {} });
    if (count === 0) return null;
    const session = await prisma.staffSession.findUnique({ where });
    return session ? toAdapterSession(sessionToken, session) : null;
  },

  deleteSession: async (sessionToken) => {
    const where = { sessionToken: hashStaffSessionToken(sessionToken) };
    const session = await prisma.staffSession.findUnique({ where });
    if (!session) return null;
    await prisma.staffSession.deleteMany({ where });
    return toAdapterSession(sessionToken, session);
  },

  createVerificationToken: async ({ identifier, token, expires }) => {
    // Housekeeping: links nobody used are worthless once expired.
    await prisma.authVerificationToken.deleteMany({ where: { realm: 'STAFF', expires: { lt: new Date() } } });
    await prisma.authVerificationToken.create({ data: { realm: 'STAFF', identifier, token, expires } });
    return { identifier, token, expires };
  },

  useVerificationToken: async ({ identifier, token }) => {
    const row = await prisma.authVerificationToken.findFirst({ where: { realm: 'STAFF', identifier, token } });
    if (!row) return null;
    // One use: of two clicks racing on the same link, only the one that deletes the row signs in.
    const { count } = await prisma.authVerificationToken.deleteMany({ where: { realm: 'STAFF', identifier, token } });
    return count === 1 ? { identifier: row.identifier, token: row.token, expires: row.expires } : null;
  },
});
