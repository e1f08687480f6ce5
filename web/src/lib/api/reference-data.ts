// Districts and settlements for the site's pickers, straight from the database (admins edit them).
import { prisma } from '@voltpay/prisma';
import type { z } from 'zod';
import { ApiError } from './errors';
import type { DistrictsResponse, SettlementsResponse } from './schemas';

export const listDistricts = async (): Promise<z.input<typeof DistrictsResponse>> => ({
  districts: await prisma.district.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { code: true, name: true, kind: true } }),
});

/** The district's settlements, its centre first; DISTRICT_NOT_FOUND (404) for an unknown code. */
export const listSettlements = async ({ districtCode }: { districtCode: string }): Promise<z.input<typeof SettlementsResponse>> => {
  const district = await prisma.district.findUnique({
    where: { code: districtCode },
    select: {
      code: true,
      name: true,
      kind: true,
      settlements: {
        orderBy: [{ isDistrictCentre: 'desc' }, { sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, kind: true, isDistrictCentre: true },
      },
    },
  });
  if (!district) throw new ApiError({ code: 'DISTRICT_NOT_FOUND', status: 404 });
  const { settlements, ...rest } = district;
  return { district: rest, settlements };
};
