import { updateDistrict } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
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
