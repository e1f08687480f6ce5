// `npm run seed` and `prisma db seed`: runs seedAll against DATABASE_URL; exits non-zero on failure.
import { prisma } from '../index';
import { seedAll } from './index';

try {
  await seedAll(prisma, process.env.VOLTPAY_ADMIN_EMAIL ? { adminEmail: process.env.VOLTPAY_ADMIN_EMAIL } : {});
  console.log('Seeded districts, settlements, demo housing offices, tariffs, demo accounts and the first admin.');
} catch (error) {
  console.error('Seeding failed:', error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
