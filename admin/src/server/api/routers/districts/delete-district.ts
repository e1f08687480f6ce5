import { deleteDistrict } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZDeleteDistrictRequest, ZDeleteDistrictResponse } from './delete-district.types';

export const deleteDistrictRoute = roleProcedure('admin')
  .input(ZDeleteDistrictRequest)
  .output(ZDeleteDistrictResponse)
  .mutation(({ ctx, input }) => deleteDistrict({ prisma: ctx.prisma, staff: ctx.staff, id: input.id }));
