import { getDistrict } from '../../../reference/places';
import { roleProcedure } from '../../trpc';
import { ZGetDistrictRequest, ZGetDistrictResponse } from './get-district.types';

export const getDistrictRoute = roleProcedure('admin')
  .input(ZGetDistrictRequest)
  .output(ZGetDistrictResponse)
  .query(({ ctx, input }) => getDistrict({ prisma: ctx.prisma, id: input.id }));
