import { getDistrict } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZGetDistrictRequest, ZGetDistrictResponse } from './get-district.types';

export const getDistrictRoute = roleProcedure('admin')
  .input(ZGetDistrictRequest)
  .output(ZGetDistrictResponse)
  .query(({ ctx, input }) => getDistrict({ prisma: ctx.prisma, id: input.id }));
