import { createDistrict } from '../../../reference/places';
import { roleProcedure } from '../../trpc';
import { ZCreateDistrictRequest, ZCreateDistrictResponse } from './create-district.types';

export const createDistrictRoute = roleProcedure('admin')
  .input(ZCreateDistrictRequest)
  .output(ZCreateDistrictResponse)
  .mutation(({ ctx, input }) => createDistrict({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
