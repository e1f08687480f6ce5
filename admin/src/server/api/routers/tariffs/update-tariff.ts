import { updateTariff } from '~/server/reference/tariffs';
import { roleProcedure } from '~/server/api/trpc';
import { ZUpdateTariffRequest, ZUpdateTariffResponse } from './update-tariff.types';

export const updateTariffRoute = roleProcedure('admin')
  .input(ZUpdateTariffRequest)
  .output(ZUpdateTariffResponse)
  .mutation(({ ctx, input }) =>
    updateTariff({
      prisma: ctx.prisma,
      staff: ctx.staff,
      id: input.id,
      ...(input.rate !== undefined ? { rateCentikopecks: input.rate } : {}),
      ...(input.validFrom !== undefined ? { validFrom: input.validFrom } : {}),
      ...(input.validTo !== undefined ? { validTo: input.validTo } : {}),
    }),
  );
