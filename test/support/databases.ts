// A throwaway database on the test stack's Postgres, migrated with `prisma migrate deploy`, for
// tests that need an empty schema of their own (seeds). Dropped by the caller's `drop()`.
import { spawnSync } from 'node:child_process';
import { createPrismaClient } from '@voltpay/prisma';
import { PRISMA_CLI_PATH, PRISMA_PACKAGE_DIR } from '@voltpay/prisma/engine';
import { createThrowawayDatabase } from '@voltpay/prisma/testing';

export const createMigratedDatabase = async ({ prefix }: { prefix: string }) => {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL (a Postgres superuser URL of the test stack) is required');
  const db = await createThrowawayDatabase({ adminUrl, prefix });
  const deploy = spawnSync(process.execPath, ['--import', 'tsx', PRISMA_CLI_PATH, 'migrate', 'deploy'], {
    cwd: PRISMA_PACKAGE_DIR,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
  });
  if (deploy.status !== 0) {
    await db.drop();
    throw new Error(`migrate deploy failed:\n${deploy.stdout}${deploy.stderr}`);
  }
  const prisma = createPrismaClient({ connectionString: db.url });
  return {
    db,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
};
