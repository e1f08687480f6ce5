import { updateHousingOffice } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZUpdateHousingOfficeRequest, ZUpdateHousingOfficeResponse } from './update-housing-office.types';

export const updateHousingOfficeRoute = roleProcedure('admin')
  .input(ZUpdateHousingOfficeRequest)
  .output(ZUpdateHousingOfficeResponse)
  .mutation(({ ctx, input }) =>
    updateHousingOffice({
      prisma: ctx.prisma,
      staff: ctx.staff,
      id: input.id,
      ...(input.index !== undefined ? { index: input.index } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
    }),
  );
