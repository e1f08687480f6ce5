// Prisma CLI configuration (Prisma 7 reads the datasource URL from here, not from schema.prisma).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: {
    path: 'migrations',
    seed: 'node --import tsx seed/cli.ts',
  },
  // Left undefined when DATABASE_URL is unset: `generate` does not need a database, and the
  // commands that do (migrate, db) then fail with Prisma's own "datasource.url is required"
  // instead of quietly talking to a placeholder.
  datasource: { url: process.env.DATABASE_URL },
});
