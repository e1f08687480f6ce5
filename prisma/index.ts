// The one Prisma client of the app (web, admin, worker), plus the generated model types and enums, and
// the one check for a unique-key violation (how an idempotent write learns it lost a race).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export * from './generated/client';
export { isForeignKeyViolation, isUniqueViolation } from './unique-violation';

/** A new client on `connectionString`; the app uses `prisma` below, tests and tools their own. */
export const createPrismaClient = ({ connectionString }: { connectionString: string | undefined }): PrismaClient => {
  const adapter = new PrismaPg({ connectionString });
  if (!connectionString) {
    // Importing this module must not throw: `next build` imports it with no database around.
    // The adapter connects lazily, so only the first query reaches this and fails.
    adapter.connect = async () => {
      throw new Error('DATABASE_URL is not set: @voltpay/prisma cannot reach the database.');
    };
  }
  return new PrismaClient({ adapter });
};

// Next's dev server re-evaluates modules on every change; keeping the client on globalThis stops
// each reload from opening another connection pool.
const globalForPrisma = globalThis as typeof globalThis & { voltpayPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.voltpayPrisma ?? createPrismaClient({ connectionString: process.env.DATABASE_URL });

if (process.env.NODE_ENV !== 'production') globalForPrisma.voltpayPrisma = prisma;
