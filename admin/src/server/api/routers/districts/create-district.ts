import { createDistrict } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateDistrictRequest, ZCreateDistrictResponse } from './create-district.types';

export const createDistrictRoute = roleProcedure('admin')
  .input(ZCreateDistrictRequest)
  .output(ZCreateDistrictResponse)
  .mutation(({ ctx, input }) => createDistrict({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
