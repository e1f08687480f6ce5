// `npm run seed` and `prisma db seed`: runs seedAll against DATABASE_URL; exits non-zero on failure.
import { prisma } from '../index';
import { seedAll } from './index';

try {
  await seedAll(prisma);
  console.log('Seeded districts, settlements, demo housing offices, tariffs and demo accounts.');
} catch (error) {
  console.error('Seeding failed:', error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
