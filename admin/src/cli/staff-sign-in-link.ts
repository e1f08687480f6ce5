// The local stack's shortcut into the console: a one-time sign-in link for the seeded admin, made the
// way next-auth makes the emailed ones, printed with the URLs. Local only: never for a console whose
// public address is not this machine (a deployment signs in by email like everyone else).
// The console's own script: `npm start` runs it with the stack's environment and prints its one line
// of output (`npm run sign-in-link -w @voltpay/admin` makes another with the same variables set).
import { createPrismaClient } from '@voltpay/prisma';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { deriveAuthSecret } from '@voltpay/stack/auth-config';
import { createStaffSignInLink } from '../server/auth/sign-in-link';

/** A link printed at start-up may be opened hours later; it still works once only. */
const LINK_MAX_AGE_SECONDS = 12 * 60 * 60;

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/** The line to print, or why there is none. Never throws: the stack is up either way. */
const describeStaffSignInLink = async (env: Record<string, string | undefined>): Promise<string> => {
  const { DATABASE_URL, AUTH_SECRET, ADMIN_PUBLIC_URL } = env;
  if (!DATABASE_URL || !AUTH_SECRET || !ADMIN_PUBLIC_URL) return 'Staff sign-in: (no link: the stack has no ADMIN_PUBLIC_URL/AUTH_SECRET)';
  if (!isLoopback(ADMIN_PUBLIC_URL) || env.NODE_ENV === 'production')
    return 'Staff sign-in: by emailed link at the console’s /sign-in (no start-up link outside a local stack)';
  const email = (env.VOLTPAY_ADMIN_EMAIL ?? 'admin@voltpay.local').trim().toLowerCase();
  const prisma = createPrismaClient({ connectionString: DATABASE_URL });
  try {
    const admin = await prisma.staffUser.findUnique({ where: { email }, select: { active: true } });
    if (!admin?.active) return `Staff sign-in: (no link: ${email} is not an active member of staff; sign in as another at /sign-in)`;
    const link = await createStaffSignInLink({
      prisma,
      email,
      secret: deriveAuthSecret({ secret: AUTH_SECRET, app: 'admin' }),
      publicUrl: ADMIN_PUBLIC_URL,
      maxAgeSeconds: LINK_MAX_AGE_SECONDS,
    });
    return `Staff sign-in (${link.email}): ${link.url}\n                    one use, until ${formatOmskDateTime(link.expires, 'ru', { zone: true })}; more links: ${ADMIN_PUBLIC_URL}/sign-in (mail lands in email_outbox)`;
  } catch (error) {
    return `Staff sign-in: (no link: ${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await prisma.$disconnect();
  }
};

console.log(await describeStaffSignInLink(process.env));
