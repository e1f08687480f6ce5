import { updateDistrict } from '../../../reference/places';
import { roleProcedure } from '../../trpc';
import { ZUpdateDistrictRequest, ZUpdateDistrictResponse } from './update-district.types';

export const updateDistrictRoute = roleProcedure('admin')
  .input(ZUpdateDistrictRequest)
  .output(ZUpdateDistrictResponse)
  .mutation(({ ctx, input }) =>
    updateDistrict({
      prisma: ctx.prisma,
      staff: ctx.staff,
      id: input.id,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
    }),
  );
