// Seeds as plain functions, so tests and tools reuse exactly what `npm run seed` runs.
import type { PrismaClient } from '../generated/client';
import { seedDemoAccounts } from './accounts';
import { seedDistricts } from './districts';
import { seedHousingOffices } from './housing-offices';
import { seedStaffAdmin } from './staff';
import { seedTariffs } from './tariffs';

export { DEMO_ACCOUNTS, DEMO_YEAR, seedDemoAccounts, type DemoAccount, type DemoAccountCase } from './accounts';
export { DISTRICTS, seedDistricts } from './districts';
export { DEMO_HOUSING_OFFICES, seedHousingOffices } from './housing-offices';
export { DEFAULT_ADMIN_EMAIL, seedStaffAdmin } from './staff';
export { DEMO_TARIFF_SCHEDULE, DEMO_TARIFFS, reducedRate, seedTariffs, type DemoTariff } from './tariffs';

/**
 * Every seed, in dependency order. Idempotent; any failure is thrown to the caller. `demo`: the
 * demo housing offices, tariffs and accounts too — only where the demo mode is on
 * (VOLTPAY_DEMO=1: `npm start`, `npm test`), never in a utility's production database.
 */
export const seedAll = async (prisma: PrismaClient, { adminEmail, demo }: { adminEmail?: string; demo: boolean }): Promise<void> => {
  await seedDistricts(prisma);
  if (demo) {
    await seedHousingOffices(prisma);
    await seedTariffs(prisma);
    await seedDemoAccounts(prisma);
  }
  await seedStaffAdmin(prisma, adminEmail ? { email: adminEmail } : {});
};
