import { createHousingOffice } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateHousingOfficeRequest, ZCreateHousingOfficeResponse } from './create-housing-office.types';

export const createHousingOfficeRoute = roleProcedure('admin')
  .input(ZCreateHousingOfficeRequest)
  .output(ZCreateHousingOfficeResponse)
  .mutation(({ ctx, input }) => createHousingOffice({ prisma: ctx.prisma, staff: ctx.staff, ...input }));
