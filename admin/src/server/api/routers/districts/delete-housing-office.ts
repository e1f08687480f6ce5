import { deleteHousingOffice } from '~/server/reference/places';
import { roleProcedure } from '~/server/api/trpc';
import { ZDeleteHousingOfficeRequest, ZDeleteHousingOfficeResponse } from './delete-housing-office.types';

export const deleteHousingOfficeRoute = roleProcedure('admin')
  .input(ZDeleteHousingOfficeRequest)
  .output(ZDeleteHousingOfficeResponse)
  .mutation(({ ctx, input }) => deleteHousingOffice({ prisma: ctx.prisma, staff: ctx.staff, id: input.id }));
