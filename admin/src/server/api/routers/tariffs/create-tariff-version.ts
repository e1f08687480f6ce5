import { createTariffVersion } from '~/server/reference/tariffs';
import { roleProcedure } from '~/server/api/trpc';
import { ZCreateTariffVersionRequest, ZCreateTariffVersionResponse } from './create-tariff-version.types';

export const createTariffVersionRoute = roleProcedure('admin')
  .input(ZCreateTariffVersionRequest)
  .output(ZCreateTariffVersionResponse)
  .mutation(({ ctx, input }) =>
    createTariffVersion({
      prisma: ctx.prisma,
      staff: ctx.staff,
      locality: input.locality,
      stove: input.stove,
      validFrom: input.validFrom,
      rates: {
        ...(input.singleRate !== undefined ? { SINGLE: input.singleRate } : {}),
        ...(input.dayRate !== undefined ? { DAY: input.dayRate } : {}),
        ...(input.nightRate !== undefined ? { NIGHT: input.nightRate } : {}),
      },
    }),
  );
