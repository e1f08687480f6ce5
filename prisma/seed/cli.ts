// `npm run seed` and `prisma db seed`: runs seedAll against DATABASE_URL; exits non-zero on failure.
import { prisma } from '../index';
import { seedAll } from './index';

const demo = process.env.VOLTPAY_DEMO === '1';
try {
  await seedAll(prisma, { demo, ...(process.env.VOLTPAY_ADMIN_EMAIL ? { adminEmail: process.env.VOLTPAY_ADMIN_EMAIL } : {}) });
  console.log(
    demo
      ? 'Seeded districts, settlements, demo housing offices, tariffs, demo accounts and the first admin.'
      : 'Seeded districts, settlements and the first admin (no demo data: VOLTPAY_DEMO is not 1).',
  );
} catch (error) {
  console.error('Seeding failed:', error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
