// The first member of staff: an admin who can sign in to the console on a fresh install and add
// everyone else there. Holds every role, so one person can try each job of the console locally.
import type { PrismaClient } from '../generated/client';

/** The email the README names; VOLTPAY_ADMIN_EMAIL replaces it. */
export const DEFAULT_ADMIN_EMAIL = 'admin@voltpay.local';

export const seedStaffAdmin = async (prisma: PrismaClient, { email = DEFAULT_ADMIN_EMAIL }: { email?: string } = {}): Promise<void> => {
  const normalised = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalised)) throw new Error(`seedStaffAdmin: "${email}" is not an email address`);
  // Only when missing: an admin may since have changed the seeded user's roles or deactivated it.
  await prisma.staffUser.upsert({
    where: { email: normalised },
    create: { email: normalised, name: 'Администратор', roles: ['admin', 'sales', 'operator'] },
    update: {},
  });
};
