// The storage next-auth's email sign-in needs for residents, and nothing more: one-time sign-in
// tokens in auth_verification_tokens (realm RESIDENT, so the staff console's tokens never mix).
//
// Residents have no accounts. Who you are on "My payments" is the email address you proved you
// read, and what you see is the payments whose receipt went to it. So there is no users table:
// the "user" next-auth asks for is made up from the address itself ({ id: email, email }), the
// session is a JWT (no sessions table), and none of these functions store anything about people.
import type { PrismaClient } from '@voltpay/prisma';
import type { Adapter, AdapterUser, VerificationToken } from 'next-auth/adapters';

const REALM = 'RESIDENT' as const;

/** The resident behind an address: the address is the whole identity. */
export const residentOf = (email: string, emailVerified: Date | null = null): AdapterUser => ({ id: email, email, emailVerified });

export const createResidentAdapter = ({ prisma, now = () => new Date() }: { prisma: PrismaClient; now?: () => Date }): Adapter => ({
  createVerificationToken: async ({ identifier, token, expires }: VerificationToken) => {
    // next-auth stores a hash of the token (token + secret), never the link's token itself.
    // The address's own expired links go here, so the table does not grow with every sign-in.
    await prisma.authVerificationToken.deleteMany({ where: { realm: REALM, identifier, expires: { lt: now() } } });
    await prisma.authVerificationToken.create({ data: { realm: REALM, identifier, token, expires } });
    return { identifier, token, expires };
  },

  /** One use only: whoever deletes the row wins, so a link opened twice (or raced) signs in once. */
  useVerificationToken: async ({ identifier, token }: { identifier: string; token: string }) => {
    // Our links always carry the address; a request without one cannot be matched to a token.
    if (!identifier) return null;
    const key = { realm: REALM, identifier, token };
    const row = await prisma.authVerificationToken.findUnique({ where: { realm_identifier_token: key } });
    if (!row) return null;
    const { count } = await prisma.authVerificationToken.deleteMany({ where: key });
    if (count !== 1) return null;
    return { identifier: row.identifier, token: row.token, expires: row.expires };
  },

  // Any address may ask for a link: refusing unknown ones would tell a stranger whose address
  // has paid here. Someone with no payments simply sees an empty list.
  getUserByEmail: async (email: string) => residentOf(email),
  // Only called with the id of a session we issued, which is an address.
  getUser: async (id: string) => (id.includes('@') ? residentOf(id) : null),
  createUser: async (user: AdapterUser) => residentOf(user.email, user.emailVerified),
  updateUser: async (user: Partial<AdapterUser> & Pick<AdapterUser, 'id'>) => residentOf(user.email ?? user.id, user.emailVerified ?? null),
});
