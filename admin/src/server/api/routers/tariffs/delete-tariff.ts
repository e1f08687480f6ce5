import { deleteTariff } from '~/server/reference/tariffs';
import { roleProcedure } from '~/server/api/trpc';
import { ZDeleteTariffRequest, ZDeleteTariffResponse } from './delete-tariff.types';

export const deleteTariffRoute = roleProcedure('admin')
  .input(ZDeleteTariffRequest)
  .output(ZDeleteTariffResponse)
  .mutation(({ ctx, input }) => deleteTariff({ prisma: ctx.prisma, staff: ctx.staff, id: input.id }));
