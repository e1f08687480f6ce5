// Seeds as plain functions, so tests and tools reuse exactly what `npm run seed` runs.
import type { PrismaClient } from '../generated/client';
import { seedDistricts } from './districts';
import { seedHousingOffices } from './housing-offices';

export { DISTRICTS, seedDistricts } from './districts';
export { DEMO_HOUSING_OFFICES, seedHousingOffices } from './housing-offices';

/** Every seed, in dependency order. Idempotent; any failure is thrown to the caller. */
export const seedAll = async (prisma: PrismaClient): Promise<void> => {
  await seedDistricts(prisma);
  await seedHousingOffices(prisma);
};
