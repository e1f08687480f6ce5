// Housing offices (ЖЭО) of the city of Omsk.
import type { PrismaClient } from '../generated/client';

// DEMO data, not the utility's real offices (isDemo = true, and "(демо)" in the name): enough to
// try a city payment end to end. 9999 is the index in the utility's own guide, whose example
// account `99991234567` is index 9999 + account 1234567. Real offices are entered by admins.
export const DEMO_HOUSING_OFFICES: readonly { index: string; name: string }[] = [
  { index: '9999', name: 'ЖЭО № 9999 (демо, пример из памятки)' },
  { index: '1101', name: 'ЖЭО № 1101 (демо)' },
  { index: '1102', name: 'ЖЭО № 1102 (демо)' },
  { index: '2201', name: 'ЖЭО № 2201 (демо)' },
  { index: '3301', name: 'ЖЭО № 3301 (демо)' },
];

const CITY_CODE = 'omsk';

/** Creates the demo housing offices that are missing; needs the city (seedDistricts) first. */
export const seedHousingOffices = async (prisma: PrismaClient): Promise<void> => {
  for (const { index } of DEMO_HOUSING_OFFICES) {
    // char(4) would quietly pad a shorter index; the account-number parser expects exactly 4 digits.
    if (!/^\d{4}$/.test(index)) throw new Error(`seedHousingOffices: index ${JSON.stringify(index)} is not 4 digits`);
  }
  const city = await prisma.district.findUnique({ where: { code: CITY_CODE }, select: { id: true } });
  if (!city) throw new Error(`seedHousingOffices: district ${CITY_CODE} is missing; run seedDistricts first`);

  await prisma.housingOffice.createMany({
    data: DEMO_HOUSING_OFFICES.map(({ index, name }) => ({ districtId: city.id, index, name, isDemo: true })),
    skipDuplicates: true,
  });
};
